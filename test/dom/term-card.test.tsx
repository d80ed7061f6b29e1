import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TermCard, type TermCardProps } from '../../components/term-card';
import { FATF_DETAIL, LONG_TEXT } from '../fixtures/views/term-detail';

const mentionsOfFatf = (text: string) =>
  [...text.matchAll(/FATF|Financial Action Task Force/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));

function show(overrides: Partial<TermCardProps> = {}) {
  const props: TermCardProps = {
    detail: FATF_DETAIL,
    pageCount: 4,
    mentionsIn: mentionsOfFatf,
    variant: 'card',
    onCopyCitation: vi.fn(),
    onSelectTerm: vi.fn(),
    onOpenInDocument: vi.fn(),
    onOpenTermView: vi.fn(),
    onHideTerm: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<TermCard {...props} />, root);
  const button = (name: string) =>
    [...root.querySelectorAll('button')].find(
      (element) => element.textContent === name || element.getAttribute('aria-label') === name,
    );
  return { root, props, button };
}

describe('TermCard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is labelled by the term and has headed sections', () => {
    const { root } = show();
    const article = root.querySelector('article')!;
    expect(document.getElementById(article.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Financial Action Task Force (FATF)',
    );
    expect([...root.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual([
      'Strongest quote',
      'Commitments',
      'Positions',
      'Related terms',
    ]);
    expect(root.querySelector('.term-counts')?.textContent).toBe(
      '· 2 commitments in 2 documents, 3 positions by 2 actors · 4 on this page',
    );
  });

  it('leads with the strongest quote, its source said, and folds what the term is below it', () => {
    const { root } = show();
    const first = root.querySelector('article > :not(header)')!;
    expect(first.classList.contains('term-lead')).toBe(true);
    // The G7 commitment names FATF twice, the work plan's once: the G7 one leads.
    expect(first.querySelector('.passage-locator')?.textContent).toBe(
      'G7 Action Plan 2016 · Action 1 › Countering Terrorist Financing › bullet 4 · May 2016',
    );
    expect(first.querySelector('.passage-quote strong')?.textContent).toBe('FATF');
    const about = root.querySelector<HTMLDetailsElement>('details.term-about')!;
    expect(about.open).toBe(false);
    expect(about.querySelector('.term-definition')?.textContent).toBe(FATF_DETAIL.term.definition);
    // The lead is not repeated in the list below it.
    const [commitments] = root.querySelectorAll('.term-section');
    expect([...commitments!.querySelectorAll('h4')].map((heading) => heading.textContent)).toEqual([
      'Counter-Terrorism Working Group Proposed Workplan for 2017',
    ]);
  });

  it('leads with a position when no document commits to anything, and says all positions come from one seminar', () => {
    const { root } = show({ detail: { ...FATF_DETAIL, commitments: [] } });
    expect(root.querySelector('.term-lead .passage-locator')?.textContent).toBe(
      // The shortest of three that name FATF once: the most to the point.
      'Imtiaz Gul · Virtual Seminar 2020 Proceedings · Speech 7 (Imtiaz Gul), para. 9 · December 22, 2020',
    );
    expect(root.querySelector('.term-source-note')?.textContent).toBe(
      `All 3 positions come from one seminar, hosted by ${FATF_DETAIL.positions[0]!.document.issuingBody}, December 22, 2020.`,
    );
  });

  it('shows the full view without a lead quote, what the term is open', () => {
    const { root } = show({ variant: 'page' });
    expect(root.querySelector('.term-lead')).toBeNull();
    expect(root.querySelector('details')).toBeNull();
    expect(root.querySelector('.term-definition')?.textContent).toBe(FATF_DETAIL.term.definition);
  });

  it('groups commitments by document with issuer and date, and positions by actor with role and country', () => {
    const { root } = show();
    const [commitments, positions] = root.querySelectorAll('.term-section');
    expect([...commitments!.querySelectorAll('h4')].map((heading) => heading.textContent)).toEqual([
      'Counter-Terrorism Working Group Proposed Workplan for 2017',
    ]);
    expect(commitments!.querySelector('.group-meta')?.textContent).toBe(
      'APEC Counter-Terrorism Working Group (CTWG) Chair · 28 February 2017',
    );
    expect([...positions!.querySelectorAll('h4')].map((heading) => heading.textContent)).toEqual([
      'Imtiaz Gul',
      'Luo Zhaohui',
    ]);
    expect(positions!.querySelector('.group-meta')?.textContent).toBe(
      'Executive Director, Center for Research and Security Studies, Pakistan · December 22, 2020',
    );
  });

  it('trims a long passage around the term, emphasises it, and expands on request', async () => {
    const { root } = show();
    const quote = root.querySelector('.passage-quote')!;
    expect(quote.textContent!.length).toBeLessThan(LONG_TEXT.length);
    expect(quote.querySelector('strong')?.textContent).toBe('FATF');
    const expand = root.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')!;
    expand.click();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelector('.passage-quote')!.textContent).toBe(LONG_TEXT);
    expect(root.querySelector('button[aria-expanded="true"]')?.textContent).toBe('Show less');
  });

  it('says so when a section is empty, and copes with missing places and dates', () => {
    const { root } = show({
      detail: { ...FATF_DETAIL, commitments: [], positions: [], related: [], sources: [] },
      pageCount: undefined,
    });
    expect(root.textContent).toContain('No document commits to anything about this term.');
    expect(root.textContent).toContain('No actor states a position about this term.');
    expect(root.querySelector('.term-counts')?.textContent).toBe('· No commitments, no positions');
    expect(root.querySelector('.term-lead')).toBeNull();
  });

  it('leaves out what a passage lacks: a date, a role, a country', () => {
    const undated = {
      ...FATF_DETAIL.commitments[1]!,
      document: { ...FATF_DETAIL.commitments[1]!.document, dateLabel: '' },
    };
    const anonymous = {
      ...FATF_DETAIL.positions[0]!,
      actor: { ...FATF_DETAIL.positions[0]!.actor, role: null, organisation: null, country: null },
    };
    const { root } = show({
      variant: 'page',
      detail: { ...FATF_DETAIL, commitments: [undated], positions: [anonymous] },
    });
    expect(root.querySelector('.matrix-date')).toBeNull();
    const metas = [...root.querySelectorAll('.group-meta')].map((meta) => meta.textContent);
    expect(metas).toEqual(['December 22, 2020']);
  });

  it('hands actions back to the caller', () => {
    const { props, button, root } = show();
    button('Copy citation')!.click();
    expect(props.onCopyCitation).toHaveBeenCalledWith(FATF_DETAIL.commitments[0], 'text');
    button('Copy as Markdown')!.click();
    expect(props.onCopyCitation).toHaveBeenLastCalledWith(FATF_DETAIL.commitments[0], 'markdown');
    button('Terrorist financing')!.click();
    expect(props.onSelectTerm).toHaveBeenCalledWith('terrorist-financing');
    root.querySelector<HTMLButtonElement>('.term-lead .passage-actions button:last-child')!.click();
    expect(props.onOpenInDocument).toHaveBeenCalledWith(FATF_DETAIL.commitments[0]);
    button('Open full view')!.click();
    expect(props.onOpenTermView).toHaveBeenCalled();
    expect(button('Open in Pledgemark')).toBeUndefined();
    button('Hide this term on this site')!.click();
    expect(props.onHideTerm).toHaveBeenCalled();
    button('Close')!.click();
    expect(props.onClose).toHaveBeenCalled();
    expect(root.querySelectorAll('button:not([type="button"])')).toHaveLength(0);
  });

  it('confirms a copied citation', () => {
    const { button } = show({ copied: { passageId: 'g7:b4', format: 'text', ok: true } });
    expect(button('Citation copied')).toBeDefined();
  });

  it('says when the clipboard refused a citation', () => {
    const { root, button } = show({
      copied: { passageId: 'g7:b4', format: 'markdown', ok: false },
    });
    expect(button('Copy failed')).toBeDefined();
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/nothing was copied/);
  });

  it('shows every group and passage in the full view', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      ...FATF_DETAIL.positions[0]!,
      id: `p${i}`,
      actor: { ...FATF_DETAIL.positions[0]!.actor, id: `a${i}`, name: `Speaker ${i}` },
    }));
    const card = show({ detail: { ...FATF_DETAIL, positions: many } });
    expect(card.root.querySelectorAll('.term-section')[1]!.querySelectorAll('h4')).toHaveLength(3);
    expect(card.button('Show 3 more actors')).toBeDefined();
    document.body.innerHTML = '';
    const four = show({ detail: { ...FATF_DETAIL, positions: many.slice(0, 4) } });
    expect(four.button('Show 1 more actor')).toBeDefined();
    document.body.innerHTML = '';
    const page = show({ detail: { ...FATF_DETAIL, positions: many }, variant: 'page' });
    expect(page.root.querySelectorAll('.term-section')[1]!.querySelectorAll('h4')).toHaveLength(6);
  });

  it('offers "Save clip" after the copy actions, says when a passage is saved, and says why saving failed', () => {
    const onSaveClip = vi.fn();
    const { root, button } = show({
      onSaveClip,
      clipMarks: {
        'g7:b4': { status: 'already-saved' },
        'workplan:finance.b2': { status: 'error', message: 'The browser has no room left.' },
        's01.p13': { status: 'saving' },
      },
    });
    const first = root.querySelector('.passage-actions')!;
    expect([...first.querySelectorAll('button')].slice(0, 3).map((b) => b.textContent)).toEqual([
      'Copy citation',
      'Copy as Markdown',
      '✓ Already in your clips',
    ]);
    const failed = [...root.querySelectorAll('.passage')][1]!;
    const retry = failed.querySelector<HTMLButtonElement>('button.save-clip')!;
    expect(retry.textContent).toBe('Save clip');
    expect(document.getElementById(retry.getAttribute('aria-describedby')!)?.textContent).toBe(
      'The browser has no room left.',
    );
    expect(failed.querySelector('[role="alert"]')?.textContent).toBe(
      'The browser has no room left.',
    );
    retry.click();
    expect(onSaveClip).toHaveBeenCalledWith(FATF_DETAIL.commitments[1]);
    // While saving, the button keeps its focus and ignores clicks.
    const saving = button('Saving…')!;
    expect(saving.getAttribute('aria-disabled')).toBe('true');
    saving.click();
    expect(onSaveClip).toHaveBeenCalledTimes(1);
  });

  it('offers no "Save clip" without a way to save', () => {
    const { root } = show();
    expect(root.querySelector('button.save-clip')).toBeNull();
  });
});
