import type { JSX } from 'preact';
import {
  SEARCH_FACETS,
  type SearchFacet,
  type SearchFacets,
  type SearchFilters,
} from '../utils/views';

const FACET_LABEL: Record<SearchFacet, { name: string; any: string }> = {
  document: { name: 'Document', any: 'All documents' },
  actor: { name: 'Speaker or body', any: 'Anyone' },
  country: { name: 'Country', any: 'All countries' },
  kind: { name: 'Kind', any: 'All kinds' },
  year: { name: 'Year', any: 'Any year' },
  term: { name: 'Term', any: 'Any term' },
};

/** The filters as they are with one facet set to `value` (or cleared, for ""). */
function withFilter(filters: SearchFilters, facet: SearchFacet, value: string): SearchFilters {
  const next = { ...filters };
  if (value === '') delete next[facet];
  else next[facet] = value;
  return next;
}

/**
 * One select per facet, each value with how many passages have it, and a way to clear them all.
 * Renders the counts it is given and hands back the changed filters; the caller searches again.
 */
export function SearchFacetControls({
  facets,
  filters,
  onChange,
}: {
  facets: SearchFacets;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}): JSX.Element {
  const active = SEARCH_FACETS.filter((facet) => filters[facet] !== undefined);
  return (
    <fieldset class="search-facets">
      <legend class="visually-hidden">Filter the passages</legend>
      {SEARCH_FACETS.map((facet) => {
        const selected = filters[facet] ?? '';
        return (
          <label key={facet} class={selected ? 'facet facet-active' : 'facet'}>
            <span class="facet-name">{FACET_LABEL[facet].name}</span>
            <select
              value={selected}
              onChange={(event) => onChange(withFilter(filters, facet, event.currentTarget.value))}
            >
              <option value="">{FACET_LABEL[facet].any}</option>
              {facets[facet].map((value) => (
                <option key={value.value} value={value.value}>
                  {value.label} ({value.count})
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {active.length > 0 && (
        <button type="button" class="link-button facets-clear" onClick={() => onChange({})}>
          Clear {active.length === 1 ? 'filter' : `${active.length} filters`}
        </button>
      )}
    </fieldset>
  );
}
