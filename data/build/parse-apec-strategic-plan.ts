import type { Actor, RecordKind } from '../../utils/corpus-types';
import { readBlocks, repairPageBreaks } from './blocks';
import { PassageList, slugify, type ParsedDocument } from './parsed-document';
import { cutPrefix, splitLines } from './source-text';

export const ACTOR_APEC_CTWG: Actor = {
  id: 'apec-ctwg',
  name: 'APEC Counter-Terrorism Working Group (CTWG)',
  role: null,
  organisation: 'Asia-Pacific Economic Cooperation (APEC)',
  country: null,
  kind: 'body',
  nameVariants: ['Counter Terrorism Working Group'],
};

const SECTION = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\. (.+)$/;
const FOCUS_AREA = /^FA(\d+)\.\s+/;
const OBJECTIVE = /^Objective (\d+):\s*$/;
const KPI_HEADING = /^KPIs\s*$/;
const KPI = /^\(([ivx]+)\)\s+/;
const KPI_SUB_ITEM = /^([a-z])\.\s+/;

/** Sections whose prose is background (what was said or done before), not the plan itself. */
const BACKGROUND_SECTIONS = new Set(['I']);

/**
 * The APEC CTWG Strategic Plan 2018–2022: APEC's mission statement, then sections I–VIII with
 * focus areas FA1–FA9 (section V) and Objectives 1–8 with their KPIs (section VIII). The file has
 * no title line; the title and period come from the corpus README and the plan's own text
 * ("The 2018 – 2022 Strategic Plan").
 */
export function parseApecStrategicPlan(raw: Uint8Array): ParsedDocument {
  const isListItem = (text: string) =>
    SECTION.test(text) ||
    FOCUS_AREA.test(text) ||
    OBJECTIVE.test(text) ||
    KPI_HEADING.test(text) ||
    KPI.test(text) ||
    KPI_SUB_ITEM.test(text);
  const blocks = repairPageBreaks(readBlocks(splitLines(raw)), (block) =>
    isListItem(block.span.text),
  );
  const list = new PassageList(raw, 'apec-strategic-plan-2018');
  const actorId = ACTOR_APEC_CTWG.id;

  let section: { number: string; title: string } | null = null;
  let subheading: string | null = null;
  let paragraph = 0;
  let bullet = 0;
  let objective: string | null = null;
  let objectiveTextPending = false;
  let kpi: string | null = null;
  const sectionPath = () => [
    section ? `${section.number}. ${section.title}` : 'APEC Mission Statement',
    ...(subheading ? [subheading] : []),
  ];
  const sectionSlug = () => (section ? section.number.toLowerCase() : 'mission-statement');

  for (const block of blocks) {
    const text = block.span.text;
    const sectionMatch = SECTION.exec(text);
    if (sectionMatch) {
      section = { number: sectionMatch[1]!, title: sectionMatch[2]! };
      subheading = null;
      paragraph = 0;
      bullet = 0;
      list.add({
        slug: sectionSlug(),
        locator: `Section ${section.number}`,
        sectionPath: [],
        actorId,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    if (!section) {
      // APEC's general mission statement that precedes the plan is boilerplate.
      paragraph++;
      list.add({
        slug: paragraph === 1 ? 'mission-statement' : `mission-statement.p${paragraph - 1}`,
        locator:
          paragraph === 1
            ? 'APEC Mission Statement'
            : `APEC Mission Statement, para. ${paragraph - 1}`,
        sectionPath: paragraph === 1 ? [] : ['APEC Mission Statement'],
        actorId,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    const focusArea = FOCUS_AREA.exec(text);
    if (focusArea) {
      list.add({
        slug: `fa${focusArea[1]}`,
        locator: `FA${focusArea[1]}`,
        sectionPath: sectionPath(),
        actorId,
        kind: 'commitment',
        span: cutPrefix(block.span, focusArea[0].length),
      });
      continue;
    }
    const objectiveMatch = OBJECTIVE.exec(text);
    if (objectiveMatch) {
      objective = objectiveMatch[1]!;
      objectiveTextPending = true;
      kpi = null;
      list.add({
        slug: `objective-${objective}.heading`,
        locator: `Objective ${objective}`,
        sectionPath: sectionPath(),
        actorId,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    if (objective) {
      const path = [...sectionPath(), `Objective ${objective}`];
      if (objectiveTextPending) {
        objectiveTextPending = false;
        list.add({
          slug: `objective-${objective}`,
          locator: `Objective ${objective}`,
          sectionPath: path,
          actorId,
          kind: 'commitment',
          span: block.span,
        });
        continue;
      }
      if (KPI_HEADING.test(text)) {
        list.add({
          slug: `objective-${objective}.kpis`,
          locator: `Objective ${objective} › KPIs`,
          sectionPath: path,
          actorId,
          kind: 'context',
          span: block.span,
        });
        continue;
      }
      const kpiMatch = KPI.exec(text);
      if (kpiMatch) {
        kpi = kpiMatch[1]!;
        list.add({
          slug: `objective-${objective}.kpi-${kpi}`,
          locator: `Objective ${objective} › KPI (${kpi})`,
          sectionPath: [...path, 'KPIs'],
          actorId,
          kind: 'commitment',
          span: cutPrefix(block.span, kpiMatch[0].length),
        });
        continue;
      }
      const subItem = KPI_SUB_ITEM.exec(text);
      if (subItem && kpi) {
        list.add({
          slug: `objective-${objective}.kpi-${kpi}.${subItem[1]}`,
          locator: `Objective ${objective} › KPI (${kpi}) › ${subItem[1]}`,
          sectionPath: [...path, 'KPIs', `KPI (${kpi})`],
          actorId,
          kind: 'commitment',
          span: cutPrefix(block.span, subItem[0].length),
        });
        continue;
      }
      throw new Error(
        `APEC strategic plan: unexpected line under Objective ${objective}: "${text}"`,
      );
    }
    if (block.bullet) {
      bullet++;
      list.add({
        slug: `${sectionSlug()}${subheading ? `.${slugify(subheading)}` : ''}.b${bullet}`,
        locator: [`Section ${section.number}`, subheading, `bullet ${bullet}`]
          .filter(Boolean)
          .join(' › '),
        sectionPath: sectionPath(),
        actorId,
        kind: 'commitment',
        span: block.span,
      });
      continue;
    }
    if (text.length < 40 && !/[.;:]$/.test(text)) {
      subheading = text;
      bullet = 0;
      list.add({
        slug: `${sectionSlug()}.${slugify(text)}`,
        locator: `Section ${section.number} › ${text}`,
        sectionPath: [`${section.number}. ${section.title}`],
        actorId,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    paragraph++;
    list.add({
      slug: `${sectionSlug()}.p${paragraph}`,
      locator: `Section ${section.number}, para. ${paragraph}`,
      sectionPath: sectionPath(),
      actorId,
      kind: proseKind(section.number, text),
      span: block.span,
    });
  }

  return {
    document: {
      id: 'apec-strategic-plan-2018',
      title: 'APEC Counter-Terrorism Working Group Strategic Plan 2018–2022',
      shortTitle: 'APEC CTWG Strategic Plan 2018–2022',
      issuingBody: ACTOR_APEC_CTWG.name,
      issuerActorId: actorId,
      date: '2018/2022',
      dateLabel: '2018–2022',
      place: null,
      symbol: null,
      url: null,
      kind: 'strategic plan',
    },
    actors: [ACTOR_APEC_CTWG],
    passages: list.passages,
  };
}

function proseKind(section: string, text: string): RecordKind {
  if (BACKGROUND_SECTIONS.has(section)) return 'position';
  if (section === 'II') return 'position';
  return /\b(will|shall)\b/.test(text) ? 'commitment' : 'context';
}
