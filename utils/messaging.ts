import { draftShapeProblem, type DocumentDraft } from './document-draft';
import { MAX_PACK_BYTES } from './pack';
import { termDraftShapeProblem, type TermDraft } from './user-term';
import type {
  AddedDocumentView,
  CitedPassage,
  ClipView,
  DocumentDetail,
  PackExport,
  PackImportView,
  PackPlan,
  PageSenseView,
  PageTerms,
  SavedClip,
  SearchResponse,
  TermDetail,
  TermSummary,
  UserTermView,
} from './views';
import type { CompiledMatcher } from './term-matcher';
import { SEARCH_FACETS, type SearchFilters } from './views';

/**
 * The one message contract between the extension's contexts. Every call is named for its intent,
 * its request is validated on receipt, and its answer is a serialisable Result.
 *
 * - `BackgroundProtocol`: the content script and the popup ask the background, the only context
 *   that opens the database.
 * - `TabProtocol`: the background and the popup ask the content script of one tab.
 */
export interface BackgroundProtocol {
  /** A term's definition, supporting passages, related terms, commitments and positions. */
  lookupTerm: { request: { termId: string }; response: TermDetail | null };
  /**
   * Full-text search over the corpus's terms and passages, narrowed by facet filters, with each
   * facet's counts. An empty query lists the passages the filters select.
   */
  search: {
    request: { query: string; limit?: number; filters?: SearchFilters };
    response: SearchResponse;
  };
  /** One passage with its document and actor, ready to cite. */
  getPassage: { request: { passageId: string }; response: CitedPassage | null };
  /** A whole document, its passages in order. */
  getDocument: { request: { documentId: string }; response: DocumentDetail | null };
  /** The content script tells which terms its tab shows (for the toolbar badge). */
  reportPageTerms: { request: { termCounts: Record<string, number> }; response: null };
  /** Opens the term's full cross-reference view in a tab (from a web page's card). */
  openTermView: { request: { termId: string }; response: null };
  /** Opens a document in full in a tab, scrolled to the passage and marking it. */
  openDocument: { request: { documentId: string; passageId: string }; response: null };
  /** Labels and categories of terms known only by id (those found on a page); unknown ids are left out. */
  describeTerms: { request: { termIds: string[] }; response: TermSummary[] };
  /** Saves a passage to the user's clips, at the end; a passage already saved is not added twice. */
  saveClip: { request: { passageId: string }; response: SavedClip };
  /** The user's clips, in their order. */
  listClips: { request: Record<string, never>; response: ClipView[] };
  /** Moves a clip to a place in the list (0 is the top); answers with the new order. */
  moveClip: { request: { clipId: number; toIndex: number }; response: ClipView[] };
  /** Removes a clip, which `restoreClip` can bring back until the next removal. */
  removeClip: { request: { clipId: number }; response: ClipView[] };
  /** Undoes the removal of a clip: it returns to its place. */
  restoreClip: { request: { clipId: number }; response: ClipView[] };
  /**
   * Copies text to the clipboard from an extension context, for a card whose page refuses the
   * content script the clipboard (a permissions policy, a plain http page): never through the
   * page's own `copy` event, which the page could read and rewrite.
   */
  copyText: { request: { text: string }; response: null };
  /**
   * A tab's top frame shares what its text tells of the senses on it (it grew); the background
   * passes it on to the tab's frames, whose same-origin ones take it.
   */
  shareHostSense: { request: PageSenseView; response: null };
  /** A frame asks for its tab's top frame's sense evidence (null: none to be had). */
  hostPageSense: { request: Record<string, never>; response: PageSenseView | null };
  /**
   * The compiled term matcher: the aliases, their senses and the trie that finds them. A
   * content script asks for it when it starts, the popup when it first marks terms in text.
   */
  loadMatcher: { request: Record<string, never>; response: CompiledMatcher };
  /**
   * Adds a document the reader confirmed in the import view to their corpus: its passages are
   * linked to the glossary's terms and searchable once this answers. Refused (`bad-request`)
   * when the draft does not hold together, `duplicate` when the same text is there already.
   */
  addDocument: { request: { draft: DocumentDraft }; response: AddedDocumentView };
  /** Deletes a document the reader added, with all of it; answers whether there was one. */
  deleteDocument: { request: { documentId: string }; response: { deleted: boolean } };
  /** The documents the reader added, oldest first. */
  listAddedDocuments: { request: Record<string, never>; response: AddedDocumentView[] };
  /**
   * Adds a term of the reader's (or, given its id, changes one): it is linked to every passage
   * that mentions it, and open pages highlight it, once this answers. Refused (`bad-request`)
   * when the draft does not hold together, `duplicate` when a term of that name is there.
   */
  saveTerm: { request: { draft: TermDraft; termId?: string }; response: UserTermView };
  /** Deletes a term of the reader's with its links; answers whether there was one. */
  deleteTerm: { request: { termId: string }; response: { deleted: boolean } };
  /** The reader's terms, oldest first. */
  listUserTerms: { request: Record<string, never>; response: UserTermView[] };
  /**
   * The reader's documents and terms as one sealed pack: the text of the file to save and share,
   * with what it holds.
   */
  exportPack: { request: Record<string, never>; response: PackExport };
  /**
   * What importing a pack file would add and what the reader has already, to show before
   * importing. The pack is read and checked here, in the background, never in a page. Refused
   * (`bad-request`) when it is not one Pledgemark can take, with what is wrong.
   */
  previewPack: { request: { file: string }; response: PackPlan };
  /**
   * Adds the pack's documents and terms that the reader does not have, all or nothing: they are
   * searchable and highlighted once this answers.
   */
  importPack: { request: { file: string }; response: PackImportView };
}

export interface TabProtocol {
  /** Switches highlighting on this tab off, or back on. */
  toggleHighlighting: { request: Record<string, never>; response: { active: boolean } };
  /** The terms highlighted on this tab and how often. */
  getPageTerms: { request: Record<string, never>; response: PageTerms };
  /**
   * Moves to the next or previous highlight on the page (of one term, if given) and opens its
   * card; answers which one it went to, the `index`-th (from 1) of `total`.
   */
  focusHighlight: {
    request: { direction: 'next' | 'previous'; termId?: string };
    response: { found: boolean; index?: number; total?: number };
  };
  /** What this page's own text tells of the senses on it (asked of a tab's top frame). */
  getPageSense: { request: Record<string, never>; response: PageSenseView };
  /** The top frame's evidence, for a same-origin frame to decide its occurrences with. */
  adoptHostSense: { request: PageSenseView; response: null };
  /**
   * The page, for "This page" in the import view: a clone's HTML without Pledgemark's own
   * elements, with its address and title (asked of a tab's top frame).
   */
  pageForImport: {
    request: Record<string, never>;
    response: { html: string; url: string; title: string };
  };
}

/** Any protocol: named calls, each with a request object and a response. */
type Protocol<P> = { [N in keyof P]: { request: object; response: unknown } };

export type MessageName = keyof BackgroundProtocol;
export type RequestOf<P extends Protocol<P>, N extends keyof P> = P[N]['request'];
export type ResponseOf<P extends Protocol<P>, N extends keyof P> = P[N]['response'];

export type ErrorCode =
  | 'unknown-message'
  | 'forbidden'
  | 'bad-request'
  | 'duplicate'
  | 'unavailable'
  | 'storage'
  | 'internal';

/** Failures a handler may name, each something the reader can act on. */
const NAMED_FAILURES: readonly ErrorCode[] = ['storage', 'bad-request', 'duplicate', 'forbidden'];

/**
 * The code of a handler's failure: the one it names, if the reader can act on it (`storage`: the
 * browser's database is full or blocked; `bad-request`: what was sent does not hold together;
 * `duplicate`: it is there already; `forbidden`: the call is not open to its sender), `internal`
 * for anything else.
 */
function failureCode(error: unknown): ErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  return NAMED_FAILURES.find((named) => named === code) ?? 'internal';
}

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const CHANNEL = 'pledgemark/v1';

export interface Envelope {
  channel: typeof CHANNEL;
  name: string;
  request: object;
}

/** Longest query the background accepts; longer input is refused, not truncated silently. */
export const MAX_QUERY_LENGTH = 10_000;
const MAX_ID_LENGTH = 200;
/** Passages a search answers with unless asked for more: each is read from IndexedDB. */
export const SEARCH_PAGE_SIZE = 20;
/** Most passages one search answers with. */
export const MAX_LIMIT = 500;
const MAX_REPORTED_TERMS = 2_000;
/** More places than anyone keeps clips in; a larger index is a malformed request. */
const MAX_CLIP_INDEX = 100_000;
/** Longer than any citation; longer text is a malformed copy request. */
export const MAX_COPY_LENGTH = 100_000;

/** Checks a request's fields; returns what is wrong with it, or null. */
type Validator = (request: Record<string, unknown>) => string | null;

const idField =
  (field: string): Validator =>
  (request) => {
    const value = request[field];
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
      return `${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters`;
    }
    return null;
  };

const clipIdField: Validator = ({ clipId }) =>
  typeof clipId === 'number' && Number.isSafeInteger(clipId) && clipId > 0
    ? null
    : 'clipId must be a positive whole number';

const noFields: Validator = (request) =>
  Object.keys(request).length === 0 ? null : 'this call takes no fields';

/**
 * Filters must name known facets, each with one value of a sensible length. Whether the corpus
 * has that value is the search's to say (it answers with a notice, not a refusal).
 */
function searchFiltersProblem(filters: unknown): string | null {
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) {
    return 'filters must be an object';
  }
  for (const [facet, value] of Object.entries(filters)) {
    if (!(SEARCH_FACETS as readonly string[]).includes(facet)) {
      return `filters may only name ${SEARCH_FACETS.join(', ')}`;
    }
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
      return `filters.${facet} must be a non-empty string of at most ${MAX_ID_LENGTH} characters`;
    }
  }
  return null;
}

const pageSenseFields: Validator = ({ termsNamed, securityTopic }) =>
  typeof securityTopic === 'boolean' &&
  Array.isArray(termsNamed) &&
  termsNamed.length <= MAX_REPORTED_TERMS &&
  termsNamed.every((termId) => idField('termId')({ termId }) === null)
    ? null
    : `termsNamed must be a list of at most ${MAX_REPORTED_TERMS} term ids, securityTopic a boolean`;

const packFile: Validator = ({ file, ...rest }) => {
  if (Object.keys(rest).length > 0) return 'this call takes only a file';
  return typeof file === 'string' && file.length <= MAX_PACK_BYTES
    ? null
    : `file must be a pack file's text, of at most ${MAX_PACK_BYTES.toLocaleString('en')} characters`;
};

export const BACKGROUND_VALIDATORS: { [N in keyof BackgroundProtocol]: Validator } = {
  lookupTerm: idField('termId'),
  getPassage: idField('passageId'),
  getDocument: idField('documentId'),
  search: ({ query, limit, filters }) => {
    if (typeof query !== 'string') return 'query must be a string';
    if (query.length > MAX_QUERY_LENGTH)
      return `query is longer than ${MAX_QUERY_LENGTH} characters`;
    if (
      limit !== undefined &&
      (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    ) {
      return `limit must be a whole number from 1 to ${MAX_LIMIT}`;
    }
    return filters === undefined ? null : searchFiltersProblem(filters);
  },
  reportPageTerms: ({ termCounts }) => {
    if (typeof termCounts !== 'object' || termCounts === null || Array.isArray(termCounts)) {
      return 'termCounts must be an object';
    }
    const entries = Object.entries(termCounts);
    if (entries.length > MAX_REPORTED_TERMS) return 'too many terms';
    const valid = entries.every(
      ([termId, count]) =>
        termId.length > 0 &&
        termId.length <= MAX_ID_LENGTH &&
        Number.isInteger(count) &&
        (count as number) > 0,
    );
    return valid ? null : 'termCounts must map term ids to positive whole numbers';
  },
  openTermView: idField('termId'),
  openDocument: (request) => idField('documentId')(request) ?? idField('passageId')(request),
  describeTerms: ({ termIds }) =>
    Array.isArray(termIds) &&
    termIds.length <= MAX_REPORTED_TERMS &&
    termIds.every((termId) => idField('termId')({ termId }) === null)
      ? null
      : `termIds must be a list of at most ${MAX_REPORTED_TERMS} term ids`,
  saveClip: idField('passageId'),
  listClips: noFields,
  moveClip: (request) => {
    const { toIndex } = request;
    if (
      typeof toIndex !== 'number' ||
      !Number.isInteger(toIndex) ||
      toIndex < 0 ||
      toIndex > MAX_CLIP_INDEX
    ) {
      return `toIndex must be a whole number from 0 to ${MAX_CLIP_INDEX}`;
    }
    return clipIdField(request);
  },
  removeClip: clipIdField,
  restoreClip: clipIdField,
  copyText: ({ text }) =>
    typeof text === 'string' && text.length > 0 && text.length <= MAX_COPY_LENGTH
      ? null
      : `text must be a non-empty string of at most ${MAX_COPY_LENGTH} characters`,
  shareHostSense: pageSenseFields,
  hostPageSense: noFields,
  loadMatcher: noFields,
  addDocument: ({ draft, ...rest }) =>
    Object.keys(rest).length > 0 ? 'this call takes only a draft' : draftShapeProblem(draft),
  deleteDocument: idField('documentId'),
  listAddedDocuments: noFields,
  saveTerm: ({ draft, termId, ...rest }) => {
    if (Object.keys(rest).length > 0) return 'this call takes a draft and a termId';
    if (termId !== undefined) {
      const problem = idField('termId')({ termId });
      if (problem) return problem;
    }
    return termDraftShapeProblem(draft);
  },
  deleteTerm: idField('termId'),
  listUserTerms: noFields,
  exportPack: noFields,
  previewPack: packFile,
  importPack: packFile,
};

export const TAB_VALIDATORS: { [N in keyof TabProtocol]: Validator } = {
  toggleHighlighting: noFields,
  getPageTerms: noFields,
  focusHighlight: (request) =>
    request.direction === 'next' || request.direction === 'previous'
      ? request.termId === undefined
        ? null
        : idField('termId')(request)
      : 'direction must be "next" or "previous"',
  getPageSense: noFields,
  adoptHostSense: pageSenseFields,
  pageForImport: noFields,
};

export interface MessageSender {
  /** The extension that sent the message. */
  id?: string | undefined;
  /** The tab a content script sent from. */
  tab?: { id?: number | undefined } | undefined;
  /** The frame of that tab (0 is the top frame). */
  frameId?: number | undefined;
  /** The address of the page or frame that sent it (a web page's, for a content script). */
  url?: string | undefined;
}

export type Handlers<P extends Protocol<P>> = {
  [N in keyof P]: (request: RequestOf<P, N>, sender: MessageSender) => Promise<ResponseOf<P, N>>;
};

function refuse(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Validates and dispatches one incoming message. Messages from anything but this extension,
 * messages of unknown name and malformed requests are refused with a Result, never thrown.
 */
export async function dispatchMessage<P extends Protocol<P>>(
  validators: { [N in keyof P]: Validator },
  handlers: Handlers<P>,
  ownExtensionId: string,
  message: unknown,
  sender: MessageSender,
): Promise<Result<unknown>> {
  if (sender.id !== ownExtensionId)
    return refuse('forbidden', 'Messages from other senders are refused');
  if (typeof message !== 'object' || message === null) {
    return refuse('unknown-message', 'Not a Pledgemark message');
  }
  const { channel, name, request } = message as Record<string, unknown>;
  if (channel !== CHANNEL || typeof name !== 'string' || !Object.hasOwn(validators, name)) {
    return refuse('unknown-message', `Unknown message ${JSON.stringify(name ?? null)}`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return refuse('bad-request', `${name}: the request must be an object`);
  }
  const problem = validators[name as keyof P](request as Record<string, unknown>);
  if (problem) return refuse('bad-request', `${name}: ${problem}`);
  try {
    const handler = handlers[name as keyof P] as (
      request: unknown,
      sender: MessageSender,
    ) => Promise<unknown>;
    return { ok: true, value: await handler(request, sender) };
  } catch (error) {
    return refuse(failureCode(error), error instanceof Error ? error.message : String(error));
  }
}

/**
 * The one message the background sends its offscreen document (Chrome MV3, which has no DOM in
 * its service worker): copy this text. Outside the contract above, on a channel of its own, so
 * that neither side ever takes the other's messages for its own.
 */
export const OFFSCREEN_COPY_CHANNEL = 'pledgemark/offscreen-copy';

export interface OffscreenCopy {
  channel: typeof OFFSCREEN_COPY_CHANNEL;
  text: string;
}

export function isOffscreenCopy(message: unknown): message is OffscreenCopy {
  const { channel, text } = (message ?? {}) as Record<string, unknown>;
  return (
    channel === OFFSCREEN_COPY_CHANNEL &&
    typeof text === 'string' &&
    text.length > 0 &&
    text.length <= MAX_COPY_LENGTH
  );
}

/** What a caller uses to send: `browser.runtime.sendMessage` or `browser.tabs.sendMessage`. */
export type SendMessage = (envelope: Envelope) => Promise<unknown>;

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/** Sends one call. Transport failures (no receiver, a closed port) come back as `unavailable`. */
export async function call<P extends Protocol<P>, N extends keyof P & string>(
  send: SendMessage,
  name: N,
  request: RequestOf<P, N>,
): Promise<Result<ResponseOf<P, N>>> {
  try {
    const answer = await send({ channel: CHANNEL, name, request });
    if (!isResult(answer)) return refuse('unavailable', 'Pledgemark did not answer');
    return answer as Result<ResponseOf<P, N>>;
  } catch (error) {
    return refuse('unavailable', error instanceof Error ? error.message : String(error));
  }
}

/** Asks the background. */
export function callBackground<N extends keyof BackgroundProtocol>(
  send: SendMessage,
  name: N,
  request: RequestOf<BackgroundProtocol, N>,
): Promise<Result<ResponseOf<BackgroundProtocol, N>>> {
  return call<BackgroundProtocol, N>(send, name, request);
}

/** Asks the content script of a tab. */
export function callTab<N extends keyof TabProtocol>(
  send: SendMessage,
  name: N,
  request: RequestOf<TabProtocol, N>,
): Promise<Result<ResponseOf<TabProtocol, N>>> {
  return call<TabProtocol, N>(send, name, request);
}
