import type { CitedPassage } from './views';

/**
 * Citations a journalist can paste: the quotation, then who said or committed to it, in which
 * document (title and issuing body), when, and where in the document.
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
  ].filter((part): part is string => Boolean(part));
}

/** Plain text: “Quotation” — Speaker, Title, Issuing body, Date, Place, Symbol, Locator. */
export function citationText(passage: CitedPassage): string {
  return `“${passage.text}” — ${attribution(passage).join('; ')}.`;
}

/** Text with the characters Markdown would read as formatting escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

/** Markdown: the quotation as a block quote, the attribution below it with the title in italics. */
export function citationMarkdown(passage: CitedPassage): string {
  const parts = attribution(passage).map((part) =>
    part === passage.document.title ? `*${escapeMarkdown(part)}*` : escapeMarkdown(part),
  );
  return `> ${escapeMarkdown(passage.text)}\n>\n> — ${parts.join('; ')}.`;
}
