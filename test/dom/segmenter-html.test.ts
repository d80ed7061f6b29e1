import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passageText, type SegmentedDocument } from '../../utils/segmenter';
import { segmentHtml } from '../../utils/segmenter/html-blocks';

const PAGE = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'segmenter', 'policy-page.html'),
  'utf8',
);
const OPTIONS = { issuingBody: 'Council of Coastal States' };

function outline(document: SegmentedDocument) {
  return document.passages.map((passage) => [passage.locator, passage.kind, passage.sectionPath]);
}

describe('an HTML page', () => {
  const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
  const page = segmentHtml(parsed, OPTIONS);

  it('takes headings, paragraphs, nested lists and a table from the markup', () => {
    expect(outline(page)).toEqual([
      ['Title', 'context', []],
      ['Introduction, para. 1', 'position', ['Introduction']],
      ['Background', 'context', []],
      ['Background, para. 1', 'position', ['Background']],
      ['Commitments', 'context', []],
      ['Commitment 1', 'commitment', ['Commitments']],
      ['Commitment 2', 'commitment', ['Commitments']],
      ['Commitment 2 › item 1', 'commitment', ['Commitments']],
      ['Commitment 2 › item 2', 'commitment', ['Commitments']],
      ['Work programme', 'context', []],
      ['Work programme 2031–2033, item 1', 'commitment', ['Work programme']],
      ['Work programme 2031–2033, item 2', 'commitment', ['Work programme']],
      ['Background [2]', 'context', []],
      ['Background [2], para. 1', 'position', ['Background']],
    ]);
  });

  it('ignores scripts, styles, navigation, the page header and footer, asides and hidden text', () => {
    for (const junk of [
      'tracking',
      'banner',
      'Home',
      'official website',
      'Related links',
      'Hidden draft',
      '©',
      '|',
    ]) {
      expect(page.text).not.toContain(junk);
    }
  });

  it('quotes table rows by their cells under the header cells', () => {
    const row = page.passages.find(
      (passage) => passage.locator === 'Work programme 2031–2033, item 2',
    );
    expect(row).toMatchObject({
      format: 'table-row',
      text: 'Publish a typologies report\nWorking group\n2032',
      fields: [
        { label: 'Activity', text: 'Publish a typologies report' },
        { label: 'Lead', text: 'Working group' },
        { label: 'Deadline', text: '2032' },
      ],
    });
  });

  it('traces every passage back to the text it returns', () => {
    for (const passage of page.passages) {
      const slice = page.text.slice(passage.range[0], passage.range[1]);
      expect(passageText(slice, passage.format)).toBe(passage.text);
      expect(passage.actor).toEqual({ name: 'Council of Coastal States', kind: 'body' });
    }
  });

  it('parses a string with DOMParser to the same passages', () => {
    expect(segmentHtml(PAGE, OPTIONS)).toEqual(page);
  });
});

describe('HTML variants', () => {
  it('reads a resolution published as paragraphs, numbers in the text', () => {
    const resolution = segmentHtml(
      `<body><h1>Resolution 9998 (2031)</h1><p>The Security Council,</p>
       <p>Recalling its earlier resolutions,</p><p>Noting the report of the Committee,</p>
       <p>1. Decides to establish a panel of experts;</p>
       <p>(a) To gather information on the financing of listed groups;</p>
       <p>2. Requests the panel to report within ninety days.</p></body>`,
      OPTIONS,
    );
    expect(resolution.passages.map((passage) => [passage.locator, passage.kind])).toEqual([
      ['Title', 'context'],
      ['Chapeau', 'context'],
      ['Preambular para. 1', 'position'],
      ['Preambular para. 2', 'position'],
      ['Operative para. 1', 'commitment'],
      ['Operative para. 1 (a)', 'commitment'],
      ['Operative para. 2', 'commitment'],
    ]);
  });

  it('nests lists by their markup, an ordered list inside another included', () => {
    const plan = segmentHtml(
      `<body><h2>Steps</h2><ol><li>Map the risks.<ol><li>Consult the regions.</li>
       <li>Consult the sector.</li></ol></li><li>Publish the map.</li></ol></body>`,
      OPTIONS,
    );
    expect(plan.passages.map((passage) => passage.locator)).toEqual([
      'Steps',
      'Step 1',
      'Step 1 › 1',
      'Step 1 › 2',
      'Step 2',
    ]);
  });

  it('gives no passage for an empty page', () => {
    expect(segmentHtml('<html><body><script>x()</script></body></html>', OPTIONS)).toEqual({
      text: '',
      passages: [],
    });
  });
});
