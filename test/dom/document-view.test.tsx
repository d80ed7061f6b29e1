import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentView } from '../../components/document-view';
import { excerpt } from '../../utils/term-card-model';
import type { DocumentDetail } from '../../utils/views';
import { LUO, SEMINAR } from '../fixtures/views/term-detail';

const DETAIL: DocumentDetail = {
  document: SEMINAR,
  actors: [LUO],
  passages: [
    {
      id: 'seminar-2020:s01',
      text: 'Opening Remarks by H.E. Luo Zhaohui',
      locator: 'Speech 1',
      sectionPath: [],
      kind: 'context',
      format: 'prose',
      actorId: 'luo-zhaohui',
    },
    {
      id: 'seminar-2020:s01.p13',
      text: 'The Eastern Turkistan Islamic Movement (ETIM) is a terrorist group listed by the UN Security Council.',
      locator: 'Speech 1 (Luo Zhaohui), para. 13',
      sectionPath: [],
      kind: 'position',
      format: 'prose',
      actorId: 'luo-zhaohui',
    },
  ],
};

describe('DocumentView', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the metadata, headings, speakers, locators and the focused passage, terms marked', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <DocumentView
        detail={DETAIL}
        focusPassageId="seminar-2020:s01.p13"
        segmentsOf={(text) =>
          excerpt(
            text,
            [...text.matchAll(/ETIM/g)].map((m) => ({ start: m.index, end: m.index + 4 })),
          ).segments
        }
      />,
      root,
    );
    expect(root.querySelector('h2')?.textContent).toBe(SEMINAR.title);
    expect([...root.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
      SEMINAR.issuingBody,
      'December 22, 2020',
    ]);
    expect(root.querySelector('.document-heading')?.textContent).toBe(
      'Opening Remarks by H.E. Luo Zhaohui',
    );
    expect(root.querySelector('.speaker')?.textContent).toBe(
      'Luo Zhaohui, Vice Minister, Ministry of Foreign Affairs, China',
    );
    const focused = root.querySelector('[aria-current="true"]')!;
    expect(focused.id).toBe('passage-seminar-2020:s01.p13');
    expect(focused.querySelector('.passage-locator')?.textContent).toBe(
      'Speech 1 (Luo Zhaohui), para. 13',
    );
    expect(focused.querySelector('mark')?.textContent).toBe('ETIM');
  });

  it('offers "Save clip" on passages, not on headings, and shows a passage already saved', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onSaveClip = vi.fn();
    render(
      <DocumentView
        detail={DETAIL}
        segmentsOf={(text) => [{ text, emphasis: false }]}
        clipMarks={{ 'seminar-2020:s01.p13': { status: 'saved' } }}
        onSaveClip={onSaveClip}
      />,
      root,
    );
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.save-clip')];
    expect(buttons.map((button) => button.textContent)).toEqual(['✓ Saved to clips']);
    buttons[0]!.click();
    expect(onSaveClip).toHaveBeenCalledWith('seminar-2020:s01.p13');
  });

  it('offers "Copy citation" on passages, citing the document and the speaker', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onCopyCitation = vi.fn();
    render(
      <DocumentView
        detail={DETAIL}
        segmentsOf={(text) => [{ text, emphasis: false }]}
        copied={{ passageId: 'seminar-2020:s01.p13', format: 'text', ok: true }}
        onCopyCitation={onCopyCitation}
      />,
      root,
    );
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.copy-citation')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Citation copied',
      'Copy as Markdown',
    ]);
    buttons[1]!.click();
    expect(onCopyCitation).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'seminar-2020:s01.p13',
        locator: 'Speech 1 (Luo Zhaohui), para. 13',
        document: SEMINAR,
        actor: LUO,
      }),
      'markdown',
    );
  });
});
