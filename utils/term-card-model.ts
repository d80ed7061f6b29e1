import type { ActorSummary, CitedPassage, DocumentSummary, TermDetail } from './views';

/** What the hover card and the term view show, shaped from a `TermDetail`. */

export interface DocumentGroup {
  document: DocumentSummary;
  passages: CitedPassage[];
}

export interface ActorGroup {
  actor: ActorSummary;
  passages: CitedPassage[];
}

/** Commitments grouped by document, oldest document first (the order of the record). */
export function groupByDocument(passages: readonly CitedPassage[]): DocumentGroup[] {
  const groups = new Map<string, DocumentGroup>();
  for (const passage of passages) {
    const group = groups.get(passage.document.id) ?? { document: passage.document, passages: [] };
    group.passages.push(passage);
    groups.set(passage.document.id, group);
  }
  return [...groups.values()].sort((a, b) => a.document.date.localeCompare(b.document.date));
}

/** One commitment in the matrix, and the earlier commitments whose wording it repeats. */
export interface CommitmentItem {
  passage: CitedPassage;
  repeats: CitedPassage[];
}

/** One row of the commitments matrix: a document and what it commits to about the term. */
export interface CommitmentRow {
  document: DocumentSummary;
  items: CommitmentItem[];
}

/** Text compared for repeated wording: case, spacing and closing punctuation aside. */
function wording(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,]+$/, '');
}

/**
 * Commitments as a matrix: one row per document in date order, each with what it commits to.
 * A commitment that repeats an earlier document's wording word for word says which, so that a
 * plan that carries over an older pledge reads as such.
 */
export function commitmentRows(passages: readonly CitedPassage[]): CommitmentRow[] {
  const earlier = new Map<string, CitedPassage[]>();
  return groupByDocument(passages).map((group) => {
    const items = group.passages.map((passage) => ({
      passage,
      repeats: earlier.get(wording(passage.text)) ?? [],
    }));
    for (const passage of group.passages) {
      const key = wording(passage.text);
      earlier.set(key, [...(earlier.get(key) ?? []), passage]);
    }
    return { document: group.document, items };
  });
}

/** Positions grouped by actor, those who said most first. */
export function groupByActor(passages: readonly CitedPassage[]): ActorGroup[] {
  const groups = new Map<string, ActorGroup>();
  for (const passage of passages) {
    const group = groups.get(passage.actor.id) ?? { actor: passage.actor, passages: [] };
    group.passages.push(passage);
    groups.set(passage.actor.id, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.passages.length - a.passages.length || a.actor.name.localeCompare(b.actor.name),
  );
}

/** "1 document", "3 documents". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 commitments in 2 documents, 5 positions by 4 actors"; "No commitments, 1 position by 1 actor". */
export function countsLine(detail: TermDetail): string {
  const documents = new Set(detail.commitments.map((passage) => passage.document.id)).size;
  const actors = new Set(detail.positions.map((passage) => passage.actor.id)).size;
  const commitments =
    detail.commitments.length === 0
      ? 'no commitments'
      : `${plural(detail.commitments.length, 'commitment', 'commitments')} in ${plural(documents, 'document', 'documents')}`;
  const positions =
    detail.positions.length === 0
      ? 'no positions'
      : `${plural(detail.positions.length, 'position', 'positions')} by ${plural(actors, 'actor', 'actors')}`;
  const line = `${commitments}, ${positions}`;
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * The quote a card leads with: what a document commits to about the term, before what someone
 * said about it; among those, the passage that names the term most often, then the most recent
 * document, then the shortest (the most to the point). Null when the term has neither.
 */
export function strongestQuote(
  detail: TermDetail,
  mentionCount: (passage: CitedPassage) => number,
): CitedPassage | null {
  for (const passages of [detail.commitments, detail.positions]) {
    const ranked = passages
      .map((passage) => ({ passage, mentions: mentionCount(passage) }))
      .sort(
        (a, b) =>
          b.mentions - a.mentions ||
          b.passage.document.date.localeCompare(a.passage.document.date) ||
          a.passage.text.length - b.passage.text.length,
      );
    if (ranked[0]) return ranked[0].passage;
  }
  return null;
}

/** What kind of occasion a document records, as a reader would name it. */
function occasion(document: DocumentSummary): string {
  if (document.kind !== 'proceedings') return document.kind;
  return (
    /\b(seminar|conference|summit|workshop|forum|meeting)\b/i
      .exec(document.title)?.[1]
      ?.toLowerCase() ?? 'event'
  );
}

/**
 * Said when every position on a term comes from one document or one issuer, so that a reader
 * does not take one event's speakers for a spread of views: "All 12 positions come from one
 * seminar, hosted by …, December 22, 2020." Null when the positions are spread (or fewer than 2).
 */
export function positionsSourceNote(detail: TermDetail): string | null {
  const { positions } = detail;
  if (positions.length < 2) return null;
  const documents = new Map(positions.map((passage) => [passage.document.id, passage.document]));
  const all = `All ${positions.length} positions`;
  if (documents.size === 1) {
    const [document] = [...documents.values()] as [DocumentSummary];
    const by = document.kind === 'proceedings' ? 'hosted by' : 'issued by';
    return `${all} come from one ${occasion(document)}, ${by} ${document.issuingBody}, ${document.dateLabel}.`;
  }
  const issuers = new Set([...documents.values()].map((document) => document.issuingBody));
  if (issuers.size === 1) {
    return `${all} come from documents issued by ${[...issuers][0]!}.`;
  }
  return null;
}

/** A piece of passage text, emphasised where it mentions the term. */
export interface TextSegment {
  text: string;
  emphasis: boolean;
}

export interface Excerpt {
  segments: TextSegment[];
  /** Text was cut before or after the excerpt. */
  trimmedStart: boolean;
  trimmedEnd: boolean;
}

/**
 * Splits a passage into segments with its term mentions emphasised, trimmed to about
 * `maxLength` characters around the first mention (at word boundaries). With no limit, the
 * whole text.
 */
export function excerpt(
  text: string,
  mentions: readonly { start: number; end: number }[],
  maxLength = Infinity,
): Excerpt {
  let from = 0;
  let to = text.length;
  if (text.length > maxLength) {
    const first = mentions[0] ?? { start: 0, end: 0 };
    const room = Math.max(0, maxLength - (first.end - first.start));
    from = Math.max(0, first.start - Math.floor(room / 3));
    to = Math.min(text.length, from + maxLength);
    from = Math.max(0, to - maxLength);
    if (from > 0) from = text.indexOf(' ', from) + 1 || from;
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  }
  const segments: TextSegment[] = [];
  let position = from;
  for (const mention of mentions) {
    const start = Math.max(mention.start, from);
    const end = Math.min(mention.end, to);
    if (end <= start || start < position) continue;
    if (start > position) segments.push({ text: text.slice(position, start), emphasis: false });
    segments.push({ text: text.slice(start, end), emphasis: true });
    position = end;
  }
  if (position < to) segments.push({ text: text.slice(position, to), emphasis: false });
  return { segments, trimmedStart: from > 0, trimmedEnd: to < text.length };
}
