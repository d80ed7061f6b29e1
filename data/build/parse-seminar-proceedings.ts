import type { Actor } from '../../utils/corpus-types';
import { isTitleLike, readBlocks, repairPageBreaks, type Block } from './blocks';
import { tableCells } from './clean-text';
import {
  isoDate,
  PassageList,
  requireMatch,
  slugify,
  type ParsedDocument,
} from './parsed-document';
import { splitLines } from './source-text';

const ACTOR_ORGANISERS: Actor = {
  id: 'mfa-prc-ciis',
  name: 'Ministry of Foreign Affairs of the PRC and China Institute of International Studies (CIIS)',
  role: 'Seminar organisers',
  organisation: null,
  country: 'China',
  kind: 'body',
  nameVariants: [],
};

const SPEECH_HEADING = /^(Opening Remarks by|Remarks by|Speech of|Closing Remarks by)\s+(.+)$/;
const CONTENTS_ENTRY =
  /^(\d+)\.\s+(Opening Remarks by|Remarks by|Speech of|Closing Remarks by)\s+(.+?)\.{3,}\s*(\d+)$/;
const HONORIFIC = /^H\.\s?E\.\s+/;

/** Countries as the headings name them. */
const COUNTRIES = [
  'China',
  'Russia',
  'Pakistan',
  'Egypt',
  'Kazakhstan',
  'Indonesia',
  'Syria',
  'UAE',
  'Malaysia',
  'Tajikistan',
  'Afghanistan',
];
/** Headings that end with an institution instead of a country: the institution's country. */
const INSTITUTION_COUNTRY: Record<string, string> = {
  CACIR: 'China',
  'Russian Academy of Sciences': 'Russia',
};

export interface SpeakerLine {
  name: string;
  role: string | null;
  organisation: string | null;
  country: string;
}

/**
 * Splits "Name, Role, Organisation…, Country" as the headings write it. A role such as "Scholar
 * from X" or "Former Head of the X" carries the organisation when no separate one is given.
 */
export function parseSpeakerLine(line: string): SpeakerLine {
  const parts = line.replace(HONORIFIC, '').split(/,\s*/);
  const name = parts[0]!.trim();
  let last = parts.at(-1)!.trim();
  let country = COUNTRIES.find((candidate) => last === candidate || last.endsWith(` ${candidate}`));
  let middle = parts.slice(1, -1);
  if (!country || last !== country) {
    country = country ?? INSTITUTION_COUNTRY[last];
    if (!country) throw new Error(`Seminar: no country in speaker line "${line}"`);
    middle = parts.slice(1);
    last = '';
  }
  let role = middle[0]?.trim() ?? null;
  let organisation = middle.slice(1).join(', ').trim() || null;
  const connector = role ? /\s(?:from|of) (?:the )?(?=\p{Lu})/u.exec(role) : null;
  if (role && connector && (organisation === null || /\sfrom\s/.test(connector[0]))) {
    const carried = role.slice(connector.index + connector[0].length);
    role = role.slice(0, connector.index);
    organisation = organisation ? `${carried}, ${organisation}` : carried;
  }
  return { name, role, organisation, country };
}

/** Compares names while ignoring spacing, punctuation and case. */
function sameName(a: string, b: string): boolean {
  const key = (name: string) => name.toLowerCase().replace(/[^\p{L}]/gu, '');
  return key(a) === key(b);
}

/**
 * The proceedings of the 2020 virtual seminar: a cover page, a table of contents and 20 speeches,
 * each under a heading "Speech of Name, Role, Organisation, Country". Speech paragraphs are the
 * speakers' positions. Where the contents and a heading spell a name differently, the contents'
 * spelling is kept as the name (the heading of speech 8 drops a letter of it) and the other is
 * recorded as a variant; role, organisation and country come from the heading, which is the
 * fuller of the two.
 */
export function parseSeminarProceedings(raw: Uint8Array): ParsedDocument {
  const lines = splitLines(raw);
  const fullText = lines.map((line) => line.text).join('\n');
  const title = requireMatch(
    fullText,
    /^(International Virtual Seminar \d{4} on .+)$/m,
    'title',
  )[1]!;
  const dateLabel = requireMatch(fullText, /^([A-Z][a-z]+ \d{1,2}, \d{4})$/m, 'date')[1]!;

  const rawBlocks = readBlocks(lines);
  // A speech's title, the line after its heading, is in sentence case as often as not.
  const speechTitles = new Set(
    rawBlocks.filter(
      (block, i) =>
        i > 0 &&
        SPEECH_HEADING.test(rawBlocks[i - 1]!.span.text) &&
        !/[.!?:;,]$/.test(block.span.text) &&
        block.span.text.length < 150,
    ),
  );
  const blocks = repairPageBreaks(
    rawBlocks,
    (block: Block) =>
      SPEECH_HEADING.test(block.span.text) ||
      CONTENTS_ENTRY.test(block.span.text) ||
      speechTitles.has(block),
  );
  const list = new PassageList(raw, 'seminar-2020');
  const actors: Actor[] = [ACTOR_ORGANISERS];
  const contents: { number: number; name: string }[] = [];

  let part: 'cover' | 'contents' | 'speeches' = 'cover';
  let cover = 0;
  let speech: { number: number; actor: Actor } | null = null;
  let paragraph = 0;
  for (const block of blocks) {
    const text = block.span.text;
    const contentsEntry = CONTENTS_ENTRY.exec(text);
    const heading = contentsEntry ? null : SPEECH_HEADING.exec(text);
    if (part === 'cover' && text === 'CONTENTS') {
      part = 'contents';
      list.add({
        slug: 'contents',
        locator: 'Contents',
        sectionPath: [],
        actorId: ACTOR_ORGANISERS.id,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    if (part === 'cover') {
      cover++;
      list.add({
        slug: `cover.${cover}`,
        locator: `Cover page, line ${cover}`,
        sectionPath: ['Cover page'],
        actorId: ACTOR_ORGANISERS.id,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    if (contentsEntry) {
      const number = Number(contentsEntry[1]);
      // One entry repeats its own opening ("Speech of X, Speech of X, …").
      const speaker = contentsEntry[3]!.replace(/^(.+?), Speech of \1,/, '$1,');
      contents.push({ number, name: parseSpeakerLine(speaker).name });
      // The entry and its page number are two columns (a tab apart in the source): a table row,
      // quoted cell by cell.
      const [entry = '', page = ''] = tableCells(text);
      list.add({
        slug: `contents.${number}`,
        locator: `Contents, entry ${number}`,
        sectionPath: ['Contents'],
        actorId: ACTOR_ORGANISERS.id,
        kind: 'context',
        span: block.span,
        format: 'table-row',
        fields: [
          { label: 'Entry', text: entry },
          { label: 'Page', text: page },
        ].filter((field) => field.text !== ''),
      });
      continue;
    }
    if (heading) {
      part = 'speeches';
      const number: number = (speech?.number ?? 0) + 1;
      const speaker = parseSpeakerLine(heading[2]!);
      const listed = contents.find((entry) => entry.number === number);
      if (!listed) throw new Error(`Seminar: speech ${number} is missing from the contents`);
      const nameVariants = sameName(listed.name, speaker.name) ? [] : [speaker.name];
      const actor: Actor = {
        id: slugify(listed.name),
        name: listed.name,
        role: speaker.role,
        organisation: speaker.organisation,
        country: speaker.country,
        kind: 'person',
        nameVariants,
      };
      actors.push(actor);
      speech = { number, actor };
      paragraph = 0;
      list.add({
        slug: `s${pad(number)}`,
        locator: `Speech ${number}`,
        sectionPath: [],
        actorId: actor.id,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    if (!speech) throw new Error(`Seminar: text before the first speech: "${text}"`);
    paragraph++;
    list.add({
      slug: `s${pad(speech.number)}.p${paragraph}`,
      locator: `Speech ${speech.number} (${speech.actor.name}), para. ${paragraph}`,
      sectionPath: [`Speech ${speech.number}: ${speech.actor.name}`],
      actorId: speech.actor.id,
      kind: !speechTitles.has(block) && isSpeechProse(text) ? 'position' : 'context',
      span: block.span,
    });
  }
  if (contents.length !== speech?.number) {
    throw new Error(
      `Seminar: ${contents.length} contents entries but ${speech?.number ?? 0} speeches`,
    );
  }

  return {
    document: {
      id: 'seminar-2020',
      title,
      shortTitle: 'Virtual Seminar 2020 Proceedings',
      issuingBody: ACTOR_ORGANISERS.name,
      issuerActorId: ACTOR_ORGANISERS.id,
      date: isoDate(dateLabel),
      dateLabel,
      place: null,
      symbol: null,
      url: null,
      kind: 'proceedings',
    },
    actors,
    passages: list.passages,
  };
}

/** "b. Support and enhance rehabilitation programs": an item of a speaker's own list. */
const LETTERED_ITEM = /^[a-z]\.\s/;
const SALUTATION =
  /^(Dear|Ladies|Excellenc|Your Excellency|Distinguished|Honou?rable|Mr\.|Madam|Friends|Colleagues|Good (afternoon|day|morning|evening)|Thank|Thanks|I Thank)\b/i;

/** Salutations ("Dear Colleagues,"), sub-headings and "Thank you." frame a speech; the rest is its substance. */
function isSpeechProse(text: string): boolean {
  if (SALUTATION.test(text) && text.length < 80) return false;
  if (text.endsWith(':') && text.length < 40) return false;
  if (/[.;:?!"”’)]$/.test(text) || LETTERED_ITEM.test(text)) return true;
  return text.length >= 120 && !isTitleLike(text);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
