/**
 * The shape of the structured corpus, at the bottom of the layers: it imports nothing. Everything
 * here is plain, serialisable data: it is written to
 * `data/generated/corpus.json` by the build step, stored in IndexedDB by the background and sent
 * across the message contract.
 */

export const DOCUMENT_IDS = [
  'appf-2021',
  'seminar-2020',
  'apec-workplan-2017',
  'apec-strategic-plan-2018',
  'g7-action-plan-2016',
] as const;
/** The id of one of the five documents Pledgemark ships. */
export type BuiltInDocumentId = (typeof DOCUMENT_IDS)[number];
/** A built-in document's id, or an added one's (`ADDED_ID_PREFIX` and its content hash). */
export type DocumentId = string;

/** What a document is; the reader picks one for a document they add. */
export const DOCUMENT_KINDS = [
  'resolution',
  'statement',
  'action plan',
  'strategic plan',
  'work plan',
  'proceedings',
  'speech',
  'report',
  'article',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** How the id of every record of a document the reader added begins: never a built-in id. */
export const ADDED_ID_PREFIX = 'added-';

export interface CorpusDocument {
  id: DocumentId;
  title: string;
  /** Short title for lists and citations. */
  shortTitle: string;
  issuingBody: string;
  /** Actor id of the issuing body. */
  issuerActorId: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM), or a period such as 2018/2022 for a plan. */
  date: string;
  /** Human-readable date as the document gives it. */
  dateLabel: string;
  place: string | null;
  /** The document's symbol or reference number, as the source gives it. */
  symbol: string | null;
  /** A public address of the published document, only where one is recorded with the source. */
  url: string | null;
  kind: DocumentKind;
  /** The raw source file in `data/sources/`; for an added document, the file it came from. */
  sourceFile: string | null;
  /** SHA-256 of the raw source file (an added document: of its text), hex. */
  contentHash: string;
  passageCount: number;
  /** Set on a document the reader added, and on each of its passages, actors and occurrences. */
  addedByUser?: true;
}

/** One of the documents Pledgemark ships, read from its raw source file. */
export interface BuiltInDocument extends CorpusDocument {
  id: BuiltInDocumentId;
  sourceFile: string;
}

/** Where an added document came from. */
export type DocumentOrigin =
  { kind: 'paste' } | { kind: 'file'; name: string } | { kind: 'page'; url: string };

/** A document the reader added, in tables of its own (its text in one more, `AddedText`). */
export interface AddedDocument extends CorpusDocument {
  addedByUser: true;
  /** When it was added (ISO time). */
  addedAt: string;
  origin: DocumentOrigin;
}

/**
 * The text an added document's passages were read from (their `byteRange`s are UTF-8 bytes of
 * it): kept apart, so that listing documents never reads their texts.
 */
export interface AddedText {
  documentId: DocumentId;
  text: string;
}

export type RecordKind = 'commitment' | 'position' | 'context';

/** How a passage's text is recovered from its raw byte range; see `clean-text.ts`. */
export type PassageFormat = 'prose' | 'table-row';

/** One cell of a table row, under its column's label; quoted on its own, never joined. */
export interface TableField {
  label: string;
  text: string;
}

export interface Passage {
  /** Stable id: `<document id>:<locator slug>`. */
  id: string;
  documentId: DocumentId;
  /** Position in the document, 0-based. */
  order: number;
  /** Human locator, e.g. "Operative para. 2", "Action 1 › Border Security › bullet 2", "FA5". */
  locator: string;
  /** Headings from the document root to this passage. */
  sectionPath: string[];
  actorId: string;
  kind: RecordKind;
  /**
   * Cleaned text: ready to quote for prose; for a table row, its cells one per line, for search
   * and matching (a row is quoted by its `fields`).
   */
  text: string;
  format: PassageFormat;
  /** UTF-8 byte range [start, end) in the raw source file. */
  byteRange: [number, number];
  /** A table row's non-empty cells in column order, each under its column's label. */
  fields?: TableField[];
  addedByUser?: true;
}

export interface Actor {
  id: string;
  name: string;
  /** Title or function, e.g. "Vice Minister". */
  role: string | null;
  organisation: string | null;
  country: string | null;
  kind: 'body' | 'person';
  /** Spellings of the name found in the sources, when they differ. */
  nameVariants: string[];
  /** An added document's actor: the document it belongs to (deleted with it). */
  documentId?: DocumentId;
  addedByUser?: true;
}

export const TERM_CATEGORIES = [
  'organisation',
  'instrument',
  'programme',
  'concept',
  'group',
] as const;
export type TermCategory = (typeof TERM_CATEGORIES)[number];

/** How an alias's occurrences are decided. */
export type SenseClass = 'cue' | 'cue-no-veto';

/** What the glossary says about an ambiguous alias's sense (decided by utils/sense-model.ts). */
export interface SenseRule {
  class: SenseClass;
  /**
   * Words or phrases (any case; a plural or possessive is the same word; a final "*" makes a
   * stem) that confirm it.
   */
  cues: string[];
  /** Glossary term ids whose mention near the occurrence confirms it. */
  cueTerms?: string[];
  /** Words or phrases of the alias's other senses, which rule it out near the occurrence. */
  vetoes?: string[];
  /** Whether a neutral occurrence may be taken on the page's word (see above). */
  pageEvidence?: boolean;
}

/**
 * When an alias is ambiguous in ordinary text, it only counts as a mention of the term when at
 * least one of these holds.
 */
export interface TermAlias {
  text: string;
  /**
   * Acronyms are matched case-sensitively, phrases case-insensitively. Defaults to true when
   * the alias has no lower-case letter.
   */
  caseSensitive?: boolean;
  /** A spelling variant that the corpus itself never uses (e.g. "Daesh"). */
  external?: boolean;
  /** How an ambiguous alias is told from its other senses; none for an unambiguous one. */
  sense?: SenseRule;
}

/** A reference from the glossary to the passage that supports a definition. */
export interface SourceQuote {
  doc: BuiltInDocumentId;
  /** Exact text that occurs in exactly one passage of the document. */
  quote: string;
}

/** A glossary entry as curated by hand in `data/glossary.ts`. */
export interface GlossaryEntry {
  id: string;
  label: string;
  category: TermCategory;
  aliases: TermAlias[];
  definition: string;
  sources: SourceQuote[];
  related: string[];
}

/** A glossary entry after the build resolved its sources to passage ids. */
export interface Term {
  id: string;
  label: string;
  category: TermCategory;
  aliases: TermAlias[];
  definition: string;
  sourcePassageIds: string[];
  related: string[];
  /** A term the reader added (utils/user-term.ts). */
  addedByUser?: true;
}

export interface Occurrence {
  termId: string;
  passageId: string;
  documentId: DocumentId;
  /** How many times the term is mentioned in the passage. */
  count: number;
  addedByUser?: true;
}

export interface Corpus {
  /** SHA-256 over the raw sources, the glossary and the build version. */
  hash: string;
  documents: CorpusDocument[];
  passages: Passage[];
  actors: Actor[];
  terms: Term[];
  occurrences: Occurrence[];
}

/** The corpus the build step makes from the raw sources. */
export interface BuiltCorpus extends Corpus {
  documents: BuiltInDocument[];
}
