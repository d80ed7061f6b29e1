import { citationMarkdown, escapeMarkdown } from './citation';
import type { ClipView } from './views';

const KIND_LABEL = { commitment: 'Commitment', position: 'Position', context: 'Context' } as const;

/** Who a clip's passage is by: the actor's name with role, organisation and country. */
export function clipActorLine(clip: ClipView): string {
  const actor = clip.citation?.actor;
  if (!actor) return '';
  return [actor.name, actor.role, actor.organisation, actor.country].filter(Boolean).join(', ');
}

function clipSection(clip: ClipView, index: number): string {
  const { citation } = clip;
  if (!citation) {
    return [
      `## ${index + 1}. Passage ${escapeMarkdown(clip.passageId)}`,
      'This passage is no longer in Pledgemark’s corpus, and its citation was not kept.',
    ].join('\n\n');
  }
  const facts = [KIND_LABEL[citation.kind], clipActorLine(clip), citation.document.dateLabel]
    .filter(Boolean)
    .map(escapeMarkdown);
  return [
    `## ${index + 1}. ${escapeMarkdown(`${citation.document.shortTitle}, ${citation.locator}`)}`,
    citationMarkdown(citation),
    facts.join(' · '),
  ].join('\n\n');
}

/**
 * The clip list as a Markdown document a journalist can paste or keep: a title, then each clip
 * in the user's order with its quotation and full citation (document, issuer, date, place,
 * symbol, locator), and what kind of record it is, by whom and when.
 *
 * @param exportedOn the day of the export, `YYYY-MM-DD`
 */
export function clipsMarkdown(clips: readonly ClipView[], exportedOn: string): string {
  const count = `${clips.length} ${clips.length === 1 ? 'clip' : 'clips'}`;
  return [
    '# Clips from Pledgemark',
    `${count}, exported on ${exportedOn}.`,
    ...clips.map(clipSection),
  ]
    .join('\n\n')
    .concat('\n');
}

/** The name of the downloaded file, e.g. `pledgemark-clips-2026-03-14.md`. */
export function clipsFileName(exportedOn: string): string {
  return `pledgemark-clips-${exportedOn}.md`;
}
