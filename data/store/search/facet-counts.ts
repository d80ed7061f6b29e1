import {
  SEARCH_FACETS,
  type FacetValue,
  type SearchFacet,
  type SearchFacets,
  type SearchFilters,
  type SearchNotice,
} from '../../../utils/views';
import { RECORD_KINDS, type FacetTable } from './facet-table';

/**
 * The facets stage of a search: the filters resolved to values of the facet table, and each
 * facet's counts over the matched rows, in one pass over the table.
 */

const KIND_LABEL = { commitment: 'Commitments', position: 'Positions', context: 'Context' };

interface FacetEntry {
  value: string;
  label: string;
}

/** Each facet's values, and the lookups that derive a row's country and year. */
export interface FacetLookups {
  /** Each facet's possible values, in the order they are offered when counts do not order them. */
  values: Record<SearchFacet, FacetEntry[]>;
  /** Each facet's value → its index in `values`. */
  valueIndex: Record<SearchFacet, Map<string, number>>;
  /** Actor index → country index, or -1 for an actor with no country (an international body). */
  actorCountry: Int16Array;
  /** Document index → year index. */
  documentYear: Uint16Array;
  /** Every row, in the order of the record: what an empty query matches. */
  allRows: Int32Array;
}

export function facetLookups(facets: FacetTable): FacetLookups {
  const countries = [
    ...new Set(facets.actors.flatMap((actor) => (actor.country ? [actor.country] : []))),
  ].sort();
  const years = [...new Set(facets.documents.map((document) => document.year))].sort();
  const values: Record<SearchFacet, FacetEntry[]> = {
    document: facets.documents.map((document) => ({ value: document.id, label: document.label })),
    actor: facets.actors.map((actor) => ({ value: actor.id, label: actor.label })),
    country: countries.map((country) => ({ value: country, label: country })),
    kind: RECORD_KINDS.map((kind) => ({ value: kind, label: KIND_LABEL[kind] })),
    year: years.map((year) => ({ value: year, label: year })),
    term: facets.terms.map((term) => ({ value: term.id, label: term.label })),
  };
  const valueIndex = Object.fromEntries(
    SEARCH_FACETS.map((facet) => [
      facet,
      new Map(values[facet].map((entry, i) => [entry.value, i])),
    ]),
  ) as Record<SearchFacet, Map<string, number>>;
  return {
    values,
    valueIndex,
    actorCountry: Int16Array.from(facets.actors, (actor) =>
      actor.country ? countries.indexOf(actor.country) : -1,
    ),
    documentYear: Uint16Array.from(facets.documents, (document) => years.indexOf(document.year)),
    allRows: Int32Array.from({ length: facets.rowCount }, (_, row) => row),
  };
}

/** The filters resolved to each facet's value index (-1: no filter on that facet). */
export interface FilterSelection {
  selected: Record<SearchFacet, number>;
  /** The filters applied: those given, less unknown values. */
  filters: SearchFilters;
  active: boolean;
}

/** Resolves the filters; a value the corpus does not have is left out, with a notice. */
export function selectFilters(
  lookups: FacetLookups,
  filters: SearchFilters,
  notices: SearchNotice[],
): FilterSelection {
  const applied: SearchFilters = {};
  const selected = {} as Record<SearchFacet, number>;
  for (const facet of SEARCH_FACETS) {
    selected[facet] = -1;
    const value = filters[facet];
    if (value === undefined) continue;
    const index = lookups.valueIndex[facet].get(value);
    if (index === undefined) {
      notices.push({ kind: 'unknown-filter', facet, value });
      continue;
    }
    selected[facet] = index;
    applied[facet] = value;
  }
  return { selected, filters: applied, active: Object.keys(applied).length > 0 };
}

/** One bit per facet, for the set of filters a passage fails. */
const FACET_BIT: Record<SearchFacet, number> = {
  document: 1,
  actor: 2,
  country: 4,
  kind: 8,
  year: 16,
  term: 32,
};

/**
 * Keeps the rows that pass every filter (their positions in `rows`), and counts each facet's
 * values over the rows that pass every filter but that facet's own, so that a facet's counts say
 * what choosing another of its values would give. One pass, reading only the facet table.
 */
export function countFacets(
  table: FacetTable,
  lookups: FacetLookups,
  rows: Int32Array,
  { selected }: FilterSelection,
): { kept: Int32Array; facets: SearchFacets } {
  const { actorCountry, documentYear } = lookups;
  const counts = {} as Record<SearchFacet, Uint32Array>;
  for (const facet of SEARCH_FACETS) counts[facet] = new Uint32Array(lookups.values[facet].length);
  const filtered = (facet: SearchFacet) => selected[facet] >= 0;
  const [byDocument, byActor, byCountry, byKind, byYear, byTerm] = SEARCH_FACETS.map(filtered);
  const kept = new Int32Array(rows.length);
  let keptCount = 0;
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position]!;
    const document = table.document[row]!;
    const actor = table.actor[row]!;
    const country = actorCountry[actor]!;
    const kind = table.kind[row]!;
    const year = documentYear[document]!;
    const failed =
      (byDocument && document !== selected.document ? FACET_BIT.document : 0) |
      (byActor && actor !== selected.actor ? FACET_BIT.actor : 0) |
      (byCountry && country !== selected.country ? FACET_BIT.country : 0) |
      (byKind && kind !== selected.kind ? FACET_BIT.kind : 0) |
      (byYear && year !== selected.year ? FACET_BIT.year : 0) |
      (byTerm && !table.hasTerm(row, selected.term) ? FACET_BIT.term : 0);
    // Failing two filters or more, a row counts nowhere; failing one, only in that facet.
    if ((failed & (failed - 1)) !== 0) continue;
    if (failed === 0) kept[keptCount++] = position;
    // A facet counts the row when it failed no filter, or that facet's only: (failed | bit) === bit.
    if ((failed | FACET_BIT.document) === FACET_BIT.document) counts.document[document]!++;
    if ((failed | FACET_BIT.actor) === FACET_BIT.actor) counts.actor[actor]!++;
    if ((failed | FACET_BIT.country) === FACET_BIT.country && country >= 0) {
      counts.country[country]!++;
    }
    if ((failed | FACET_BIT.kind) === FACET_BIT.kind) counts.kind[kind]!++;
    if ((failed | FACET_BIT.year) === FACET_BIT.year) counts.year[year]!++;
    if ((failed | FACET_BIT.term) === FACET_BIT.term) {
      for (let i = table.termOffsets[row]!; i < table.termOffsets[row + 1]!; i++) {
        counts.term[table.termIndexes[i]!]!++;
      }
    }
  }
  const facets = {} as SearchFacets;
  for (const facet of SEARCH_FACETS) {
    facets[facet] = facetValues(lookups, facet, counts[facet], selected[facet]);
  }
  return { kept: kept.subarray(0, keptCount), facets };
}

/** Every facet's counts over the whole corpus: the answer to an empty search. */
export function openingFacets(table: FacetTable, lookups: FacetLookups): SearchFacets {
  return countFacets(table, lookups, lookups.allRows, selectFilters(lookups, {}, [])).facets;
}

/** Facets whose values are best offered by how many passages have them, most first. */
const ORDERED_BY_COUNT = new Set<SearchFacet>(['actor', 'country', 'term']);

/** A facet's values that some passage has, and the selected one even if none has it now. */
function facetValues(
  lookups: FacetLookups,
  facet: SearchFacet,
  counts: Uint32Array,
  selected: number,
): FacetValue[] {
  const values = lookups.values[facet].flatMap((entry, i) =>
    counts[i]! > 0 || i === selected ? [{ ...entry, count: counts[i]! }] : [],
  );
  if (ORDERED_BY_COUNT.has(facet)) {
    values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }
  return values;
}
