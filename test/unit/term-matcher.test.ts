import { describe, expect, it } from 'vitest';
import { compileMatcher, pageSense, TermMatcher, type PageSense } from '../../utils/term-matcher';

const matcher = new TermMatcher(
  compileMatcher([
    {
      id: 'fatf',
      category: 'concept',
      aliases: [{ text: 'FATF' }, { text: 'Financial Action Task Force' }],
    },
    {
      id: 'ftf',
      category: 'concept',
      aliases: [{ text: 'FTF' }, { text: 'foreign terrorist fighter' }],
    },
    {
      id: 'isil',
      category: 'concept',
      aliases: [
        { text: "Da'esh" },
        { text: 'ISIL' },
        { text: 'ISIS', sense: { class: 'cue', cues: ['terror'], pageEvidence: true } },
      ],
    },
    {
      id: 'unscr-2354',
      category: 'concept',
      aliases: [{ text: 'UN Security Council resolution 2354' }, { text: 'resolution 2354' }],
    },
    { id: 'unsc', category: 'concept', aliases: [{ text: 'UN Security Council' }] },
    {
      id: 'api',
      category: 'concept',
      aliases: [
        { text: 'Advance Passenger Information' },
        {
          text: 'API',
          sense: { class: 'cue', cues: ['passenger', 'PNR'], pageEvidence: true },
        },
      ],
    },
    { id: 'counter-terrorism', category: 'concept', aliases: [{ text: 'counter-terrorism' }] },
  ]),
);

const found = (text: string, page?: PageSense) =>
  matcher
    .findMentions(text, page)
    .map((mention) => [mention.termId, text.slice(mention.start, mention.end)]);

describe('TermMatcher', () => {
  it('matches acronyms case-sensitively and phrases case-insensitively', () => {
    expect(
      found('The FATF and the Financial action task force; fatf in lower case is not it.'),
    ).toEqual([
      ['fatf', 'FATF'],
      ['fatf', 'Financial action task force'],
    ]);
  });

  it('accepts possessives, plurals, curly apostrophes, dash variants and line breaks', () => {
    expect(
      found(
        'FATF’s report on FTFs, Da’esh, counter\u2011terrorism and foreign\n  terrorist fighters',
      ),
    ).toEqual([
      ['fatf', 'FATF’s'],
      ['ftf', 'FTFs'],
      ['isil', 'Da’esh'],
      ['counter-terrorism', 'counter\u2011terrorism'],
      ['ftf', 'foreign\n  terrorist fighters'],
    ]);
  });

  it('matches a hyphenated name spaced and joined too, and reads past soft hyphens', () => {
    expect(
      found('Counter terrorism, counterterrorism, counter\u00adterrorism and F\u00adATF.'),
    ).toEqual([
      ['counter-terrorism', 'Counter terrorism'],
      ['counter-terrorism', 'counterterrorism'],
      ['counter-terrorism', 'counter\u00adterrorism'],
      ['fatf', 'F\u00adATF'],
    ]);
    // An acronym keeps its one spelling: "UN-SC" does not make "UNSC" or "UN SC".
    const acronyms = new TermMatcher(
      compileMatcher([{ id: 'x', category: 'concept', aliases: [{ text: 'UN-SC' }] }]),
    );
    expect(acronyms.findMentions('UN SC, UNSC and UN-SC').map(({ start }) => start)).toEqual([16]);
  });

  it('prefers the longest match', () => {
    expect(found('UN Security Council resolution 2354 and the UN Security Council')).toEqual([
      ['unscr-2354', 'UN Security Council resolution 2354'],
      ['unsc', 'UN Security Council'],
    ]);
  });

  it('respects word boundaries in any script', () => {
    expect(found('FATFé ÉFATF xFATF FATF1 «FATF»')).toEqual([['fatf', 'FATF']]);
  });

  it('highlights an ambiguous acronym only in its confirming context', () => {
    expect(found('The REST API returns JSON.')).toEqual([]);
    expect(found('Airlines send API data on each passenger.')).toEqual([['api', 'API']]);
    // Neutral context: the page's word, if it names the term and is about security.
    const securityPage = pageSense(new Set(['api', 'fatf', 'unsc']));
    expect(found('The API rules.', securityPage)).toEqual([['api', 'API']]);
    expect(found('The API rules.', pageSense(new Set(['api'])))).toEqual([]);
    expect(found('ISIS Taylor won the race.')).toEqual([]);
  });

  it('knows which terms a page names unambiguously', () => {
    expect([
      ...matcher.confirmedTerms(['Advance Passenger Information is shared.', 'ISIS attacks']),
    ]).toEqual(['api']);
  });

  it('falls back to a shorter alias when the longer one runs into a word', () => {
    expect(found('the UN Security Council resolution 23545 was a typo')).toEqual([
      ['unsc', 'UN Security Council'],
    ]);
    expect(found('resolution 2354th')).toEqual([]);
  });

  it('matches an acronym only in its own case, a phrase in any case', () => {
    expect(found('fatf, Fatf and FATF; FINANCIAL ACTION TASK FORCE')).toEqual([
      ['fatf', 'FATF'],
      ['fatf', 'FINANCIAL ACTION TASK FORCE'],
    ]);
  });

  it('finds the same mentions whatever else the glossary holds', () => {
    const text =
      'The FATF and the UN Security Council resolution 2354 on foreign terrorist fighters; ' +
      'Da’esh, ISIL and counter‑terrorism.';
    const padded = new TermMatcher(
      compileMatcher([
        ...matcher.compiled.aliases.map((alias) => ({
          id: alias.termId,
          category: 'concept' as const,
          aliases: [{ text: alias.text, ...(alias.sense ? { sense: alias.sense } : {}) }],
        })),
        ...Array.from({ length: 3_000 }, (_, index) => ({
          id: `invented-${index}`,
          category: 'concept' as const,
          aliases: [{ text: `Fictional Body ${index}` }, { text: `FB${index}X` }],
        })),
      ]),
    );
    const spans = (found: TermMatcher) =>
      found.findMentions(text).map((mention) => [mention.termId, mention.start, mention.end]);
    expect(spans(padded)).toEqual(spans(matcher));
    expect(spans(matcher)).toHaveLength(6);
  });

  it('ships its trie as plain data: a matcher loaded from JSON finds what the compiled one finds', () => {
    const shipped = new TermMatcher(JSON.parse(JSON.stringify(matcher.compiled)));
    const text =
      'The Financial Action Task Force (FATF) and FTFs; UN Security Council resolution 2354 on Da’esh.';
    expect(shipped.findMentions(text)).toEqual(matcher.findMentions(text));
    expect(shipped.findMentions(text).map(({ termId }) => termId)).toEqual([
      'fatf',
      'fatf',
      'ftf',
      'unscr-2354',
      'isil',
    ]);
    // Breadth first: the root's children come first, each edge leading to the node after it.
    const { trie } = matcher.compiled;
    expect(trie.edgeStart[0]).toBe(0);
    expect(trie.edgeStart.at(-1)).toBe(trie.edgeSymbol.length);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(found('')).toEqual([]);
    expect(found('Nothing to see here.')).toEqual([]);
  });
});
