/**
 * Names for what a heading holds. Numbered items and table rows under a heading that names them
 * in the plural take the singular as their label: "1.1" under "Expected Outputs" is "Output
 * 1.1", "(ii)" under "Indicators" is "Indicator (ii)", a row under "Planned Activities for
 * 2031" is "Planned activity, item 3".
 */

/** Trailing qualifiers a collection's name does without: "for 2017", "2018-2022", "(draft)". */
function withoutQualifiers(title: string): string {
  return title
    .replace(/\s*\([^()]{0,200}\)\s*$/, '')
    .replace(/\s+(?:for|in|of)\s+(?:the\s+(?:year|period)\s+)?\d{4}(?:\s*[-–]\s*\d{2,4})?$/i, '')
    .replace(/\s+\d{4}(?:\s*[-–]\s*\d{2,4})?$/, '')
    .trim();
}

/** "Activities" → "Activity", "SOPs" → "SOP"; null when the word is not a plural. */
function singular(word: string): string | null {
  if (/^\p{Lu}{2,}s$/u.test(word)) return word.slice(0, -1);
  if (word.length <= 3 || /(?:ss|us|is|ics|news)$/i.test(word)) return null;
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return null;
}

/** "Planned Activity" → "Planned activity": capitalised words after the first lowered, acronyms kept. */
function sentenceCase(phrase: string): string {
  const words = phrase.split(/\s+/);
  return words
    .map((word, index) => {
      if (index === 0) return word.charAt(0).toUpperCase() + word.slice(1);
      return /^\p{Lu}\p{Ll}+(?:-\p{L}+)*$/u.test(word) ? word.toLowerCase() : word;
    })
    .join(' ');
}

/** The last alternative of "Results/Outputs", the last conjunct of "Goals and Targets". */
function lastNounPhrase(title: string): string {
  const alternative = withoutQualifiers(title).split('/').at(-1)!.trim();
  return alternative
    .split(/\s+and\s+/i)
    .at(-1)!
    .trim();
}

/** The singular noun a heading names its items with, or null when it names no plural. */
export function itemNoun(title: string): string | null {
  const phrase = lastNounPhrase(title);
  const words = phrase.split(/\s+/);
  const last = singular(words.at(-1) ?? '');
  if (!last || words.length > 4) return null;
  return sentenceCase([...words.slice(0, -1), last].join(' '));
}

/** The name of a table under a heading: its item noun, or the heading itself in sentence case. */
export function tableName(title: string): string {
  return itemNoun(title) ?? sentenceCase(withoutQualifiers(title));
}

/** "through the following steps:" → "step": a lead-in names the bullets that follow it. */
export function leadInNoun(text: string): string | null {
  const match = /\bthe following (\p{Ll}+s)\s*:\s*$/u.exec(text);
  return match ? singular(match[1]!) : null;
}
