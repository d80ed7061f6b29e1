import { describe, expect, it } from 'vitest';
import { pdfText, type PdfPageText, type PdfTextPiece } from '../../utils/pdf/pdf-layout';

/** A line of 11 pt text at (x, y), about as wide as Helvetica sets it. */
const piece = (text: string, x: number, y: number, upright = true): PdfTextPiece => ({
  text,
  x,
  y,
  width: text.length * 5.5,
  fontSize: 11,
  upright,
});

const page = (pageNumber: number, pieces: PdfTextPiece[]): PdfPageText => ({ pageNumber, pieces });
const paragraphs = (pages: PdfPageText[]) => pdfText(pages).text.split('\n\n');

describe('the text of a PDF’s pages', () => {
  it('leaves out a page number standing alone, not a number in a table’s row', () => {
    const text = paragraphs([
      page(1, [
        piece('Seizures of cash at the border rose again this year.', 72, 700),
        piece('Total seized', 72, 100),
        piece('42', 400, 100),
        piece('7', 300, 40),
      ]),
    ]);
    expect(text).toEqual([
      'Seizures of cash at the border rose again this year.',
      'Total seized 42',
    ]);
  });

  it('takes a roman page number for one, and a word made of its letters for a word', () => {
    const text = paragraphs([
      page(1, [
        piece('civil', 72, 740),
        piece('Civil society was consulted.', 72, 700),
        piece('iv', 300, 40),
      ]),
    ]);
    expect(text).toEqual(['civil', 'Civil society was consulted.']);
  });

  it('leaves a turned watermark out of the paragraph it crosses', () => {
    const text = paragraphs([
      page(1, [
        piece('Member States shall share passenger data with the competent', 72, 700),
        piece('DRAFT', 200, 693, false),
        piece('authorities of other States.', 72, 686),
      ]),
    ]);
    expect(text).toEqual([
      'Member States shall share passenger data with the competent authorities of other States.',
    ]);
  });

  it('reads a table row by row, a paragraph for each row, not as two columns', () => {
    const rows = [
      'Passenger Name Record',
      'Advance Passenger Information',
      'Foreign fighters',
      'Cash couriers',
    ];
    const pieces = rows.flatMap((label, i) => [
      piece(label, 72, 700 - i * 20),
      piece(`${i + 10}`, 420, 700 - i * 20),
    ]);
    expect(paragraphs([page(1, pieces)])).toEqual(rows.map((label, i) => `${label} ${i + 10}`));
  });

  it('ignores pieces with no size or no place', () => {
    const text = paragraphs([
      page(1, [
        piece('A paragraph that stays.', 72, 700),
        { ...piece('nothing', 72, 680), fontSize: 0 },
        { ...piece('nowhere', 72, 660), y: Number.NaN },
      ]),
    ]);
    expect(text).toEqual(['A paragraph that stays.']);
  });
});
