import { describe, expect, it } from 'vitest';
import { compileMatcher, TermMatcher } from '../../utils/term-matcher';

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
        { text: 'ISIS', confirm: { sameBlock: ['terror'], pageHasUnambiguousAlias: true } },
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
          confirm: { sameBlock: ['passenger', 'PNR'], pageHasUnambiguousAlias: true },
        },
      ],
    },
    { id: 'counter-terrorism', category: 'concept', aliases: [{ text: 'counter-terrorism' }] },
  ]),
);

const found = (text: string, confirmed?: Set<string>) =>
  matcher
    .findMentions(text, confirmed)
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
    expect(found('The API rules.', new Set(['api']))).toEqual([['api', 'API']]);
    expect(found('ISIS Taylor won the race.')).toEqual([]);
  });

  it('knows which terms a page names unambiguously', () => {
    expect([
      ...matcher.confirmedTerms(['Advance Passenger Information is shared.', 'ISIS attacks']),
    ]).toEqual(['api']);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(found('')).toEqual([]);
    expect(found('Nothing to see here.')).toEqual([]);
  });
});
