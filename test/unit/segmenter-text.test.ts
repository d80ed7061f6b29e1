import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  passageText,
  readTextBlocks,
  segmentText,
  segmentTextSteps,
  type SegmentedDocument,
  type SegmentProgress,
} from '../../utils/segmenter';
import { readMarker } from '../../utils/segmenter/markers';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'segmenter');
const SOURCES = join(import.meta.dirname, '..', '..', 'data', 'sources');
const OPTIONS = { issuingBody: 'Test Body' };

function blockTexts(text: string): string[] {
  return readTextBlocks(text).map((block) => text.slice(block.markerStart, block.end));
}

function locators(document: SegmentedDocument): string[] {
  return document.passages.map((passage) => passage.locator);
}

function expectTraceable(document: SegmentedDocument): void {
  expect(new Set(locators(document)).size).toBe(document.passages.length);
  for (const passage of document.passages) {
    const slice = document.text.slice(passage.range[0], passage.range[1]);
    expect(passageText(slice, passage.format)).toBe(passage.text);
  }
}

describe('markers', () => {
  it.each([
    ['1. Decides', 'number', '1', 'dot'],
    ['12) Requests', 'number', '12', 'close-paren'],
    ['(3) Notes', 'number', '3', 'paren'],
    ['(a) Sharing', 'letter', 'a', 'paren'],
    ['b) Establishing', 'letter', 'b', 'close-paren'],
    ['(iv) Provide', 'roman', 'iv', 'paren'],
    ['ii. Respect', 'roman', 'ii', 'dot'],
    ['IV. Guidance', 'roman', 'IV', 'dot'],
    ['A. The situation', 'letter', 'A', 'dot'],
    ['1.2 Hold a meeting', 'decimal', '1.2', 'dot'],
    ['OP 3 Decides', 'operative', '3', 'plain'],
    ['PP2 Recalling', 'preambular', '2', 'plain'],
    ['FA1. Continue', 'label', 'FA1', 'plain'],
    ['Objective 3:', 'label', 'Objective 3', 'plain'],
    ['Action 1: CT Measures', 'label', 'Action 1', 'plain'],
    ['· helping build', 'bullet', '·', 'plain'],
  ])('reads "%s" as %s %s', (text, scheme, value, style) => {
    expect(readMarker(text).marker).toMatchObject({ scheme, value, style });
  });

  it('reads the number, not the bullet, of "- 1.1 Hold …", and never as a heading’s', () => {
    expect(readMarker('- 1.1 Hold a workshop').marker).toMatchObject({
      scheme: 'decimal',
      value: '1.1',
      bulleted: true,
    });
  });

  it.each([
    'H. E. Luo Zhaohui spoke first',
    '1.5 million people were displaced',
    'G7 Action Plan on Countering Terrorism',
    'December 22, 2020',
    'Article 5 of the Convention applies',
    'Resolution 9999 (2031)',
  ])('finds no marker in "%s"', (text) => {
    expect(readMarker(text).marker).toBeNull();
  });
});

describe('text → blocks', () => {
  it('repairs paragraphs cut by a page break, before a lower-case line or after a dangling word', () => {
    const text = [
      '- Bolster information sharing among authorities both domestically',
      '',
      'and internationally through existing mechanisms.',
      '',
      'The Committee will report to the',
      '',
      'Council every year.',
    ].join('\n');
    expect(blockTexts(text)).toEqual([
      '- Bolster information sharing among authorities both domestically\n\nand internationally through existing mechanisms.',
      'The Committee will report to the\n\nCouncil every year.',
    ]);
  });

  it('runs body text on across a page break but never into or out of a heading', () => {
    const text = [
      '- Support the endorsement of the Plan of Action to Prevent Violent',
      '',
      'Extremism, and call for its rapid implementation by all States.',
      '',
      'Border Security',
      '',
      'Strengthen cooperation among border agencies.',
    ].join('\n');
    expect(blockTexts(text)).toEqual([
      '- Support the endorsement of the Plan of Action to Prevent Violent\n\nExtremism, and call for its rapid implementation by all States.',
      'Border Security',
      'Strengthen cooperation among border agencies.',
    ]);
  });

  it('leaves out page numbers, file-size footers and the title repeated as a running header', () => {
    const text = [
      'Plan of Action on Border Security',
      '',
      'The plan covers five years.',
      '',
      'Page 2 of 3',
      '- 7 -',
      '14',
      'Plan of Action on Border Security',
      '252.33 KB 1 file(s)',
      'It is reviewed each year.',
    ].join('\n');
    expect(blockTexts(text)).toEqual([
      'Plan of Action on Border Security',
      'The plan covers five years.',
      'It is reviewed each year.',
    ]);
  });

  it('takes tab-separated lines as table rows, cell by cell', () => {
    const blocks = readTextBlocks(
      'Action\tLead\tTimeline\nTrain judges\tMinistry of Justice\t2031\n',
    );
    expect(blocks.map((block) => block.cells)).toEqual([
      ['Action', 'Lead', 'Timeline'],
      ['Train judges', 'Ministry of Justice', '2031'],
    ]);
  });

  it('gives a paragraph number printed on a line of its own to the next line', () => {
    const text = '1.\nDecides to act;\n\n2.\nRequests a report.';
    const blocks = readTextBlocks(text);
    expect(
      blocks.map((block) => [block.marker?.value, text.slice(block.start, block.end)]),
    ).toEqual([
      ['1', 'Decides to act;'],
      ['2', 'Requests a report.'],
    ]);
  });

  it('joins the lines of hard-wrapped text, even after a full stop', () => {
    const paragraph = (n: number) =>
      `Paragraph ${n} of a text that a program wrapped at a fixed width, so that\n` +
      `its lines run on into the next ones even where a sentence ends. The next\n` +
      `sentence carries on here and the paragraph ends on this line.`;
    const text = [1, 2, 3, 4].map(paragraph).join('\n\n');
    const document = segmentText(text, OPTIONS);
    expect(locators(document)).toEqual(['Para. 1', 'Para. 2', 'Para. 3', 'Para. 4']);
    expect(document.passages[1]!.text).toBe(paragraph(2).replace(/\n/g, ' '));
  });
});

describe('other conventions', () => {
  it('reads Markdown headings by their level, the only "#" heading as the title', () => {
    const document = segmentText(
      '# Strategy on Safer Ports\n\nWhy ports matter.\n\n## Goals\n\n1. Reduce smuggling.\n2. Train staff.\n   - Customs officers first.\n\n## Risks\n\n### Budget\n\nFunding may fall.',
      OPTIONS,
    );
    expect(document.passages.map((passage) => [passage.locator, passage.sectionPath])).toEqual([
      ['Title', []],
      ['Introduction, para. 1', ['Introduction']],
      ['Goals', []],
      ['Goal 1', ['Goals']],
      ['Goal 2', ['Goals']],
      ['Goal 2 › item 1', ['Goals']],
      ['Risks', []],
      ['Risks › Budget', ['Risks']],
      ['Risks › Budget, para. 1', ['Risks', 'Budget']],
    ]);
  });

  it('writes French-style subparagraphs "a)" and "i)" as "(a)" and "(i)"', () => {
    const document = segmentText(
      'The General Assembly,\n\nRecalling its resolution 70/1,\n\nConcerned by the rise of attacks,\n\n1. Invites Member States:\n\na) To share data;\n\nb) To report annually:\n\ni) on progress;\n\nii) on obstacles;\n\n2. Decides to continue.',
      OPTIONS,
    );
    expect(locators(document).slice(3)).toEqual([
      'Operative para. 1',
      'Operative para. 1 (a)',
      'Operative para. 1 (b)',
      'Operative para. 1 (b) (i)',
      'Operative para. 1 (b) (ii)',
      'Operative para. 2',
    ]);
  });

  it('reads draft markers "PP 1" and "OP 1"', () => {
    const document = segmentText(
      'PP1 Recalling its earlier work,\nPP2 Noting the report,\nOP1 Decides to act;\nOP2 Requests a review.',
      OPTIONS,
    );
    expect(locators(document)).toEqual([
      'Preambular para. 1',
      'Preambular para. 2',
      'Operative para. 1',
      'Operative para. 2',
    ]);
  });

  it('numbers the rows of a table without a header under the heading, cells by column', () => {
    const document = segmentText(
      'Annex\n\nFund centres\t2030\tMinistry A\nTrain staff\t2031\tMinistry B\n',
      OPTIONS,
    );
    expect(locators(document)).toEqual(['Annex', 'Annex, item 1', 'Annex, item 2']);
    expect(document.passages[2]!.fields).toEqual([
      { label: 'Column 1', text: 'Train staff' },
      { label: 'Column 2', text: '2031' },
      { label: 'Column 3', text: 'Ministry B' },
    ]);
  });
});

describe('edge cases', () => {
  it('gives no passage for empty or white-space-only input', () => {
    expect(segmentText('', OPTIONS)).toEqual({ text: '', passages: [] });
    expect(segmentText('  \n\t\n \r\n   \u00a0', OPTIONS).passages).toEqual([]);
  });

  it('keeps one giant paragraph with no structure as one passage', () => {
    const text = 'Member States agreed that cooperation matters and should be reviewed. '.repeat(
      3000,
    );
    const document = segmentText(text, OPTIONS);
    expect(document.passages).toHaveLength(1);
    expect(document.passages[0]).toMatchObject({
      locator: 'Para. 1',
      kind: 'position',
      range: [0, text.length - 1],
    });
  });

  it('reads CRLF line endings as LF ones, with ranges into the CRLF text', () => {
    const lf = readFileSync(join(FIXTURES, 'security-council-resolution.txt'), 'utf8');
    const crlf = lf.replace(/\n/g, '\r\n');
    const fromLf = segmentText(lf, OPTIONS);
    const fromCrlf = segmentText(crlf, OPTIONS);
    expect(locators(fromCrlf)).toEqual(locators(fromLf));
    expect(fromCrlf.passages.map((passage) => passage.text)).toEqual(
      fromLf.passages.map((passage) => passage.text),
    );
    expectTraceable(fromCrlf);
  });

  it('handles very long lines', () => {
    const longLine = `Every ${'word '.repeat(40_000)}ends here.`;
    const document = segmentText(`Heading\n\n${longLine}\n\nA short closing paragraph.`, OPTIONS);
    expect(locators(document)).toEqual(['Title', 'Para. 1', 'Para. 2']);
    expect(document.passages[1]!.text).toHaveLength(longLine.length);
  });

  it('keeps locators unique where a numbered list restarts', () => {
    const restarted = segmentText(
      '1. First item.\n2. Second item.\n\nA paragraph in between.\n\n1. Restarted item.\n2. Another item.',
      OPTIONS,
    );
    expect(locators(restarted)).toEqual([
      'Para. 1',
      'Para. 2',
      'Para. 1 [2]',
      'Para. 1 [3]',
      'Para. 2 [2]',
    ]);
    const named = segmentText(
      'Recommendations\n\n1. Adopt a law.\n2. Train judges.\n\n1. Review the law.',
      OPTIONS,
    );
    expect(locators(named)).toEqual([
      'Recommendations',
      'Recommendation 1',
      'Recommendation 2',
      'Recommendation 1 [2]',
    ]);
  });

  it('keeps locators unique where a heading repeats, for the heading and what it holds', () => {
    const document = segmentText(
      'A Plan for Safer Travel\n\nSecure Travel\n\n- Check documents.\n\nSecure Travel\n\n- Share passenger data.',
      OPTIONS,
    );
    expect(locators(document)).toEqual([
      'Title',
      'Secure Travel',
      'Secure Travel › bullet 1',
      'Secure Travel [2]',
      'Secure Travel [2] › bullet 1',
    ]);
    expectTraceable(document);
  });

  it('puts a titled document’s first paragraphs in an introduction when headings follow', () => {
    const document = segmentText(
      'Action Plan on Cyber Resilience\n\nWe stress that the threat is growing.\n\nAction 1: Prevention\n\n- Train operators.',
      OPTIONS,
    );
    expect(document.passages.map((passage) => [passage.locator, passage.sectionPath])).toEqual([
      ['Title', []],
      ['Introduction, para. 1', ['Introduction']],
      ['Action 1', []],
      ['Action 1 › bullet 1', ['Action 1: Prevention']],
    ]);
  });
});

/** A paste made of the built-in sources as the benchmark builds it: a 10 KB slice of each in turn. */
function paste(size: number): string {
  const slices = readdirSync(SOURCES)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const slice = readFileSync(join(SOURCES, file), 'utf8').slice(0, 10 * 1024);
      return slice.slice(0, slice.lastIndexOf('\n') + 1);
    });
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${slices[i % slices.length]}\n`;
  return text.slice(0, size);
}

describe('long texts', () => {
  it('segments a 50 KB paste well under a second', () => {
    const text = paste(50 * 1024);
    segmentText(text, OPTIONS);
    const started = performance.now();
    const document = segmentText(text, OPTIONS);
    const elapsed = performance.now() - started;
    expect(document.passages.length).toBeGreaterThan(200);
    expect(elapsed).toBeLessThan(500);
    expectTraceable(document);
  });

  it('reports progress, block by block, up to the total', () => {
    const reports: SegmentProgress[] = [];
    segmentText(paste(50 * 1024), { ...OPTIONS, onProgress: (progress) => reports.push(progress) });
    expect(reports.length).toBeGreaterThan(1);
    const last = reports.at(-1)!;
    expect(last.done).toBe(last.total);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]!.done).toBeGreaterThanOrEqual(reports[i - 1]!.done);
    }
  });

  it('can be run in steps by a caller that yields between them', () => {
    const text = paste(20_000);
    const steps = segmentTextSteps(text, OPTIONS);
    let step = steps.next();
    let count = 0;
    while (!step.done) {
      count++;
      step = steps.next();
    }
    expect(count).toBeGreaterThan(1);
    expect(locators(step.value)).toEqual(locators(segmentText(text, OPTIONS)));
  });
});

describe('hostile and absurd input', () => {
  // Each of these once took time growing with the square of the input (minutes at 1 MB).
  const LENGTH = 200_000;
  const cases: [string, string][] = [
    ['unclosed tags on one line', '<a'.repeat(LENGTH / 2)],
    ['opening quotes on one line', '“'.repeat(LENGTH)],
    ['a heading of opening brackets', `Annex 1: ${'('.repeat(LENGTH)}`],
    [
      'label headings, each of a new style, nested ever deeper',
      Array.from({ length: 8_000 }, (_, i) => `${letterWord(i)} 1: Heading`).join('\n'),
    ],
  ];

  function letterWord(n: number): string {
    let word = '';
    for (let rest = n; word.length < 4 || rest > 0; rest = Math.floor(rest / 26)) {
      word += String.fromCharCode(97 + (rest % 26));
    }
    return `X${word}`;
  }

  it.each(cases)('segments %s, with bounded section paths', (_, text) => {
    const { passages } = segmentText(text, { issuingBody: 'Example Council' });
    expect(passages.length).toBeGreaterThan(0);
    expect(Math.max(...passages.map((passage) => passage.sectionPath.length))).toBeLessThanOrEqual(
      12,
    );
  });
});
