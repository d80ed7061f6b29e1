import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../utils/document-draft';
import {
  buildPack,
  canonicalJson,
  PACK_SCHEMA_VERSION,
  readPack,
  type PackContent,
} from '../../utils/pack';
import { segmentText } from '../../utils/segmenter';
import type { TermDraft } from '../../utils/user-term';

const TEXT = [
  'Resolution on Border Data',
  '',
  'Recalling its earlier resolutions,',
  '',
  '1. Decides that Member States shall share Passenger Name Record data;',
].join('\n');

const DOCUMENT: DocumentDraft = {
  title: 'Resolution on Border Data',
  issuingBody: 'Example Council',
  date: '2026-11-30',
  kind: 'resolution',
  origin: { kind: 'paste' },
  text: TEXT,
  passages: segmentText(TEXT, { issuingBody: 'Example Council' }).passages,
};

const TERM: TermDraft = {
  label: 'Xinjiang',
  aliases: ['XUAR'],
  category: 'concept',
  definition: '',
  cues: [],
  vetoes: [],
};

const CONTENT: PackContent = { documents: [DOCUMENT], terms: [TERM] };

describe('corpus packs', () => {
  it('round-trip: a pack written out and read back holds the same documents and terms', async () => {
    const pack = await buildPack(CONTENT, new Date('2026-12-07T10:00:00Z'));
    expect(pack).toMatchObject({
      format: 'pledgemark-pack',
      schemaVersion: PACK_SCHEMA_VERSION,
      createdAt: '2026-12-07T10:00:00.000Z',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const read = await readPack(JSON.stringify(pack, null, 2));
    expect(read).toEqual({ ok: true, pack });
  });

  it('seal the contents whatever the order of their keys', async () => {
    const reordered = JSON.parse(
      canonicalJson({ terms: CONTENT.terms, documents: CONTENT.documents }),
    ) as PackContent;
    expect((await buildPack(reordered)).contentHash).toBe((await buildPack(CONTENT)).contentHash);
  });

  it('refuse a pack from a newer version, saying to update', async () => {
    const pack = { ...(await buildPack(CONTENT)), schemaVersion: PACK_SCHEMA_VERSION + 1 };
    expect(await readPack(JSON.stringify(pack))).toEqual({
      ok: false,
      message: expect.stringMatching(
        /newer version of Pledgemark.*Update Pledgemark.*Nothing was imported\.$/,
      ),
    });
  });

  it('refuse a pack whose contents were changed after it was sealed', async () => {
    const pack = await buildPack(CONTENT);
    const changed = {
      ...pack,
      content: { ...pack.content, terms: [{ ...TERM, label: 'Tibet' }] },
    };
    expect(await readPack(JSON.stringify(changed))).toEqual({
      ok: false,
      message: expect.stringMatching(/do not match its seal.*Nothing was imported\.$/),
    });
  });

  it('refuse a half-written file, and a file that is not a pack', async () => {
    const text = JSON.stringify(await buildPack(CONTENT));
    expect(await readPack(text.slice(0, text.length / 2))).toEqual({
      ok: false,
      message: expect.stringMatching(/incomplete or damaged/),
    });
    for (const other of ['%PDF-1.7', '[1, 2]', '{"format": "zip"}', '']) {
      expect(await readPack(other), other).toEqual({
        ok: false,
        message: expect.stringMatching(/not a Pledgemark pack|incomplete/),
      });
    }
  });

  it('refuse a pack holding a document or a term that does not hold together, saying which', async () => {
    const badDocument = await buildPack({
      documents: [DOCUMENT, { ...DOCUMENT, title: '' }],
      terms: [],
    });
    expect(await readPack(JSON.stringify(badDocument))).toEqual({
      ok: false,
      message: expect.stringMatching(/document 2: Give the document a title/),
    });
    const rumour = { ...TERM, category: 'rumour' } as unknown as TermDraft;
    const badTerm = await buildPack({ documents: [], terms: [rumour] });
    expect(await readPack(JSON.stringify(badTerm))).toEqual({
      ok: false,
      message: expect.stringMatching(/term 1: draft.category/),
    });
  });

  it('refuse fields no version of the format has, and files built to exhaust the checks', async () => {
    const sealed = async (content: unknown) =>
      JSON.stringify(await buildPack(content as PackContent));
    const extraDocumentField = await sealed({
      documents: [{ ...DOCUMENT, origin: { kind: 'paste', note: 'x' } }],
      terms: [],
    });
    expect(await readPack(extraDocumentField)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/document 1: draft.origin/),
    });
    const extraPassageField = await sealed({
      documents: [
        { ...DOCUMENT, passages: DOCUMENT.passages.map((passage) => ({ ...passage, x: 1 })) },
      ],
      terms: [],
    });
    expect(await readPack(extraPassageField)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/document 1: draft.passages\[0\] is not a passage/),
    });
    const extraContent = await sealed({ ...CONTENT, notes: 'x' });
    expect(await readPack(extraContent)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than documents and terms/),
    });
    const pack = JSON.parse(await sealed(CONTENT)) as Record<string, unknown>;
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const nested = JSON.stringify({ ...pack, signature: 0 }).replace(
      '"signature":0',
      `"signature":${deep}`,
    );
    expect(await readPack(nested)).toMatchObject({ ok: false });
  });
});
