import { beforeEach, describe, expect, it } from 'vitest';
import { PageHighlighter, TERM_ATTRIBUTE } from '../../entrypoints/content/page-highlighter';
import { compileMatcher, TermMatcher } from '../../utils/term-matcher';

const matcher = new TermMatcher(
  compileMatcher([
    { id: 'fatf', aliases: [{ text: 'FATF' }, { text: 'Financial Action Task Force' }] },
    {
      id: 'pnr',
      aliases: [
        { text: 'Passenger Name Record' },
        {
          text: 'PNR',
          confirm: { sameBlock: ['passenger', 'API'], pageHasUnambiguousAlias: true },
        },
      ],
    },
    { id: 'etim', aliases: [{ text: 'ETIM' }, { text: 'Eastern Turkistan Islamic Movement' }] },
    { id: 'unscr-2354', aliases: [{ text: 'UN Security Council resolution 2354' }] },
  ]),
);

function highlighted(root: ParentNode): [string | null, string][] {
  return [...root.querySelectorAll(`[${TERM_ATTRIBUTE}]`)].map((element) => [
    element.getAttribute(TERM_ATTRIBUTE),
    element.textContent ?? '',
  ]);
}

describe('PageHighlighter', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps each mention in an element carrying the term id', () => {
    document.body.innerHTML = `
      <h1>Border rules</h1>
      <p>The FATF met. Airlines share the Passenger Name Record, or PNR.</p>
      <ul><li>ETIM is named by the speaker.</li></ul>`;
    const counts = new PageHighlighter(document.body, matcher).highlight();
    expect(highlighted(document.body)).toEqual([
      ['fatf', 'FATF'],
      ['pnr', 'Passenger Name Record'],
      ['pnr', 'PNR'],
      ['etim', 'ETIM'],
    ]);
    expect(Object.fromEntries(counts)).toEqual({ fatf: 1, pnr: 2, etim: 1 });
  });

  it('matches phrases split across inline elements of one block', () => {
    document.body.innerHTML =
      '<p>The <a href="#">UN Security Council</a> resolution 2354 and the Financial <em>Action</em> Task Force.</p>';
    new PageHighlighter(document.body, matcher).highlight();
    expect(highlighted(document.body).map(([id]) => id)).toEqual([
      'unscr-2354',
      'unscr-2354',
      'fatf',
      'fatf',
      'fatf',
    ]);
    expect(document.body.textContent).toBe(
      'The UN Security Council resolution 2354 and the Financial Action Task Force.',
    );
  });

  it('does not join text across blocks', () => {
    document.body.innerHTML = '<div><p>Financial Action</p><p>Task Force</p></div>';
    new PageHighlighter(document.body, matcher).highlight();
    expect(highlighted(document.body)).toEqual([]);
  });

  it('leaves code, form fields, editable regions and SVG alone', () => {
    document.body.innerHTML = `
      <pre>FATF</pre><code>FATF</code><textarea>FATF</textarea><select><option>FATF</option></select>
      <div contenteditable="true"><span>FATF</span></div><svg><text>FATF</text></svg>
      <script>var FATF = 1;</script><style>.FATF{}</style><p title="FATF">ok</p>`;
    new PageHighlighter(document.body, matcher).highlight();
    expect(highlighted(document.body)).toEqual([]);
  });

  it('restores the page exactly on unhighlight', () => {
    document.body.innerHTML =
      '<p>The <b>FATF</b> and ETIM; the Passenger Name Record.</p><p>Again FATF.</p>';
    const before = document.body.innerHTML;
    const highlighter = new PageHighlighter(document.body, matcher);
    highlighter.highlight();
    expect(document.body.innerHTML).not.toBe(before);
    highlighter.unhighlight();
    document.body.normalize();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelectorAll('pledgemark-term')).toHaveLength(0);
  });
});
