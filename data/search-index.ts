import MiniSearch, { type Options } from 'minisearch';
import type { Corpus } from './corpus-types';

/** One searchable record: a passage, or a glossary term (id prefixed with "term:"). */
export interface SearchRecord {
  id: string;
  type: 'passage' | 'term';
  text: string;
  label: string;
  aliases: string;
  /** Labels and aliases of the terms a passage mentions, so "Passenger Name Record" finds "PNR". */
  termNames: string;
  locator: string;
  actor: string;
  document: string;
}

export const TERM_ID_PREFIX = 'term:';

/** The one set of options used both to build and to load the index. */
export const SEARCH_OPTIONS: Options<SearchRecord> = {
  idField: 'id',
  fields: ['text', 'label', 'aliases', 'termNames', 'locator', 'actor', 'document'],
  storeFields: ['type'],
  searchOptions: {
    boost: { label: 4, aliases: 4, termNames: 1.5, locator: 1.5, actor: 1.5, document: 1 },
    prefix: (term) => term.length > 2,
    fuzzy: (term) => (term.length > 4 ? 0.2 : false),
    combineWith: 'AND',
  },
};

export function searchRecords(corpus: Corpus): SearchRecord[] {
  const termsById = new Map(corpus.terms.map((term) => [term.id, term]));
  const documentsById = new Map(corpus.documents.map((document) => [document.id, document]));
  const actorsById = new Map(corpus.actors.map((actor) => [actor.id, actor]));
  const termNamesByPassage = new Map<string, string[]>();
  for (const occurrence of corpus.occurrences) {
    const term = termsById.get(occurrence.termId);
    if (!term) continue;
    const names = termNamesByPassage.get(occurrence.passageId) ?? [];
    names.push(term.label, ...term.aliases.map((alias) => alias.text));
    termNamesByPassage.set(occurrence.passageId, names);
  }
  const passages: SearchRecord[] = corpus.passages
    .filter((passage) => passage.kind !== 'context' || passage.text.length > 40)
    .map((passage) => {
      const actor = actorsById.get(passage.actorId);
      const document = documentsById.get(passage.documentId);
      return {
        id: passage.id,
        type: 'passage',
        text: passage.text,
        label: '',
        aliases: '',
        termNames: (termNamesByPassage.get(passage.id) ?? []).join(' '),
        locator: passage.locator,
        actor: actor
          ? [actor.name, actor.country, actor.organisation].filter(Boolean).join(' ')
          : '',
        document: document ? `${document.shortTitle} ${document.issuingBody}` : '',
      };
    });
  const terms: SearchRecord[] = corpus.terms.map((term) => ({
    id: `${TERM_ID_PREFIX}${term.id}`,
    type: 'term',
    text: term.definition,
    label: term.label,
    aliases: term.aliases.map((alias) => alias.text).join(' '),
    termNames: '',
    locator: '',
    actor: '',
    document: '',
  }));
  return [...terms, ...passages];
}

export function buildSearchIndex(corpus: Corpus): MiniSearch<SearchRecord> {
  const index = new MiniSearch<SearchRecord>(SEARCH_OPTIONS);
  index.addAll(searchRecords(corpus));
  return index;
}

export function loadSearchIndex(serialised: string): MiniSearch<SearchRecord> {
  return MiniSearch.loadJSON<SearchRecord>(serialised, SEARCH_OPTIONS);
}
