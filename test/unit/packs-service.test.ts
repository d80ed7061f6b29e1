import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GLOSSARY } from '../../data/glossary';
import { AddedCorpus } from '../../data/store/added-corpus';
import { PledgemarkDatabase } from '../../data/store/db';
import { CorpusPacks } from '../../data/store/packs';
import { CorpusQueries } from '../../data/store/search/queries';
import { seedCorpus } from '../../data/store/seed';
import { UserTerms, type LinkWithTerms } from '../../data/store/user-terms';
import { withUserTerms } from '../../entrypoints/background/matcher-service';
import { createPacksService } from '../../entrypoints/background/packs-service';
import type { DocumentDraft } from '../../utils/document-draft';
import { MAX_PACK_DOCUMENTS } from '../../utils/pack';
import { segmentText } from '../../utils/segmenter';
import { compileMatcher, documentTermCounts, TermMatcher } from '../../utils/term-matcher';
import { CORPUS } from './corpus-fixture';

const PACKAGED = compileMatcher(GLOSSARY);
const linkWithTerms: LinkWithTerms = async (terms) => {
  const matcher = new TermMatcher(withUserTerms(PACKAGED, terms));
  return (texts) => documentTermCounts(matcher, texts);
};

const TEXT = [
  'Harbour statement',
  'The ministers met at the quayside to review the seaplane manifests from Xinjiang.',
  '1. Decides that Member States shall collect Passenger Name Record data at every ferry terminal.',
].join('\n\n');

const EXTENSION = 'chrome-extension://pledgemark/';
const PAGE = { url: `${EXTENSION}popup.html#packs` };

const databases: PledgemarkDatabase[] = [];
async function profile() {
  const db = new PledgemarkDatabase(`packs-service-${crypto.randomUUID()}`);
  databases.push(db);
  await seedCorpus(db, CORPUS);
  const queries = new CorpusQueries(db);
  const userTermsChanged = vi.fn(async () => undefined);
  const handlers = createPacksService({
    db,
    queries,
    ensureSeeded: async () => undefined,
    linkWithTerms,
    userTermsChanged,
    fromExtensionPage: (sender) => sender.url?.startsWith(EXTENSION) === true,
  });
  return { db, queries, handlers, userTermsChanged };
}

afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.delete()));
});

describe('the packs service', () => {
  it('exports a file that another profile previews, imports and finds in its next search', async () => {
    const source = await profile();
    await new AddedCorpus(source.db, { linkTerms: await linkWithTerms([]) }).add({
      title: 'Harbour statement',
      issuingBody: 'Ministers of the Interior',
      date: '2026-12-01',
      kind: 'statement',
      origin: { kind: 'paste' },
      text: TEXT,
      passages: segmentText(TEXT, { issuingBody: 'Ministers of the Interior' }).passages,
    });
    await new UserTerms(source.db, { linkWithTerms }).save({
      label: 'Xinjiang',
      aliases: [],
      category: 'concept',
      definition: '',
      cues: [],
      vetoes: [],
    });
    const exported = await source.handlers.exportPack({}, PAGE);
    expect(exported).toMatchObject({ documents: 1, terms: 1 });
    expect(JSON.parse(exported.file)).toMatchObject({ format: 'pledgemark-pack' });

    const target = await profile();
    // Its index is loaded, as in a background that has answered a search.
    await target.queries.search('PNR');
    const plan = await target.handlers.previewPack({ file: exported.file }, PAGE);
    expect(plan).toMatchObject({
      createdAt: exported.createdAt,
      documents: [{ title: 'Harbour statement', alreadyAs: null }],
      terms: [{ label: 'Xinjiang', alreadyYours: false }],
    });
    const imported = await target.handlers.importPack({ file: exported.file }, PAGE);
    expect(imported).toMatchObject({ documentsSkipped: 0, termsSkipped: 0 });
    expect(target.userTermsChanged).toHaveBeenCalledOnce();
    const found = await target.queries.search('quayside seaplane');
    expect(found.passages[0]?.passage.document.title).toBe('Harbour statement');
    // The index took the records in as written: the same as one built by reading them back.
    await target.db.searchIndexes.clear();
    const rebuilt = new CorpusQueries(target.db);
    for (const query of ['quayside seaplane', 'Passenger Name Record', 'ferry']) {
      expect(await rebuilt.search(query), query).toEqual(await target.queries.search(query));
    }
  });

  it('refuses a file that is not a sound pack with the reason alone, importing nothing', async () => {
    const { db, handlers } = await profile();
    const exported = await handlers.exportPack({}, PAGE);
    const newer = exported.file.replace('"schemaVersion":1', '"schemaVersion":2');
    await expect(handlers.previewPack({ file: newer }, PAGE)).rejects.toThrow(
      /^This pack was made by a newer version of Pledgemark/,
    );
    await expect(handlers.importPack({ file: exported.file.slice(0, 40) }, PAGE)).rejects.toThrow(
      /^The pack is incomplete or damaged/,
    );
    expect(await db.addedDocuments.count()).toBe(0);
  });

  it('exports nothing a colleague could not import, saying why', async () => {
    const { handlers } = await profile();
    const one: DocumentDraft = {
      title: 'Harbour statement',
      issuingBody: 'Ministers of the Interior',
      date: '2026-12-01',
      kind: 'statement',
      origin: { kind: 'paste' },
      text: TEXT,
      passages: segmentText(TEXT, { issuingBody: 'Ministers of the Interior' }).passages,
    };
    vi.spyOn(CorpusPacks.prototype, 'export').mockResolvedValue({
      documents: Array.from({ length: MAX_PACK_DOCUMENTS + 1 }, () => one),
      terms: [],
    });
    await expect(handlers.exportPack({}, PAGE)).rejects.toThrow(
      /^Your 1001 documents and 0 terms make a pack of \d+ MB; a pack holds at most 50 MB and 1000 documents\. Nothing was exported\.$/,
    );
    vi.restoreAllMocks();
  });

  it('answers only the extension’s own pages, never a content script', async () => {
    const { handlers } = await profile();
    const tab = { url: 'https://news.example/story', tab: { id: 4 } };
    await expect(handlers.exportPack({}, tab)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handlers.previewPack({ file: '{}' }, tab)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(handlers.importPack({ file: '{}' }, {})).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
