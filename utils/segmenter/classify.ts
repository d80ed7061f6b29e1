import type { RecordKind } from '../corpus-types';
import {
  isSalutation,
  opensBinding,
  opensImperative,
  opensPosition,
  opensPreambular,
  opensWeState,
  opensWeUndertake,
  reportsSpeech,
  statesUndertaking,
  statesView,
} from './lexicon';
import { endsSentence, isDateLine, isFieldLine, isTitleLike } from './text-shape';

/** What a passage is in its document's structure, as the structure stage found it. */
export type PassageRole =
  | 'title'
  | 'cover-line'
  | 'header-field'
  | 'chapeau'
  | 'heading'
  | 'contents-entry'
  | 'speech-heading'
  | 'preambular'
  | 'operative'
  /** A paragraph of a speech. */
  | 'speech'
  /** A numbered or bulleted point of a speech. */
  | 'speech-item'
  | 'list-item'
  | 'table-row'
  | 'paragraph';

const STRUCTURAL_ROLES: ReadonlySet<PassageRole> = new Set([
  'title',
  'cover-line',
  'header-field',
  'chapeau',
  'heading',
  'contents-entry',
  'speech-heading',
]);

/**
 * Commitment, position or context, from the passage's role and wording. Structure decides first
 * (headings and cover lines are context; a resolution's preamble states positions and its
 * operative part commits; a speech states its speaker's positions), then the opening words, then
 * cues anywhere in the text, then the role's default: items of a list or a table are what a plan
 * undertakes, and other prose states a view.
 */
export function classifyPassage(role: PassageRole, text: string): RecordKind {
  if (STRUCTURAL_ROLES.has(role)) return 'context';
  if (role === 'preambular') return 'position';
  if (role === 'operative') return 'commitment';
  if (role === 'speech') return framesSpeech(text) ? 'context' : 'position';
  if (role === 'speech-item') return 'position';
  if (isMetadata(text)) return 'context';
  const preambular = role === 'paragraph' && opensPreambular(text);
  if (opensPosition(text) || preambular || opensWeState(text)) return 'position';
  if (opensWeUndertake(text) || opensBinding(text) || opensImperative(text)) return 'commitment';
  // Someone quoted is reported, not undertaking on the document's behalf.
  if (reportsSpeech(text)) return 'position';
  if (statesUndertaking(text)) return 'commitment';
  if (statesView(text)) return 'position';
  return role === 'paragraph' ? 'position' : 'commitment';
}

/** Salutations, thanks, a speech's title or sub-headings: the frame, not what the speaker says. */
function framesSpeech(text: string): boolean {
  if (isSalutation(text)) return true;
  if (text.endsWith(':') && text.length < 40) return true;
  if (endsSentence(text)) return false;
  return text.length < 120 || isTitleLike(text);
}

/** A bare date or a "Field: value" line. */
function isMetadata(text: string): boolean {
  return isDateLine(text) || (isFieldLine(text) && text.length < 80 && !endsSentence(text));
}
