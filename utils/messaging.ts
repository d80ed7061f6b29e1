import type { CitedPassage, DocumentDetail, SearchResponse, TermDetail } from './views';

/**
 * The one message contract between the extension's contexts. The content script and the popup
 * ask; the background, the only context that opens the database, answers. Every call is named
 * for its intent, its request is validated on receipt, and its answer is a serialisable Result.
 */
export interface Protocol {
  /** A term's definition, supporting passages, related terms, commitments and positions. */
  lookupTerm: { request: { termId: string }; response: TermDetail | null };
  /** Full-text search over the corpus's terms and passages. */
  search: { request: { query: string; limit?: number }; response: SearchResponse };
  /** One passage with its document and actor, ready to cite. */
  getPassage: { request: { passageId: string }; response: CitedPassage | null };
  /** A whole document, its passages in order. */
  getDocument: { request: { documentId: string }; response: DocumentDetail | null };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];

export type ErrorCode =
  'unknown-message' | 'forbidden' | 'bad-request' | 'unavailable' | 'internal';

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface Envelope<N extends MessageName = MessageName> {
  channel: typeof CHANNEL;
  name: N;
  request: RequestOf<N>;
}

export const CHANNEL = 'pledgemark/v1';

/** Longest query or id the background accepts; longer input is refused, not truncated silently. */
export const MAX_QUERY_LENGTH = 10_000;
const MAX_ID_LENGTH = 200;
const MAX_LIMIT = 500;

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

const VALIDATORS: { [N in MessageName]: Validator } = {
  lookupTerm: idField('termId'),
  getPassage: idField('passageId'),
  getDocument: idField('documentId'),
  search: (request) => {
    const { query, limit } = request;
    if (typeof query !== 'string') return 'query must be a string';
    if (query.length > MAX_QUERY_LENGTH)
      return `query is longer than ${MAX_QUERY_LENGTH} characters`;
    if (
      limit !== undefined &&
      (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    ) {
      return `limit must be a whole number from 1 to ${MAX_LIMIT}`;
    }
    return null;
  },
};

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(VALIDATORS, name);
}

export type Handlers = {
  [N in MessageName]: (request: RequestOf<N>) => Promise<ResponseOf<N>>;
};

export interface MessageSender {
  /** The extension that sent the message. */
  id?: string | undefined;
}

function refuse(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Validates and dispatches one incoming message. Messages from anything but this extension,
 * messages of unknown name and malformed requests are refused with a Result, never thrown.
 */
export async function dispatchMessage(
  handlers: Handlers,
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
  if (channel !== CHANNEL || !isMessageName(name)) {
    return refuse('unknown-message', `Unknown message ${JSON.stringify(name ?? null)}`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return refuse('bad-request', `${name}: the request must be an object`);
  }
  const problem = VALIDATORS[name](request as Record<string, unknown>);
  if (problem) return refuse('bad-request', `${name}: ${problem}`);
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return refuse('internal', error instanceof Error ? error.message : String(error));
  }
}

/** What the caller uses to send; `browser.runtime.sendMessage` in the extension. */
export type SendMessage = (envelope: Envelope) => Promise<unknown>;

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/** Sends one call to the background. Transport failures come back as an `unavailable` Result. */
export async function callBackground<N extends MessageName>(
  send: SendMessage,
  name: N,
  request: RequestOf<N>,
): Promise<Result<ResponseOf<N>>> {
  try {
    const answer = await send({ channel: CHANNEL, name, request });
    if (!isResult(answer)) return refuse('unavailable', 'Pledgemark’s background did not answer');
    return answer as Result<ResponseOf<N>>;
  } catch (error) {
    return refuse('unavailable', error instanceof Error ? error.message : String(error));
  }
}
