import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../utils/corpus-types';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusQueries } from '../../data/store/search/queries';
import { seedCorpus } from '../../data/store/seed';
import { BACKGROUND_VALIDATORS } from '../../utils/messaging';
import type { FacetValue, SearchResponse } from '../../utils/views';
import { CORPUS } from './corpus-fixture';

let db: PledgemarkDatabase;
let queries: CorpusQueries;

beforeAll(async () => {
  db = new PledgemarkDatabase('pledgemark-search-facets');
  await seedCorpus(db, CORPUS);
  queries = new CorpusQueries(db);
});
afterAll(async () => {
  await db.delete();
});

const ALL = 500;
const sum = (values: FacetValue[]) => values.reduce((total, value) => total + value.count, 0);
const countOf = (values: FacetValue[], value: string) =>
  values.find((candidate) => candidate.value === value)?.count;
const ids = (response: SearchResponse) => response.passages.map((hit) => hit.passage.id);
const documentDate = new Map<string, string>(
  CORPUS.documents.map((document) => [document.id, document.date]),
);
/** The order of the record: oldest document first, then the order of the document. */
const byRecord = (a: Passage, b: Passage) =>
  documentDate.get(a.documentId)!.localeCompare(documentDate.get(b.documentId)!) ||
  a.order - b.order;
const commitments = CORPUS.passages.filter((passage) => passage.kind === 'commitment');
const positions = CORPUS.passages.filter((passage) => passage.kind === 'position');

describe('facets with no query', () => {
  it('count the whole corpus, and list no passage until a filter is chosen', async () => {
    const response = await queries.search('');
    expect(response).toMatchObject({ passages: [], totalPassages: 0, filters: {} });
    const { facets } = response;
    expect(countOf(facets!.kind, 'commitment')).toBe(commitments.length);
    expect(countOf(facets!.kind, 'position')).toBe(positions.length);
    const indexed = sum(facets!.kind);
    expect(sum(facets!.document)).toBe(indexed);
    expect(sum(facets!.year)).toBe(indexed);
    expect(sum(facets!.actor)).toBe(indexed);
    expect(facets!.document.map((value) => value.label)).toEqual([
      'G7 Action Plan 2016',
      'APEC CTWG Workplan 2017',
      'APEC CTWG Strategic Plan 2018–2022',
      'Virtual Seminar 2020 Proceedings',
      'APPF Resolution 2021',
    ]);
    expect(facets!.year.map((value) => value.value)).toEqual([
      '2016',
      '2017',
      '2018',
      '2020',
      '2021',
    ]);
    expect(facets!.kind.map((value) => value.label)).toEqual([
      'Commitments',
      'Positions',
      'Context',
    ]);
  });

  it('list the passages a filter selects, in the order of the record', async () => {
    const response = await queries.search('', { filters: { kind: 'commitment' }, limit: ALL });
    expect(response.totalPassages).toBe(commitments.length);
    expect(ids(response)).toEqual([...commitments].sort(byRecord).map(({ id }) => id));
    expect(response.passages.every((hit) => hit.matchedWords.length === 0)).toBe(true);
  });

  it('select by term: the passages that mention it', async () => {
    const mentioning = new Set(
      CORPUS.occurrences
        .filter((occurrence) => occurrence.termId === 'fatf')
        .map((occurrence) => occurrence.passageId),
    );
    const response = await queries.search('', { filters: { term: 'fatf' }, limit: ALL });
    expect(new Set(ids(response))).toEqual(mentioning);
  });

  it('select by year: the documents of that year (a plan counts from its first year)', async () => {
    const response = await queries.search('', { filters: { year: '2018' }, limit: ALL });
    expect(response.totalPassages).toBeGreaterThan(0);
    expect(new Set(response.passages.map((hit) => hit.passage.document.id))).toEqual(
      new Set(['apec-strategic-plan-2018']),
    );
  });

  it('select by country: the passages of its speakers', async () => {
    const response = await queries.search('', { filters: { country: 'Pakistan' }, limit: ALL });
    const speakers = new Set(response.passages.map((hit) => hit.passage.actor.name));
    expect(speakers).toEqual(new Set(['Nabeel Muneer', 'Imtiaz Gul']));
    expect(response.totalPassages).toBe(
      countOf((await queries.search('')).facets!.country, 'Pakistan'),
    );
  });
});

describe('facets of a query', () => {
  it('count every matching passage, not only the page returned', async () => {
    const page = await queries.search('terrorism', { limit: 5 });
    const all = await queries.search('terrorism', { limit: ALL });
    expect(page.passages).toHaveLength(5);
    expect(page.totalPassages).toBe(all.totalPassages);
    expect(page.totalPassages).toBeGreaterThan(100);
    expect(page.facets).toEqual(all.facets);
    for (const facet of ['document', 'kind', 'year', 'actor'] as const) {
      expect(sum(page.facets![facet]), facet).toBe(page.totalPassages);
    }
    const byDocument = new Map<string, number>();
    for (const hit of all.passages) {
      byDocument.set(hit.passage.document.id, (byDocument.get(hit.passage.document.id) ?? 0) + 1);
    }
    expect(new Map(page.facets!.document.map((value) => [value.value, value.count]))).toEqual(
      byDocument,
    );
  });

  it('narrow by a filter; the filtered facet still counts its other values', async () => {
    const unfiltered = await queries.search('PNR');
    const g7 = await queries.search('PNR', { filters: { document: 'g7-action-plan-2016' } });
    expect(g7.filters).toEqual({ document: 'g7-action-plan-2016' });
    expect(g7.passages.length).toBeGreaterThan(0);
    expect(g7.passages.every((hit) => hit.passage.document.id === 'g7-action-plan-2016')).toBe(
      true,
    );
    expect(g7.totalPassages).toBe(countOf(unfiltered.facets!.document, 'g7-action-plan-2016'));
    expect(g7.facets!.document).toEqual(unfiltered.facets!.document);
    expect(sum(g7.facets!.kind)).toBe(g7.totalPassages);
  });

  it('combine filters: every one must hold', async () => {
    const pakistan = await queries.search('ETIM', { filters: { country: 'Pakistan' } });
    const both = await queries.search('ETIM', {
      filters: { country: 'Pakistan', kind: 'position' },
    });
    expect(both.totalPassages).toBeGreaterThan(0);
    expect(both.totalPassages).toBe(countOf(pakistan.facets!.kind, 'position'));
    for (const hit of both.passages) {
      expect(hit.passage).toMatchObject({ kind: 'position', actor: { country: 'Pakistan' } });
    }
  });

  it('keep offering a chosen value that nothing matches, with its count of 0', async () => {
    const response = await queries.search('PNR', { filters: { country: 'Pakistan' } });
    expect(response).toMatchObject({ passages: [], totalPassages: 0 });
    expect(response.facets!.country).toEqual([{ value: 'Pakistan', label: 'Pakistan', count: 0 }]);
  });

  it('order speakers, countries and terms by count, most first', async () => {
    const { facets } = await queries.search('ETIM');
    for (const facet of ['actor', 'country', 'term'] as const) {
      const counts = facets![facet].map((value) => value.count);
      expect(counts, facet).toEqual([...counts].sort((a, b) => b - a));
    }
    expect(facets!.term[0]).toMatchObject({ value: 'etim' });
  });

  it('give the unfiltered answer back once the filters are cleared', async () => {
    const before = await queries.search('PNR');
    await queries.search('PNR', { filters: { kind: 'position', year: '2017' } });
    expect(await queries.search('PNR', { filters: {} })).toEqual(before);
  });
});

describe('unknown filter values', () => {
  it('are left out, and the answer says so', async () => {
    const response = await queries.search('PNR', {
      filters: { actor: 'nobody', kind: 'commitment' },
    });
    expect(response.notices).toEqual([{ kind: 'unknown-filter', facet: 'actor', value: 'nobody' }]);
    expect(response.filters).toEqual({ kind: 'commitment' });
    expect(response.passages.length).toBeGreaterThan(0);
    expect(response.passages.every((hit) => hit.passage.kind === 'commitment')).toBe(true);
  });

  it('are quoted back cut short, and never read as markup or patterns', async () => {
    const response = await queries.search('', {
      filters: { country: `<img src=x onerror=alert(1)>.*${'x'.repeat(200)}` },
    });
    expect(response.notices).toEqual([
      {
        kind: 'unknown-filter',
        facet: 'country',
        value: `<img src=x onerror=alert(1)>.*${'x'.repeat(200)}`,
      },
    ]);
    expect(response).toMatchObject({ passages: [], totalPassages: 0, filters: {} });
  });
});

describe('the search message refuses malformed filters', () => {
  const validate = BACKGROUND_VALIDATORS.search;

  it('accepts known facets with string values', () => {
    expect(validate({ query: '', filters: {} })).toBeNull();
    expect(
      validate({ query: 'PNR', filters: { document: 'g7-action-plan-2016', year: '2016' } }),
    ).toBeNull();
  });

  it.each([
    [[], /filters must be an object/],
    [null, /filters must be an object/],
    ['kind=commitment', /filters must be an object/],
    [{ speaker: 'g7' }, /filters may only name document, actor, country, kind, year, term/],
    [{ ['__proto__']: 'x' }, /filters may only name/],
    [{ kind: 1 }, /filters.kind must be a non-empty string/],
    [{ kind: '' }, /filters.kind must be a non-empty string/],
    [{ term: 'x'.repeat(201) }, /filters.term must be a non-empty string of at most 200/],
  ])('refuses %j', (filters, message) => {
    expect(validate({ query: 'PNR', filters })).toMatch(message);
  });
});
