import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HighlightControls } from '../../components/highlight-controls';
import { DEFAULT_SETTINGS, EVERYWHERE, type Settings } from '../../utils/settings';

function show(
  settings: Settings,
  hostname: string | null = 'news.example',
  siteEnabled = true,
  termLabels?: Record<string, string>,
) {
  const onChange = vi.fn();
  const onSiteChange = vi.fn();
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <HighlightControls
      settings={settings}
      hostname={hostname}
      siteEnabled={siteEnabled}
      termLabels={termLabels}
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

  it('lists no hidden terms when none is hidden', () => {
    const { root } = show(DEFAULT_SETTINGS);
    expect(root.querySelector('.hidden-terms')).toBeNull();
    expect(root.textContent).not.toContain('Hidden terms');
  });

  it('lists the hidden terms of every site by label, each to show again', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      hiddenTerms: { 'other.org': ['fatf'], 'example.com': ['fatf', 'etim'] },
    };
    const { root, onChange } = show(settings, null, false, {
      fatf: 'Financial Action Task Force (FATF)',
      etim: 'East Turkestan Islamic Movement (ETIM)',
    });
    const section = root.querySelector<HTMLElement>('section.hidden-terms')!;
    expect(section.querySelector('h3')?.textContent).toBe('Hidden terms');
    // Sites in order, terms by label; every site, though the tab is no web page.
    const sites = [...section.querySelectorAll('.hidden-terms-sites > li')].map((site) => ({
      host: site.querySelector('.hidden-terms-host')?.textContent,
      terms: [...site.querySelectorAll('.hidden-terms-list > li > span')].map(
        (term) => term.textContent,
      ),
    }));
    expect(sites).toEqual([
      {
        host: 'example.com',
        terms: ['East Turkestan Islamic Movement (ETIM)', 'Financial Action Task Force (FATF)'],
      },
      { host: 'other.org', terms: ['Financial Action Task Force (FATF)'] },
    ]);
    const buttons = [...section.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Show again',
      'Show again',
      'Show again',
    ]);
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Show “East Turkestan Islamic Movement (ETIM)” on example.com again',
      'Show “Financial Action Task Force (FATF)” on example.com again',
      'Show “Financial Action Task Force (FATF)” on other.org again',
    ]);

    buttons[1]!.click();
    expect(onChange).toHaveBeenLastCalledWith({
      ...settings,
      hiddenTerms: { 'other.org': ['fatf'], 'example.com': ['etim'] },
    });
    buttons[2]!.click();
    expect(onChange).toHaveBeenLastCalledWith({
      ...settings,
      hiddenTerms: { 'example.com': ['fatf', 'etim'] },
    });
  });

  it('lists the sense corrections, each to undo', () => {
    const onSite = { termId: 'api', alias: 'API', host: 'travel.example' };
    const everywhere = { termId: 'pnr', alias: 'PNR', host: EVERYWHERE };
    const settings: Settings = { ...DEFAULT_SETTINGS, senseCorrections: [onSite, everywhere] };
    const { root, onChange } = show(settings, null, false, {
      api: 'Advance Passenger Information (API)',
    });
    const section = root.querySelector<HTMLElement>(
      '[aria-labelledby="sense-corrections-heading"]',
    )!;
    expect(section.querySelector('h3')?.textContent).toBe('Not this meaning');
    expect([...section.querySelectorAll('li > span')].map((item) => item.textContent)).toEqual([
      '“API” is not Advance Passenger Information (API), on travel.example',
      '“PNR” is not pnr, everywhere',
    ]);
    const undo = [...section.querySelectorAll('button')];
    expect(undo.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Highlight “API” as Advance Passenger Information (API) on travel.example again',
      'Highlight “PNR” as pnr everywhere again',
    ]);
    undo[1]!.click();
    expect(onChange).toHaveBeenLastCalledWith({ ...settings, senseCorrections: [onSite] });
  });

  it('shows a hidden term by its id when its label is not known', () => {
    const { root } = show({ ...DEFAULT_SETTINGS, hiddenTerms: { 'example.com': ['fatf'] } });
    const button = root.querySelector('.hidden-terms button')!;
    expect(button.getAttribute('aria-label')).toBe('Show “fatf” on example.com again');
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
