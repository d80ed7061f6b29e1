import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightControls } from '../../components/highlight-controls';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';

function show(settings: Settings, hostname: string | null = 'news.example', siteEnabled = true) {
  const onChange = vi.fn();
  const onSiteChange = vi.fn();
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <HighlightControls
      settings={settings}
      hostname={hostname}
      siteEnabled={siteEnabled}
      onChange={onChange}
      onSiteChange={onSiteChange}
    />,
    root,
  );
  const checkbox = (label: string) =>
    [...root.querySelectorAll('label')]
      .find((element) => element.textContent?.includes(label))!
      .querySelector('input')!;
  return { root, onChange, onSiteChange, checkbox };
}

describe('HighlightControls', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('pauses and resumes highlighting everywhere', () => {
    const { checkbox, onChange } = show(DEFAULT_SETTINGS);
    checkbox('On').click();
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, paused: true });
  });

  it('switches the current site off', () => {
    const { checkbox, onSiteChange } = show(DEFAULT_SETTINGS);
    expect(checkbox('Highlight on news.example').checked).toBe(true);
    checkbox('Highlight on news.example').click();
    expect(onSiteChange).toHaveBeenCalledWith(false);
  });

  it('says when the tab is not a page Pledgemark runs on', () => {
    const { root } = show(DEFAULT_SETTINGS, null);
    expect(root.textContent).toContain('Pledgemark does not highlight on this kind of page.');
  });

  it('sets how cards open: only with Alt, after a chosen delay', () => {
    const { checkbox, onChange, root } = show(DEFAULT_SETTINGS);
    checkbox('open only while Alt is held').click();
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, cardTrigger: 'modifier' });
    const delay = root.querySelector<HTMLInputElement>('input[type="number"]')!;
    delay.value = '600';
    delay.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, hoverDelayMs: 600 });
    delay.value = '5';
    delay.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('changes the density and the categories', () => {
    const { checkbox, onChange } = show(DEFAULT_SETTINGS);
    checkbox('first occurrence').click();
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, density: 'first' });
    checkbox('Groups').click();
    expect(onChange).toHaveBeenLastCalledWith({
      ...DEFAULT_SETTINGS,
      categories: ['organisation', 'instrument', 'programme', 'concept'],
    });
  });
});
