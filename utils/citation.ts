import { quotationParts } from './quotation';
import type { CitedPassage } from './views';

/**
 * Citations a journalist can paste: the quotation, then who said or committed to it, in which
 * document (title and issuing body), when and where, its symbol or reference, where in the
 * document, and the published document's address where the source records one. A table row is
 * quoted cell by cell under its column's label, never as one spliced sentence.
 */

function attribution(passage: CitedPassage): string[] {
  const { actor, document } = passage;
  const speaker =
    actor.kind === 'person'
      ? [actor.name, actor.role, actor.organisation, actor.country].filter(Boolean).join(', ')
      : null;
  return [
    speaker,
    document.title,
    document.issuingBody,
    [document.dateLabel, document.place].filter(Boolean).join(', '),
    document.symbol,
    passage.locator,
    document.url,
  ].filter((part): part is string => Boolean(part));
}

/**
 * Plain text: “Quotation” — Speaker; Title; Issuing body; Date, Place; Symbol; Locator; Address.
 * A table row: one line per cell, `Label: “Cell”`, then the attribution on a line of its own.
 */
export function citationText(passage: CitedPassage): string {
  const source = `— ${attribution(passage).join('; ')}.`;
  const parts = quotationParts(passage);
  if (parts.length === 1 && parts[0]!.label === null) return `“${parts[0]!.text}” ${source}`;
  return [...parts.map((part) => `${part.label}: “${part.text}”`), source].join('\n');
}

/** Text with the characters Markdown would read as formatting escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

/**
 * Markdown: the quotation as a block quote (a table row's cells as labelled paragraphs of it),
 * the attribution below it with the title in italics.
 */
export function citationMarkdown(passage: CitedPassage): string {
  const attributionParts = attribution(passage).map((part) =>
    part === passage.document.title ? `*${escapeMarkdown(part)}*` : escapeMarkdown(part),
  );
  const quoted = quotationParts(passage).map((part) =>
    part.label === null
      ? `> ${escapeMarkdown(part.text)}`
      : `> **${escapeMarkdown(part.label)}:** “${escapeMarkdown(part.text)}”`,
  );
  return [...quoted, `> — ${attributionParts.join('; ')}.`].join('\n>\n');
}
