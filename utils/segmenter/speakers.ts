import type { SegmentActor } from './types';
import { endsSentence } from './text-shape';

/**
 * Speaker headings of proceedings and collected speeches: "Opening Remarks by H.E. Name, Role,
 * Country", "Speech of Name, …", "Statement by the Delegation of …".
 */
const SPEAKER_HEADING =
  /^(?:(?:Opening|Closing|Concluding|Welcoming|Welcome|Keynote|Introductory|Inaugural|Special|Video)\s+)?(?:Remarks|Speech|Statement|Address|Intervention|Presentation|Message|Keynote\s+(?:Speech|Address))\s+(?:by|of|from)\s+(.+)$/i;
const HONORIFICS =
  /^(?:(?:H\.\s?E\.|His Excellency|Her Excellency|Excellency|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|Professor|Ambassador|Sir|Dame|The Honou?rable|Hon\.?|Rt\.?\s?Hon\.?|Senator|Minister)\s+)+/i;
/** Words that make a speaker a body rather than a person. */
const BODY_WORDS =
  /\b(?:Delegation|Government|Ministry|Council|Committee|Group|Organi[sz]ation|Secretariat|Office|Mission|Union|Forum|Ministers|Leaders|Members|States|Republic|Kingdom|Federation)\b/;

export function isSpeakerHeading(text: string): boolean {
  return text.length <= 250 && !endsSentence(text) && SPEAKER_HEADING.test(text);
}

/** The speaker a heading names: the name before the first comma, honorifics left out. */
export function speakerOf(heading: string): SegmentActor | null {
  const match = SPEAKER_HEADING.exec(heading);
  if (!match) return null;
  const named = match[1]!.replace(HONORIFICS, '');
  const name = named
    .split(/,|\s\(|\s[–—-]\s/)[0]!
    .replace(/^the\s+/i, '')
    .trim();
  if (name === '') return null;
  const person = /^the\s/i.test(named) || BODY_WORDS.test(name) ? false : true;
  return { name, kind: person ? 'person' : 'body' };
}
