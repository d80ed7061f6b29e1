/**
 * Every text Pledgemark can present as a quotation occurs in its source, markup and white space
 * aside: each part of every passage (a prose passage whole, a table row cell by cell), the card's
 * excerpts of them, and what the plain-text and Markdown citations put in quotation marks. It
 * walks the whole corpus as every registered parser builds it, so a new parser is held to it too.
 */
import { describe, expect, it } from 'vitest';
import { SOURCE_FILES } from '../../data/build/corpus-builder';
import type { Passage } from '../../utils/corpus-types';
import { citationMarkdown, citationText } from '../../utils/citation';
import { quotationParts } from '../../utils/quotation';
import { excerpt } from '../../utils/term-card-model';
import { toCitedPassage } from '../../utils/views';
import { CORPUS } from './corpus-fixture';
import { SOURCES } from './corpus-sources';

/**
 * Markup the extraction left in the sources (HTML tags, markdown emphasis) and white space set
 * aside. A tab is where the extraction flattened one table cell into the next: it stays, as a
 * mark no quotation holds, so that two cells joined never pass for one quotation.
 */
function comparable(text: string): string {
  return text
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*+/g, '')
    .replace(/\t/g, '\u0000')
    .replace(/[\s\u00a0]+/g, '');
}

const decoder = new TextDecoder();
const sourceOf = new Map<string, string>(
  CORPUS.documents.map((document) => [
    document.id,
    comparable(decoder.decode(SOURCES.get(document.sourceFile))),
  ]),
);

function isVerbatim(passage: Passage, quote: string): boolean {
  const text = comparable(quote);
  return text.length > 0 && sourceOf.get(passage.documentId)!.includes(text);
}

function cited(passage: Passage) {
  const document = CORPUS.documents.find((candidate) => candidate.id === passage.documentId)!;
  const actor = CORPUS.actors.find((candidate) => candidate.id === passage.actorId)!;
  return toCitedPassage(passage, document, actor);
}

/** What a plain-text citation puts in quotation marks. */
function quotedInText(citation: string): string[] {
  const prose = /^“([\s\S]*)” — /.exec(citation);
  if (prose) return [prose[1]!];
  return citation.split('\n').flatMap((line) => {
    const cell = /^[^“]+: “(.*)”$/.exec(line);
    return cell ? [cell[1]!] : [];
  });
}

/** What a Markdown citation quotes: the block quote's paragraphs before the attribution. */
function quotedInMarkdown(citation: string): string[] {
  const unescape = (text: string) => text.replace(/\\([\\`*_[\]#<>|])/g, '$1');
  return citation
    .split('\n>\n')
    .map((paragraph) => paragraph.replace(/^> /, ''))
    .filter((paragraph) => !paragraph.startsWith('— '))
    .map((paragraph) => {
      const cell = /^\*\*.+?:\*\* “([\s\S]*)”$/.exec(paragraph);
      return unescape(cell ? cell[1]! : paragraph);
    });
}

describe('quotations', () => {
  it('come from every parser the build registers', () => {
    const parsed = new Set(CORPUS.documents.map((document) => document.sourceFile));
    expect([...parsed]).toEqual(SOURCE_FILES.map(({ file }) => file));
    expect(CORPUS.passages.length).toBeGreaterThan(600);
  });

  it('are verbatim in their source for every part of every passage', () => {
    const misquoted = CORPUS.passages.flatMap((passage) =>
      quotationParts(passage)
        .filter((part) => !isVerbatim(passage, part.text))
        .map((part) => `${passage.id}${part.label ? ` [${part.label}]` : ''}: ${part.text}`),
    );
    expect(misquoted).toEqual([]);
  });

  it('quote a table row cell by cell, under its column labels', () => {
    const rows = CORPUS.passages.filter((passage) => passage.format === 'table-row');
    // The work plan's seven items and the proceedings' twenty contents entries (entry, page).
    expect(rows.map((row) => row.documentId)).toEqual([
      ...Array<string>(20).fill('seminar-2020'),
      ...Array<string>(7).fill('apec-workplan-2017'),
    ]);
    for (const row of rows) {
      const parts = quotationParts(row);
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.every((part) => part.label !== null)).toBe(true);
      // The row as one text spans cells, so it is never quoted whole.
      expect(isVerbatim(row, row.text)).toBe(false);
      expect(parts.map((part) => part.text)).not.toContain(row.text);
    }
  });

  it('stay verbatim when the card excerpts them', () => {
    for (const passage of CORPUS.passages) {
      for (const part of quotationParts(passage)) {
        const shown = excerpt(part.text, [], 220);
        const text = shown.segments.map((segment) => segment.text).join('');
        expect(part.text.includes(text), passage.id).toBe(true);
      }
    }
  });

  it('are what the plain-text and Markdown citations put in quotation marks, verbatim', () => {
    for (const passage of CORPUS.passages) {
      const expected = quotationParts(passage).map((part) => part.text);
      const inText = quotedInText(citationText(cited(passage)));
      const inMarkdown = quotedInMarkdown(citationMarkdown(cited(passage)));
      expect(inText, passage.id).toEqual(expected);
      expect(inMarkdown, passage.id).toEqual(expected);
      for (const quote of [...inText, ...inMarkdown]) {
        expect(isVerbatim(passage, quote), `${passage.id}: ${quote}`).toBe(true);
      }
    }
  });
});
