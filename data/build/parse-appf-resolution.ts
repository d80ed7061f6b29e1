import type { Actor, RecordKind } from '../../utils/corpus-types';
import { readBlocks, repairPageBreaks } from './blocks';
import { isoDate, PassageList, requireMatch, type ParsedDocument } from './parsed-document';
import { cutPrefix, splitLines, type SourceSpan } from './source-text';

const ACTOR_APPF: Actor = {
  id: 'appf',
  name: 'Asia-Pacific Parliamentary Forum (APPF)',
  role: null,
  organisation: 'Asia-Pacific Parliamentary Forum',
  country: null,
  kind: 'body',
  nameVariants: [],
};

const OPERATIVE = /^\s*(\d+)\.\s+/;
/** Running footers of the extracted PDF: a file-size line and the repeated title. */
const FILE_SIZE_FOOTER = /^\d+(?:\.\d+)?\s*[KM]B\s+\d+\s+file\(s\)$/;

/**
 * The APPF resolution (29th Annual Meeting, Seoul, December 2021): title block, sponsor, an
 * enacting chapeau ("We, the parliamentarians …"), preambular paragraphs (positions) and seven
 * numbered operative paragraphs (commitments).
 */
export function parseAppfResolution(raw: Uint8Array): ParsedDocument {
  const lines = splitLines(raw);
  const fullText = lines.map((line) => line.text).join('\n');
  const title = lines[0]!.text.trim();
  const meeting = requireMatch(
    fullText,
    /^(\d+\w\w Annual Meeting of the .+)$/m,
    'meeting line',
  )[1]!;
  const dateLabel = requireMatch(fullText, /^(\d{1,2}\s*-\s*\d{1,2} \w+ \d{4})$/m, 'date line')[1]!;
  const sponsor = requireMatch(fullText, /^Draft Resolution Sponsored by:\s*(.+)$/m, 'sponsor')[1]!;
  const place = requireMatch(fullText, /held in ([A-Z][a-z]+, Republic of Korea)/, 'place')[1]!;

  const blocks = repairPageBreaks(readBlocks(lines), (block) => OPERATIVE.test(block.span.text));
  const list = new PassageList(raw, 'appf-2021');
  const add = (
    slug: string,
    locator: string,
    kind: RecordKind,
    span: SourceSpan,
    section: string[],
  ) => list.add({ slug, locator, sectionPath: section, actorId: ACTOR_APPF.id, kind, span });

  let part: 'header' | 'preamble' | 'operative' = 'header';
  let preambular = 0;
  for (const block of blocks) {
    const text = block.span.text;
    if (FILE_SIZE_FOOTER.test(text)) continue;
    const operative = OPERATIVE.exec(text);
    if (operative) {
      part = 'operative';
      const number = operative[1]!;
      add(
        `op${number}`,
        `Operative para. ${number}`,
        'commitment',
        cutPrefix(block.span, operative[0].length),
        ['Operative paragraphs'],
      );
    } else if (part === 'header') {
      if (text.startsWith('We, the parliamentarians')) {
        part = 'preamble';
        add('chapeau', 'Chapeau', 'context', block.span, []);
      } else if (text === title) {
        // The title is printed twice on the cover page; the repeat is not a passage.
        if (list.passages.length === 0) add('title', 'Title', 'context', block.span, []);
      } else if (text === meeting) {
        add('meeting', 'Meeting', 'context', block.span, []);
      } else if (text === dateLabel) {
        add('date', 'Date', 'context', block.span, []);
      } else if (text.startsWith('Draft Resolution Sponsored by')) {
        add('sponsor', 'Sponsor', 'context', block.span, []);
      } else {
        throw new Error(`APPF resolution: unexpected header line "${text}"`);
      }
    } else if (part === 'preamble') {
      preambular++;
      add(`pp${preambular}`, `Preambular para. ${preambular}`, 'position', block.span, [
        'Preambular paragraphs',
      ]);
    } else if (text !== title) {
      // After the operative paragraphs only running footers may follow.
      throw new Error(`APPF resolution: unexpected line after the operative paragraphs "${text}"`);
    }
  }

  return {
    document: {
      id: 'appf-2021',
      title,
      shortTitle: 'APPF Resolution 2021',
      issuingBody: `${ACTOR_APPF.name}, ${meeting.replace(/ of the Asia-Pacific Parliamentary Forum$/, '')}; draft sponsored by the ${sponsor}`,
      issuerActorId: ACTOR_APPF.id,
      date: isoDate(dateLabel),
      dateLabel,
      place,
      // The source gives no number for this resolution; the session it was adopted at is how
      // the APPF refers to its resolutions (as the preamble cites "APPF28/RES/15").
      symbol: `APPF${requireMatch(meeting, /^(\d+)(?:st|nd|rd|th) Annual Meeting/, 'APPF session')[1]!}, ${meeting}`,
      url: null,
      kind: 'resolution',
    },
    actors: [ACTOR_APPF],
    passages: list.passages,
  };
}
