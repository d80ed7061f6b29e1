import 'fake-indexeddb/auto';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Passage } from '../../utils/corpus-types';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusQueries } from '../../data/store/search/queries';
import { bestPositions } from '../../data/store/search/ranking';
import {
  buildSearchIndex,
  loadSearchIndex,
  searchRecords,
  SEARCH_OPTIONS,
} from '../../data/store/search/search-index';
import { seedCorpus } from '../../data/store/seed';
import { CORPUS } from './corpus-fixture';

/**
 * How the search ranks the real corpus. Each expected first result was chosen by reading the
 * passages, not by running the engine: the comment above a case quotes why it must come first.
 */

let db: PledgemarkDatabase;
let queries: CorpusQueries;

beforeAll(async () => {
  db = new PledgemarkDatabase('pledgemark-search-ranking');
  await seedCorpus(db, CORPUS);
  queries = new CorpusQueries(db);
});
afterAll(async () => {
  await db.delete();
});

const passage = (id: string): Passage => {
  const found = CORPUS.passages.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No passage ${id} in the corpus`);
  return found;
};

interface RankingCase {
  query: string;
  first: string;
}

const FIRST_PASSAGE: RankingCase[] = [
  // Typo ("passanger"). All seven PNR passages spell out "Passenger Name Record"; the G7's is the
  // one whose whole subject is PNR: "Expand the use of Passenger Name Record (PNR) and Advance
  // Passenger Information (API) in traveler screening."
  { query: 'passanger name record', first: 'g7-action-plan-2016:a1.border-security.b2' },
  // Typo ("finacial"). Only one passage names the task force in full: "... comply with the
  // Financial Action Task Force Recommendations."
  { query: 'finacial action task force', first: 'apec-workplan-2017:secure-finance.b2' },
  // The long form, spelled right: the same phrase, so the same first passage as for "PNR".
  { query: 'Passenger Name Record', first: 'g7-action-plan-2016:a1.border-security.b2' },
  // The acronym: the G7 bullet is the shortest passage naming PNR, and is about nothing else.
  { query: 'PNR', first: 'g7-action-plan-2016:a1.border-security.b2' },
  // "FATF" is written out only by the APEC workplan and abbreviated only by the G7: the G7 bullet
  // says "FATF" twice ("the FATF is the most legitimate and effective body ... reinforce the FATF
  // network"), the workplan never.
  { query: 'FATF', first: 'g7-action-plan-2016:a1.countering-terrorist-financing.b4' },
  // Actor and topic: the one passage where Luo Zhaohui speaks of ETIM: "The Eastern Turkistan
  // Islamic Movement (ETIM) is a terrorist group listed by the UN Security Council. Combating ETIM
  // is a core concern in China's counter-terrorism efforts ..."
  { query: 'Luo Zhaohui ETIM', first: 'seminar-2020:s01.p13' },
  // Country and topic: two passages cite resolution 2354 (the APPF preamble and Egypt's speaker);
  // only Mohamed Fouad Ahmed, of Egypt, says "Egypt has repeatedly called upon the international
  // community to implement the UNSC resolution 2354 (2017) ..."
  { query: 'Egypt resolution 2354', first: 'seminar-2020:s04.p15' },
  // Country and topic: Kozhirova Svetlana, of Kazakhstan: "The international community assessed
  // Kazakhstan's efforts to return its citizens from conflict zones as a commendable act ..."
  { query: 'Kazakhstan citizens conflict zones', first: 'seminar-2020:s05.p8' },
  // Issuer and topic: of the G7's four Aviation Security bullets only the second says it in its
  // text, and it is its subject: "Address jointly without delay the issue of potential
  // vulnerabilities in states' aviation security systems ..." (the G7's only other mention, in
  // Action 3, lists aviation security among other fields of donor coordination).
  { query: 'G7 aviation security', first: 'g7-action-plan-2016:a1.aviation-security.b2' },
  // Locators, as people cite them: the APPF resolution's "Operative para. 2" ...
  { query: 'operative paragraph 2', first: 'appf-2021:op2' },
  { query: 'OP2', first: 'appf-2021:op2' },
  // ... its "Preambular para. 13", which is where it cites resolution 2354 ...
  { query: 'preambular paragraph 13', first: 'appf-2021:pp13' },
  { query: 'PP 13', first: 'appf-2021:pp13' },
  // ... and the Strategic Plan's focus area FA5 (Focus Areas, section V).
  { query: 'FA5', first: 'apec-strategic-plan-2018:fa5' },
  { query: 'focus area 5', first: 'apec-strategic-plan-2018:fa5' },
  // Two passages hold the FTF returnees workshop; the deliverable is exactly it ("Hold Workshop
  // on Best Practices to deal with the Foreign Terrorist Fighter (FTF) Returnees, in Ho Chi Minh
  // City in August (TBC)"), the work-plan item adds Viet Nam's funding request to it.
  { query: 'FTF returnees', first: 'apec-workplan-2017:deliverable-1.8' },
  // A name said once in the corpus: the G7 supports "relevant organizations such as Hedayah".
  { query: 'Hedayah', first: 'g7-action-plan-2016:a2.b4' },
  // A phrase said once: Khidoiatzoda Komroni Dzhamolidin's third proposal, "3. Establish a Cyber
  // Security Academy to train national specialists in this field."
  { query: 'Cyber Security Academy', first: 'seminar-2020:s13.p16' },
];

const FIRST_TERM: RankingCase[] = [
  { query: 'Passenger Name Record', first: 'pnr' },
  { query: 'PNR', first: 'pnr' },
  { query: 'finacial action task force', first: 'fatf' },
  // A spelling the glossary knows but the corpus does not use ("Turkestan" for "Turkistan").
  { query: 'East Turkestan Islamic Movement', first: 'etim' },
  { query: 'cyber terrorism', first: 'cyber-terrorism' },
];

describe('search ranking on the real corpus', () => {
  it('the cases quote passages that exist', () => {
    for (const { first } of FIRST_PASSAGE) expect(passage(first).id).toBe(first);
  });

  it.each(FIRST_PASSAGE)('“$query” ranks $first first', async ({ query, first }) => {
    const response = await queries.search(query);
    expect(response.passages[0]?.passage.id, summary(response.passages)).toBe(first);
  });

  it.each(FIRST_TERM)('“$query” offers the term $first first', async ({ query, first }) => {
    const response = await queries.search(query);
    expect(response.terms[0]?.term.id).toBe(first);
  });

  it('a misspelled word is corrected, and the answer says so', async () => {
    // The seminar writes "Kazakhstan"; "Kazakstan" is one letter short.
    const response = await queries.search('Kazakstan');
    expect(response.passages[0]?.passage.text).toMatch(/Kazakhstan/);
    expect(response.notices).toEqual([{ kind: 'close-spellings', words: ['kazakstan'] }]);
  });
});

describe('aliases', () => {
  const saying = (pattern: RegExp) =>
    CORPUS.passages.filter((candidate) => pattern.test(candidate.text)).map(({ id }) => id);
  const found = async (query: string) =>
    (await queries.search(query, { limit: 500 })).passages.map((hit) => hit.passage.id);

  it('"Passenger Name Record" finds every passage that says PNR, and "PNR" every one that says it in full', async () => {
    const pnr = saying(/\bPNR\b/);
    const longForm = saying(/Passenger Name Record/i);
    expect(pnr.length).toBeGreaterThan(5);
    expect(await found('Passenger Name Record')).toEqual(expect.arrayContaining(pnr));
    expect(await found('PNR')).toEqual(expect.arrayContaining(longForm));
  });

  it('"FATF" finds the passage that only says "Financial Action Task Force", and the reverse', async () => {
    const workplan = passage('apec-workplan-2017:secure-finance.b2');
    const g7 = passage('g7-action-plan-2016:a1.countering-terrorist-financing.b4');
    expect(workplan.text).not.toMatch(/FATF/);
    expect(g7.text).not.toMatch(/Financial Action Task Force/i);
    expect(await found('FATF')).toContain(workplan.id);
    expect(await found('Financial Action Task Force')).toContain(g7.id);
  });
});

describe('spelling variants', () => {
  it('a variant the glossary knows finds passages that spell it otherwise', async () => {
    // The glossary lists both spellings of ETIM's name; Imtiaz Gul writes "Turkistan" only: "The
    // fact that the East Turkistan Islamic Movement (ETIM) was removed from the list ...".
    expect(passage('seminar-2020:s07.p10').text).not.toMatch(/Turkestan/);
    const response = await queries.search('East Turkestan Islamic Movement');
    expect(response.notices).toBeUndefined();
    expect(response.passages.map((hit) => hit.passage.id)).toContain('seminar-2020:s07.p10');
  });
});

describe('what a query matches', () => {
  it('finds a person by name: the first passages are theirs', async () => {
    const response = await queries.search('Imtiaz Gul');
    expect(response.passages.slice(0, 5).map((hit) => hit.passage.actor.name)).toEqual(
      Array(5).fill('Imtiaz Gul'),
    );
  });

  it('finds positions by a country’s speakers', async () => {
    const response = await queries.search('Pakistan');
    expect(response.passages[0]?.passage).toMatchObject({
      kind: 'position',
      actor: { country: 'Pakistan' },
    });
  });

  it('does not match every passage a body issued for the words of its name', async () => {
    // The APEC Counter-Terrorism Working Group issued FA5, which says nothing of working groups
    // (nor of the CTWG, whose name would count): the words of an issuer's name are not its text.
    const fa5 = passage('apec-strategic-plan-2018:fa5');
    expect(fa5.actorId).toBe('apec-ctwg');
    expect(fa5.text).not.toMatch(/working group|CTWG/i);
    const response = await queries.search('working group', { limit: 500 });
    expect(response.totalPassages).toBeGreaterThan(0);
    expect(response.passages.map((hit) => hit.passage.id)).not.toContain(fa5.id);
  });

  it('puts what was said before headings that merely name it', async () => {
    const response = await queries.search('SEARCCT');
    expect(response.passages[0]?.passage.kind).toBe('position');
  });

  it('falls back to any of the words, and says so', async () => {
    const response = await queries.search('Hedayah Kazakhstan');
    expect(response.notices).toEqual([{ kind: 'any-word' }]);
    const ids = response.passages.map((hit) => hit.passage.id);
    expect(ids).toContain('g7-action-plan-2016:a2.b4');
    expect(ids).toContain('seminar-2020:s05.p8');
  });

  it('emphasises the words that matched, as the passage spells them', async () => {
    const response = await queries.search('passanger name record');
    expect(response.passages[0]?.matchedWords).toEqual(
      expect.arrayContaining(['passenger', 'name', 'record']),
    );
  });
});

describe('odd queries get an answer, never an error', () => {
  it('a single character is not searched', async () => {
    const response = await queries.search('a');
    expect(response).toMatchObject({ passages: [], totalPassages: 0 });
    expect(response.notices).toEqual([{ kind: 'too-short' }]);
  });

  it('words too common to search for are said to be so', async () => {
    const response = await queries.search('the of and');
    expect(response).toMatchObject({ passages: [], totalPassages: 0 });
    expect(response.notices).toEqual([{ kind: 'nothing-specific', query: 'the of and' }]);
  });

  it('10,000 characters of one word', async () => {
    const response = await queries.search('x'.repeat(10_000));
    expect(response).toMatchObject({ passages: [], totalPassages: 0 });
  });

  it('regular-expression and HTML special characters are only text', async () => {
    const response = await queries.search('<b>FATF</b> .*+?^${}()|[]\\');
    expect(response.passages[0]?.passage.id).toBe(
      'g7-action-plan-2016:a1.countering-terrorist-financing.b4',
    );
    expect(await queries.search('.*')).toMatchObject({
      passages: [],
      notices: [{ kind: 'nothing-specific', query: '.*' }],
    });
  });
});

describe('the stored index', () => {
  const bare = new MiniSearch(SEARCH_OPTIONS);
  bare.addAll(searchRecords(CORPUS));
  const current = buildSearchIndex(CORPUS).toStored();
  const cases = [
    // What an earlier version stored: JSON of the bare MiniSearch index.
    ['in an older form', { version: 2, engine: bare.toJSON() }],
    // The current version, with a part lost.
    ['damaged', { ...current, words: { ...current.words, postingRecords: [1, 2, 3] } }],
  ] as const;

  it.each(cases)('is rebuilt from the stored corpus when %s, and stored', async (_, index) => {
    const older = new PledgemarkDatabase('pledgemark-search-ranking-older');
    try {
      await seedCorpus(older, CORPUS);
      await older.table('searchIndexes').put({ hash: CORPUS.hash, index });
      const response = await new CorpusQueries(older).search('PNR');
      expect(response.passages[0]?.passage.id).toBe('g7-action-plan-2016:a1.border-security.b2');
      // ... and stored, so that the next start of the background loads it.
      const stored = await older.searchIndexes.get(CORPUS.hash);
      expect(loadSearchIndex(stored!.index)).not.toBeNull();
      expect(stored!.hash).toBe(CORPUS.hash);
    } finally {
      await older.delete();
    }
  });
});

describe('a disk too full to store the rebuilt index', () => {
  it('still answers, from the index built in memory', async () => {
    const full = new PledgemarkDatabase('pledgemark-search-ranking-full');
    try {
      await seedCorpus(full, CORPUS);
      await full.searchIndexes.clear();
      const store = vi
        .spyOn(full.searchIndexes, 'put')
        .mockRejectedValue(new DOMException('The disk is full', 'QuotaExceededError'));
      const response = await new CorpusQueries(full).search('PNR');
      expect(store).toHaveBeenCalledTimes(1);
      expect(response.passages[0]?.passage.id).toBe('g7-action-plan-2016:a1.border-security.b2');
    } finally {
      await full.delete();
    }
  });
});

function summary(hits: { passage: { id: string } }[]): string {
  return `got: ${hits
    .slice(0, 5)
    .map((hit) => hit.passage.id)
    .join(', ')}`;
}

describe('the best of many matches', () => {
  const scores = Float64Array.from([1, 5, 3, 5, 0.5, 4, 3]);
  const all = Int32Array.from(scores.keys());

  it('are taken best first, equal scores in the order of the record', () => {
    expect([...bestPositions(all, scores, 4)]).toEqual([1, 3, 5, 2]);
    expect([...bestPositions(all, scores, 100)]).toEqual([1, 3, 5, 2, 6, 0, 4]);
  });

  it('are taken from those listed only', () => {
    expect([...bestPositions(Int32Array.from([0, 2, 4, 6]), scores, 2)]).toEqual([2, 6]);
    expect(bestPositions(new Int32Array(0), scores, 20)).toHaveLength(0);
    expect(bestPositions(all, scores, 0)).toHaveLength(0);
  });
});
