import { DOCUMENT_KINDS, type DocumentKind, type DocumentOrigin } from './corpus-types';
import { passageText } from './segmenter/clean';
import { splitsCharacter } from './utf8-offsets';
import type { SegmentedPassage } from './segmenter/types';

/**
 * A document the reader is adding, as the import view hands it to the background, and the checks
 * both sides run on it: the view to say at once what to fix, the background because a message
 * may come from anywhere in the extension and must not be trusted to have been checked.
 */

/** The longest text a reader can add, in characters (a long report as plain text). */
export const MAX_ADDED_TEXT_LENGTH = 5_000_000;
/** More passages than any document has; more is a malformed draft. */
export const MAX_ADDED_PASSAGES = 50_000;
export const MAX_FIELD_LENGTH = 500;
const MAX_URL_LENGTH = 2_000;
/** Longer than any heading path or locator a document has. */
const MAX_PASSAGE_FIELD_LENGTH = 2_000;
const MAX_SECTION_DEPTH = 64;

/** What the reader confirmed in the import view: the text, its passages and what to cite it by. */
export interface DocumentDraft {
  title: string;
  issuingBody: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or '' when the reader does not know it. */
  date: string;
  kind: DocumentKind;
  origin: DocumentOrigin;
  text: string;
  passages: SegmentedPassage[];
}

const ISO_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A year, a year and month, or a day that the calendar has (not 2021-02-31). */
function isCalendarDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const [, year, month, day] = match;
  if (!day) return true;
  const parsed = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return parsed.getUTCDate() === Number(day);
}

/** Whether an address is one the views may link to: http or https, nothing else. */
export function isWebAddress(url: string): boolean {
  if (url.length > MAX_URL_LENGTH) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function originProblem(origin: DocumentOrigin): string | null {
  switch (origin.kind) {
    case 'paste':
      return null;
    case 'file':
      return origin.name.length > 0 && origin.name.length <= MAX_FIELD_LENGTH
        ? null
        : 'The file has no usable name.';
    case 'page':
      return isWebAddress(origin.url)
        ? null
        : 'Only pages at http or https addresses can be added.';
  }
}

/** What is wrong with a draft, said so that the reader can fix it; null when nothing is. */
export function draftProblem(draft: DocumentDraft): string | null {
  if (draft.title.trim() === '') return 'Give the document a title.';
  if (draft.issuingBody.trim() === '') return 'Say who issued the document.';
  if (draft.title.length > MAX_FIELD_LENGTH || draft.issuingBody.length > MAX_FIELD_LENGTH) {
    return `A title or an issuing body is at most ${MAX_FIELD_LENGTH} characters.`;
  }
  if (draft.date !== '' && !isCalendarDate(draft.date)) {
    return 'Give the date as a year, a year and month, or a full date (2021, 2021-12, 2021-12-13).';
  }
  if (!(DOCUMENT_KINDS as readonly string[]).includes(draft.kind))
    return 'Choose what kind of document it is.';
  const origin = originProblem(draft.origin);
  if (origin) return origin;
  if (draft.text.trim() === '') return 'The document has no text.';
  if (draft.text.length > MAX_ADDED_TEXT_LENGTH) {
    return `The text is longer than ${MAX_ADDED_TEXT_LENGTH.toLocaleString('en')} characters.`;
  }
  if (draft.passages.length === 0) return 'No passages were found in the text.';
  if (draft.passages.length > MAX_ADDED_PASSAGES) return 'The text has too many passages.';
  const locators = new Set<string>();
  for (const passage of draft.passages) {
    const [start, end] = passage.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end)) {
      return `Passage “${passage.locator}” has no place in the text.`;
    }
    if (end > draft.text.length)
      return `Passage “${passage.locator}” runs past the end of the text.`;
    if (splitsCharacter(draft.text, start) || splitsCharacter(draft.text, end)) {
      return `Passage “${passage.locator}” starts or ends inside a character.`;
    }
    if (passage.text.trim() === '') return `Passage “${passage.locator}” is empty.`;
    if (passageText(draft.text.slice(start, end), passage.format) !== passage.text) {
      return `Passage “${passage.locator}” does not match its place in the text.`;
    }
    if (locators.has(passage.locator)) return `Two passages are both “${passage.locator}”.`;
    locators.add(passage.locator);
  }
  return null;
}

const isString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;
const isStringList = (value: unknown, maxItems: number, maxLength: number) =>
  Array.isArray(value) &&
  value.length <= maxItems &&
  value.every((item) => isString(item, maxLength));

/** Whether an object has keys beyond those named: stored as they are, they must be known. */
const hasOtherKeys = (value: object, known: readonly string[]) =>
  Object.keys(value).some((key) => !known.includes(key));

const PASSAGE_KEYS = [
  'locator',
  'sectionPath',
  'kind',
  'actor',
  'text',
  'format',
  'fields',
  'range',
];

function passageShapeProblem(value: unknown, index: number): string | null {
  const passage = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const where = `passages[${index}]`;
  const actor = (passage.actor ?? {}) as Record<string, unknown>;
  const range = passage.range;
  if (
    !isString(passage.locator, MAX_PASSAGE_FIELD_LENGTH) ||
    !isString(passage.text, MAX_ADDED_TEXT_LENGTH) ||
    !isStringList(passage.sectionPath, MAX_SECTION_DEPTH, MAX_PASSAGE_FIELD_LENGTH) ||
    !['commitment', 'position', 'context'].includes(passage.kind as string) ||
    !['prose', 'table-row'].includes(passage.format as string) ||
    !isString(actor.name, MAX_FIELD_LENGTH) ||
    !['person', 'body'].includes(actor.kind as string) ||
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((offset) => Number.isSafeInteger(offset)) ||
    hasOtherKeys(passage, PASSAGE_KEYS) ||
    hasOtherKeys(actor, ['name', 'kind'])
  ) {
    return `${where} is not a passage`;
  }
  const fields = passage.fields;
  if (
    fields !== undefined &&
    !(
      Array.isArray(fields) &&
      fields.every((field) => {
        const cell = (field ?? {}) as Record<string, unknown>;
        return (
          isString(cell.label, MAX_PASSAGE_FIELD_LENGTH) &&
          isString(cell.text, MAX_ADDED_TEXT_LENGTH) &&
          !hasOtherKeys(cell, ['label', 'text'])
        );
      })
    )
  ) {
    return `${where}.fields must be labelled cells`;
  }
  return null;
}

const DRAFT_KEYS = ['title', 'issuingBody', 'date', 'kind', 'origin', 'text', 'passages'];

/**
 * Whether a value received as a draft has a draft's shape (fields of the right types and sizes);
 * `draftProblem` then says whether its content holds together.
 */
export function draftShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'draft must be an object';
  }
  const draft = value as Record<string, unknown>;
  const origin = (draft.origin ?? {}) as Record<string, unknown>;
  if (
    !isString(draft.title, MAX_FIELD_LENGTH) ||
    !isString(draft.issuingBody, MAX_FIELD_LENGTH) ||
    !isString(draft.date, 10) ||
    typeof draft.kind !== 'string' ||
    !isString(draft.text, MAX_ADDED_TEXT_LENGTH)
  ) {
    return `draft needs a title and an issuing body (at most ${MAX_FIELD_LENGTH} characters), a date, a kind and a text of at most ${MAX_ADDED_TEXT_LENGTH} characters`;
  }
  if (hasOtherKeys(draft, DRAFT_KEYS)) {
    return `draft has unknown fields (it takes ${DRAFT_KEYS.join(', ')})`;
  }
  const originShape =
    (origin.kind === 'paste' && !hasOtherKeys(origin, ['kind'])) ||
    (origin.kind === 'file' &&
      isString(origin.name, MAX_FIELD_LENGTH) &&
      !hasOtherKeys(origin, ['kind', 'name'])) ||
    (origin.kind === 'page' &&
      isString(origin.url, MAX_URL_LENGTH) &&
      !hasOtherKeys(origin, ['kind', 'url']));
  if (!originShape)
    return 'draft.origin must be a paste, a file with its name or a page with its URL';
  if (!Array.isArray(draft.passages) || draft.passages.length > MAX_ADDED_PASSAGES) {
    return `draft.passages must be a list of at most ${MAX_ADDED_PASSAGES} passages`;
  }
  for (let i = 0; i < draft.passages.length; i++) {
    const problem = passageShapeProblem(draft.passages[i], i);
    if (problem) return `draft.${problem}`;
  }
  return null;
}
