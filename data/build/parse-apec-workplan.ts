import type { Actor, RecordKind } from '../../utils/corpus-types';
import { readBlocks, repairPageBreaks, type Block } from './blocks';
import { tableCells } from './clean-text';
import { ACTOR_APEC_CTWG } from './parse-apec-strategic-plan';
import {
  isoDate,
  PassageList,
  requireMatch,
  slugify,
  type ParsedDocument,
} from './parsed-document';
import { cutPrefix, splitLines } from './source-text';

const APEC_BODIES: Actor[] = [
  {
    id: 'apec-leaders',
    name: 'APEC Economic Leaders',
    role: null,
    organisation: 'Asia-Pacific Economic Cooperation (APEC)',
    country: null,
    kind: 'body',
    nameVariants: [],
  },
  {
    id: 'apec-ministers',
    name: 'APEC Ministers (Joint Ministerial Statement)',
    role: null,
    organisation: 'Asia-Pacific Economic Cooperation (APEC)',
    country: null,
    kind: 'body',
    nameVariants: [],
  },
  {
    id: 'apec-mrt',
    name: 'APEC Ministers Responsible for Trade',
    role: null,
    organisation: 'Asia-Pacific Economic Cooperation (APEC)',
    country: null,
    kind: 'body',
    nameVariants: [],
  },
];

/** Which body's statement an introductory paragraph recalls, by how the paragraph names it. */
const RECALLED_STATEMENTS: [RegExp, string][] = [
  [/APEC Leaders in their declaration/, 'apec-leaders'],
  [/Joint Ministerial Statement encouraged/, 'apec-ministers'],
  [/Ministers Responsible for Trade Statement, the Ministers/, 'apec-mrt'],
];

const NUMBERED_SECTION = /^(\d+)\.\s+(.+)$/;
const DELIVERABLE = /^(\d+\.\d+)\s+/;
const TABLE_HEADER = /^Title\t/;

/**
 * The APEC CTWG Proposed Workplan for 2017: a cover page, an introduction recalling the 2016
 * statements (positions of the bodies that made them) and the CTWG's work steps, four
 * cross-cutting areas, deliverables 1.1–1.8 and an itemized work-plan table.
 */
export function parseApecWorkplan(raw: Uint8Array): ParsedDocument {
  const lines = splitLines(raw);
  const fullText = lines.map((line) => line.text).join('\n');
  const symbol = requireMatch(fullText, /^(\d{4}\/SOM\d\/[A-Z-]+\/\d{3})$/m, 'document symbol')[1]!;
  const forumDoc = requireMatch(
    fullText,
    /^Forum Doc\. No\.:\s*(\S+)$/m,
    'forum document number',
  )[1]!;
  const title = requireMatch(
    fullText,
    /^(Counter-Terrorism Working Group Proposed Workplan for \d{4})$/m,
    'title',
  )[1]!;
  const place = requireMatch(fullText, /^(Nha Trang, Viet Nam)$/m, 'place')[1]!;
  const dateLabel = requireMatch(fullText, /^(\d{1,2} [A-Z][a-z]+ \d{4})\*\*$/m, 'date')[1]!;

  const isStructural = (block: Block) =>
    TABLE_HEADER.test(block.span.text) ||
    block.span.text.includes('\t') ||
    NUMBERED_SECTION.test(block.span.text);
  const blocks = repairPageBreaks(readBlocks(lines), isStructural);
  const list = new PassageList(raw, 'apec-workplan-2017');
  const ctwg = ACTOR_APEC_CTWG.id;

  type Part = 'cover' | 'introduction' | 'areas' | 'deliverables' | 'table';
  let part: Part = 'cover';
  let cover = 0;
  let paragraph = 0;
  let step = 0;
  let area: string | null = null;
  let bullet = 0;
  let subBullet = 0;
  let numberedSection: string | null = null;
  let tableHeader: string[] = [];
  let tableRow = 0;
  const add = (
    slug: string,
    locator: string,
    sectionPath: string[],
    kind: RecordKind,
    block: Block,
    actorId = ctwg,
  ) => list.add({ slug, locator, sectionPath, actorId, kind, span: block.span });

  for (const block of blocks) {
    const text = block.span.text;
    if (part === 'cover') {
      if (text === 'Introduction') {
        part = 'introduction';
        add('introduction', 'Introduction', [], 'context', block);
      } else {
        cover++;
        add(`cover.${cover}`, `Cover page, line ${cover}`, ['Cover page'], 'context', block);
      }
      continue;
    }
    const numbered = NUMBERED_SECTION.exec(text);
    if (numbered && !DELIVERABLE.test(text)) {
      numberedSection = `${numbered[1]}. ${numbered[2]}`;
      part = numbered[1] === '1' ? 'deliverables' : 'table';
      add(`section-${numbered[1]}`, `Section ${numbered[1]}`, [], 'context', block);
      continue;
    }
    if (part === 'introduction') {
      if (block.bullet) {
        step++;
        add(
          `introduction.step-${step}`,
          `Introduction › step ${step}`,
          ['Introduction'],
          'commitment',
          block,
        );
        continue;
      }
      if (step > 0 && /cross-cutting activity areas/.test(text)) {
        part = 'areas';
        add('cross-cutting-areas', 'Cross-cutting areas', [], 'commitment', block);
        continue;
      }
      paragraph++;
      const recalled = RECALLED_STATEMENTS.find(([pattern]) => pattern.test(text));
      add(
        `introduction.p${paragraph}`,
        `Introduction, para. ${paragraph}`,
        ['Introduction'],
        recalled ? 'position' : 'commitment',
        block,
        recalled ? recalled[1] : ctwg,
      );
      continue;
    }
    if (part === 'areas') {
      if (!block.bullet) {
        area = text;
        bullet = 0;
        add(slugify(area), area, ['Cross-cutting areas'], 'context', block);
        continue;
      }
      if (!area) throw new Error(`APEC workplan: bullet before any cross-cutting area: "${text}"`);
      if (block.indent > 0) {
        subBullet++;
        add(
          `${slugify(area)}.b${bullet}.${subBullet}`,
          `${area} › bullet ${bullet} › item ${subBullet}`,
          ['Cross-cutting areas', area],
          'commitment',
          block,
        );
      } else {
        bullet++;
        subBullet = 0;
        add(
          `${slugify(area)}.b${bullet}`,
          `${area} › bullet ${bullet}`,
          ['Cross-cutting areas', area],
          'commitment',
          block,
        );
      }
      continue;
    }
    if (part === 'deliverables') {
      const deliverable = DELIVERABLE.exec(text);
      if (!deliverable)
        throw new Error(`APEC workplan: unexpected line among deliverables: "${text}"`);
      list.add({
        slug: `deliverable-${deliverable[1]}`,
        locator: `Deliverable ${deliverable[1]}`,
        sectionPath: [numberedSection!],
        actorId: ctwg,
        kind: 'commitment',
        span: cutPrefix(block.span, deliverable[0].length),
      });
      continue;
    }
    if (TABLE_HEADER.test(text)) {
      tableHeader = tableCells(text);
      continue;
    }
    if (!text.includes('\t') || tableHeader.length === 0)
      throw new Error(`APEC workplan: unexpected line in the work-plan table: "${text}"`);
    tableRow++;
    const cells = tableCells(text);
    const fields = tableHeader
      .map((label, column) => ({ label, text: cells[column] ?? '' }))
      .filter((field) => field.text !== '');
    list.add({
      slug: `workplan-item-${tableRow}`,
      locator: `Itemized work plan, item ${tableRow}`,
      sectionPath: [numberedSection!],
      actorId: ctwg,
      kind: 'commitment',
      span: block.span,
      format: 'table-row',
      fields,
    });
  }

  return {
    document: {
      id: 'apec-workplan-2017',
      title,
      shortTitle: 'APEC CTWG Workplan 2017',
      issuingBody:
        'APEC Counter-Terrorism Working Group (CTWG) Chair, to the SOM Steering Committee on Economic and Technical Cooperation',
      issuerActorId: ctwg,
      date: isoDate(dateLabel),
      dateLabel,
      place,
      symbol: `${symbol}; Forum Doc. No. ${forumDoc}`,
      url: null,
      kind: 'work plan',
    },
    actors: [ACTOR_APEC_CTWG, ...APEC_BODIES],
    passages: list.passages,
  };
}
