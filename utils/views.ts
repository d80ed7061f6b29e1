import type {
  Actor,
  AddedDocument,
  CorpusDocument,
  DocumentId,
  DocumentOrigin,
  Passage,
  PassageFormat,
  RecordKind,
  TableField,
  Term,
  TermCategory,
} from './corpus-types';
import type { TermDraft } from './user-term';

/**
 * The serialisable shapes the background returns through the message contract and the
 * components render. They carry what a view shows, never the whole corpus.
 */

export interface DocumentSummary {
  id: DocumentId;
  title: string;
  shortTitle: string;
  issuingBody: string;
  date: string;
  dateLabel: string;
  place: string | null;
  symbol: string | null;
  /** Absent on citations kept in clips from before documents carried an address. */
  url?: string | null;
  kind: CorpusDocument['kind'];
  /** A document the reader added (cards, views, clips and citations say "added by you"). */
  addedByUser?: true;
}

export interface ActorSummary {
  id: string;
  name: string;
  role: string | null;
  organisation: string | null;
  country: string | null;
  kind: Actor['kind'];
}

/** A passage with what is needed to cite it: its document, actor and locator. */
export interface CitedPassage {
  id: string;
  text: string;
  /** Absent on citations kept from before table rows were told apart (read as prose). */
  format?: PassageFormat;
  /** A table row's cells, each quoted on its own (see `utils/quotation.ts`). */
  fields?: TableField[];
  locator: string;
  sectionPath: string[];
  kind: RecordKind;
  document: DocumentSummary;
  actor: ActorSummary;
}

export interface TermSummary {
  id: string;
  label: string;
  category: TermCategory;
  aliases: string[];
  definition: string;
  /** A term the reader added. */
  addedByUser?: true;
}

export interface SearchHit {
  type: 'passage';
  score: number;
  passage: CitedPassage;
  /** Query words that matched, for emphasis in the snippet. */
  matchedWords: string[];
}

export interface TermHit {
  type: 'term';
  score: number;
  term: TermSummary;
}

/** What a search can be narrowed by. */
export const SEARCH_FACETS = ['document', 'actor', 'country', 'kind', 'year', 'term'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/**
 * At most one value per facet: a document id, an actor id, a country as the corpus names it, a
 * record kind ("commitment", "position", "context"), a year ("2016") or a term id.
 */
export type SearchFilters = Partial<Record<SearchFacet, string>>;

export interface FacetValue {
  value: string;
  label: string;
  /** Passages with this value among those matching the query and the other facets' filters. */
  count: number;
}

export type SearchFacets = Record<SearchFacet, FacetValue[]>;

/** What a search says about how it read the query and the filters. */
export type SearchNotice =
  /** A query of one character is not searched. */
  | { kind: 'too-short' }
  /** A long query was cut to its first `searched` words. */
  | { kind: 'words-cut'; searched: number }
  /** The query has only words too common to search for ("the of and"). */
  | { kind: 'nothing-specific'; query: string }
  /** A filter names a value the corpus does not have; it was left out. */
  | { kind: 'unknown-filter'; facet: SearchFacet; value: string }
  /** No passage has these words as typed: close spellings were searched. */
  | { kind: 'close-spellings'; words: string[] }
  /** No passage has all the words: passages with any of them are shown. */
  | { kind: 'any-word' };

export interface SearchResponse {
  query: string;
  /** Matching terms first (a term is usually what the user is after), then passages. */
  terms: TermHit[];
  passages: SearchHit[];
  /** How many passages match the query and the filters; `passages` holds the first of them. */
  totalPassages: number;
  /** How the query and filters were read, when not as given; the popup words them. */
  notices?: SearchNotice[];
  /** The filters the passages were narrowed by (unknown values are left out and noticed). */
  filters?: SearchFilters;
  /**
   * Each facet's values with their counts over every passage matching the query (all passages
   * when the query is empty). A facet's own filter is not applied to its counts, so they say
   * what choosing another value of it would give.
   */
  facets?: SearchFacets;
}

export interface TermDetail {
  term: TermSummary;
  sources: CitedPassage[];
  related: TermSummary[];
  commitments: CitedPassage[];
  positions: CitedPassage[];
}

export interface DocumentDetail {
  document: DocumentSummary;
  passages: (Pick<
    Passage,
    'id' | 'text' | 'locator' | 'sectionPath' | 'kind' | 'format' | 'fields'
  > & {
    actorId: string;
  })[];
  actors: ActorSummary[];
}

/** A document the reader added, as the import view lists it. */
export interface AddedDocumentView {
  id: DocumentId;
  title: string;
  issuingBody: string;
  dateLabel: string;
  kind: CorpusDocument['kind'];
  passageCount: number;
  /** When it was added (ISO time). */
  addedAt: string;
  origin: DocumentOrigin;
}

export function toAddedDocumentView(document: AddedDocument): AddedDocumentView {
  return {
    id: document.id,
    title: document.title,
    issuingBody: document.issuingBody,
    dateLabel: document.dateLabel,
    kind: document.kind,
    passageCount: document.passageCount,
    addedAt: document.addedAt,
    origin: document.origin,
  };
}

export function toDocumentSummary(document: CorpusDocument): DocumentSummary {
  return {
    id: document.id,
    title: document.title,
    shortTitle: document.shortTitle,
    issuingBody: document.issuingBody,
    date: document.date,
    dateLabel: document.dateLabel,
    place: document.place,
    symbol: document.symbol,
    url: document.url,
    kind: document.kind,
    ...(document.addedByUser ? { addedByUser: true as const } : {}),
  };
}

export function toActorSummary(actor: Actor): ActorSummary {
  return {
    id: actor.id,
    name: actor.name,
    role: actor.role,
    organisation: actor.organisation,
    country: actor.country,
    kind: actor.kind,
  };
}

/** A passage with its document and actor, ready to cite (and to keep, in a clip). */
export function toCitedPassage(
  passage: Passage,
  document: CorpusDocument,
  actor: Actor,
): CitedPassage {
  return {
    id: passage.id,
    text: passage.text,
    format: passage.format,
    ...(passage.fields ? { fields: passage.fields } : {}),
    locator: passage.locator,
    sectionPath: passage.sectionPath,
    kind: passage.kind,
    document: toDocumentSummary(document),
    actor: toActorSummary(actor),
  };
}

/** A passage of a document view, cited with the document and its actor, as everywhere else. */
export function citeDocumentPassage(
  detail: DocumentDetail,
  passage: DocumentDetail['passages'][number],
): CitedPassage | null {
  const actor = detail.actors.find((candidate) => candidate.id === passage.actorId);
  if (!actor) return null;
  return {
    id: passage.id,
    text: passage.text,
    format: passage.format,
    ...(passage.fields ? { fields: passage.fields } : {}),
    locator: passage.locator,
    sectionPath: passage.sectionPath,
    kind: passage.kind,
    document: detail.document,
    actor,
  };
}

export function toTermSummary(term: Term): TermSummary {
  return {
    id: term.id,
    label: term.label,
    category: term.category,
    aliases: term.aliases.map((alias) => alias.text),
    definition: term.definition,
    ...(term.addedByUser ? { addedByUser: true as const } : {}),
  };
}

/** One of the reader's terms, for their list: what the views show, and the form's fields. */
export interface UserTermView {
  term: TermSummary;
  draft: TermDraft;
  /** How many passages mention it, in every document. */
  passageCount: number;
  updatedAt: string;
}

/** An exported pack: the file's text, and what it holds. */
export interface PackExport {
  file: string;
  /** When it was made (ISO time). */
  createdAt: string;
  documents: number;
  terms: number;
}

/** What a colleague's pack would add, shown before it does: which documents and terms are new. */
export interface PackPlan {
  /** When the pack was made (ISO time). */
  createdAt: string;
  documents: {
    title: string;
    issuingBody: string;
    date: string;
    passageCount: number;
    /** The reader's document with the same text (found by content hash): this one is skipped. */
    alreadyAs: Pick<AddedDocument, 'id' | 'title' | 'addedAt'> | null;
  }[];
  /** `alreadyYours`: the reader has a term of that name, which is kept and this one skipped. */
  terms: { label: string; alreadyYours: boolean }[];
}

/** What an import added, and how much it left out because the reader had it. */
export interface PackImportView {
  documents: AddedDocumentView[];
  terms: TermSummary[];
  documentsSkipped: number;
  termsSkipped: number;
}

/** What a tab's content script reports about its page. */
export interface PageTerms {
  /** Whether highlighting runs on this page now. */
  active: boolean;
  /** How often each term is highlighted, by term id. */
  termCounts: Record<string, number>;
}

/**
 * What a page's own text tells of the senses on it: the terms it names outright and whether it
 * is about security. A host page shares it with its same-origin frames.
 */
export interface PageSenseView {
  termsNamed: string[];
  securityTopic: boolean;
}

/** A passage the user saved, as the clip list shows and exports it. */
export interface ClipView {
  id: number;
  passageId: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /**
   * The passage as cited when it was saved; null only for a clip kept from before citations were
   * stored whose passage is no longer in the corpus.
   */
  citation: CitedPassage | null;
}

/** The answer to saving a passage: its clip, and whether it was there already. */
export interface SavedClip {
  clip: ClipView;
  alreadySaved: boolean;
}
