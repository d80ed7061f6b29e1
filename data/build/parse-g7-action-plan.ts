import type { Actor } from '../../utils/corpus-types';
import { readBlocks, repairPageBreaks } from './blocks';
import { PassageList, slugify, type ParsedDocument } from './parsed-document';
import { splitLines } from './source-text';

const ACTOR_G7: Actor = {
  id: 'g7',
  name: 'G7',
  role: null,
  organisation: 'Group of Seven',
  country: null,
  kind: 'body',
  nameVariants: [],
};

const ACTION_HEADING = /^Action (\d+): (.+)$/;
/** Bullets that ask others to act or state a view are positions, not undertakings. */
const POSITION_VERBS = /^(Call on|Call upon|Call for|Share the view)\b/;

/**
 * The G7 Action Plan (Ise-Shima, May 2016): a title, four introductory paragraphs, then Actions
 * 1–3, each with bullets, under sub-headings in Action 1. The file states neither date nor place;
 * those come from the corpus README and are declared below.
 */
export function parseG7ActionPlan(raw: Uint8Array): ParsedDocument {
  const blocks = repairPageBreaks(readBlocks(splitLines(raw)), (block) =>
    ACTION_HEADING.test(block.span.text),
  );
  const list = new PassageList(raw, 'g7-action-plan-2016');
  const [titleBlock, ...rest] = blocks;
  if (!titleBlock) throw new Error('G7 action plan is empty');
  list.add({
    slug: 'title',
    locator: 'Title',
    sectionPath: [],
    actorId: ACTOR_G7.id,
    kind: 'context',
    span: titleBlock.span,
  });

  let action: { number: string; title: string } | null = null;
  let subheading: string | null = null;
  let introCount = 0;
  let bulletCount = 0;
  for (const block of rest) {
    const text = block.span.text;
    const actionMatch = ACTION_HEADING.exec(text);
    if (actionMatch) {
      action = { number: actionMatch[1]!, title: actionMatch[2]! };
      subheading = null;
      bulletCount = 0;
      list.add({
        slug: `a${action.number}`,
        locator: `Action ${action.number}`,
        sectionPath: [],
        actorId: ACTOR_G7.id,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    if (!action) {
      introCount++;
      list.add({
        slug: `intro.p${introCount}`,
        locator: `Introduction, para. ${introCount}`,
        sectionPath: ['Introduction'],
        actorId: ACTOR_G7.id,
        kind: /\bcommit to\b/.test(text) ? 'commitment' : 'position',
        span: block.span,
      });
      continue;
    }
    const actionLabel = `Action ${action.number}`;
    const actionPath = `${actionLabel}: ${action.title}`;
    if (block.bullet === null) {
      subheading = text;
      bulletCount = 0;
      list.add({
        slug: `a${action.number}.${slugify(subheading)}`,
        locator: `${actionLabel} › ${subheading}`,
        sectionPath: [actionPath],
        actorId: ACTOR_G7.id,
        kind: 'context',
        span: block.span,
      });
      continue;
    }
    bulletCount++;
    const section = subheading ? [actionPath, subheading] : [actionPath];
    list.add({
      slug: subheading
        ? `a${action.number}.${slugify(subheading)}.b${bulletCount}`
        : `a${action.number}.b${bulletCount}`,
      locator: [actionLabel, subheading, `bullet ${bulletCount}`].filter(Boolean).join(' › '),
      sectionPath: section,
      actorId: ACTOR_G7.id,
      kind: POSITION_VERBS.test(text) ? 'position' : 'commitment',
      span: block.span,
    });
  }

  return {
    document: {
      id: 'g7-action-plan-2016',
      title: titleBlock.span.text,
      shortTitle: 'G7 Action Plan 2016',
      issuingBody: 'G7 leaders (Ise-Shima Summit)',
      issuerActorId: ACTOR_G7.id,
      date: '2016-05',
      dateLabel: 'May 2016',
      place: 'Ise-Shima, Japan',
      symbol: null,
      url: null,
      kind: 'action plan',
    },
    actors: [ACTOR_G7],
    passages: list.passages,
  };
}
