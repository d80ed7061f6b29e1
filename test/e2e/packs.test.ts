/**
 * Packs in real browsers with the built extension: the reader's documents and term exported
 * from the "Packs" view as the file the browser saves, everything deleted, then the file chosen
 * in the same view, shown and imported: the corpus exports again as the same pack, its passages
 * are found by search, and its term is highlighted on a page.
 *
 * Needs the builds in `.output/` (made by `npm test`, never here) and the browsers installed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../utils/document-draft';
import type { Result } from '../../utils/messaging';
import type { Pack } from '../../utils/pack';
import { segmentText } from '../../utils/segmenter';
import type {
  AddedDocumentView,
  PackExport,
  SearchResponse,
  UserTermView,
} from '../../utils/views';
import {
  dumpLogsOnFailure,
  launchExtension,
  shouldSkip,
  TARGETS,
  WAIT_MS,
  type BrowserName,
  type ExtensionSession,
  type PageDriver,
} from './browsers';
import { askBackground, clickButton } from './extension-calls';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { waitForStatus } from './status-line';

function draft(title: string, lines: string[]): DocumentDraft {
  const text = lines.join('\n\n');
  return {
    title,
    issuingBody: 'Example Council',
    date: '2026-11-30',
    kind: 'resolution',
    origin: { kind: 'paste' },
    text,
    passages: segmentText(text, { issuingBody: 'Example Council' }).passages,
  };
}

const DOCUMENTS = [
  draft('Résolution sur les données aux frontières', [
    'Résolution sur les données aux frontières',
    'Le Conseil, rappelant ses résolutions sur les combattants terroristes étrangers,',
    '1. Decides that Member States shall collect Passenger Name Record data at every quayside;',
  ]),
  draft('Statement on cash couriers', [
    'Statement on cash couriers',
    '1. Urges states to report cash couriers crossing from Xinjiang to the FATF.',
  ]),
];

/** Runs in the packs view: the text of the file its save link offers. */
async function savedPackText(): Promise<string> {
  const link = document.querySelector<HTMLAnchorElement>('.packs a[download]')!;
  return (await fetch(link.href)).text();
}

async function ask<T>(view: PageDriver, name: string, request: object = {}): Promise<T> {
  const answer = (await view.evaluate(askBackground, { name, request })) as Result<T>;
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value;
}

let server: FixtureServer;
let folder: string;
beforeAll(async () => {
  server = await startFixtureServer();
  folder = await mkdtemp(join(tmpdir(), 'pledgemark-packs-'));
});
afterAll(async () => {
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

for (const name of ['Chromium', 'Firefox'] as const satisfies readonly BrowserName[]) {
  describe.skipIf(shouldSkip(TARGETS[name]))(`packs in ${name}`, () => {
    let session: ExtensionSession | undefined;
    let view: PageDriver;
    let exported: Pack;
    let packFile: string;

    beforeAll(async () => {
      session = await launchExtension(name);
      view = await session.openExtensionPage('popup.html#packs', '#pack-file');
      for (const document of DOCUMENTS) await ask(view, 'addDocument', { draft: document });
      await ask(view, 'saveTerm', {
        draft: {
          label: 'Xinjiang',
          aliases: ['XUAR'],
          category: 'concept',
          definition: 'The Xinjiang Uyghur Autonomous Region of China.',
          cues: [],
          vetoes: [],
        },
      });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('exports the reader’s documents and term as a file the browser saves', async (context) => {
      dumpLogsOnFailure(context, name, session);
      await view.waitForFunction(clickButton, 'Export pack', WAIT_MS);
      expect(await waitForStatus(view, '.packs', /^Your pack holds/)).toBe(
        `Your pack holds 2 documents and 1 term. Save pledgemark-pack-${new Date().toISOString().slice(0, 10)}.json`,
      );
      const text = await view.evaluate(savedPackText, null);
      exported = JSON.parse(text) as Pack;
      expect(exported).toMatchObject({ format: 'pledgemark-pack', schemaVersion: 1 });
      expect(exported.content.documents).toEqual(DOCUMENTS);
      packFile = join(folder, `${name}.json`);
      await writeFile(packFile, text);
    });

    it('deletes everything, then imports the file back after showing what it adds', async (context) => {
      dumpLogsOnFailure(context, name, session);
      for (const document of await ask<AddedDocumentView[]>(view, 'listAddedDocuments')) {
        await ask(view, 'deleteDocument', { documentId: document.id });
      }
      for (const term of await ask<UserTermView[]>(view, 'listUserTerms')) {
        await ask(view, 'deleteTerm', { termId: term.term.id });
      }
      const gone = await ask<SearchResponse>(view, 'search', { query: 'quayside' });
      expect(gone.passages).toEqual([]);

      // A copy changed after it was exported is refused, saying so, and adds nothing.
      const changed = join(folder, `${name}-changed.json`);
      await writeFile(
        changed,
        (await readFile(packFile, 'utf8')).replace(
          '"title":"Statement on cash couriers"',
          '"title":"Statement on cash carriers"',
        ),
      );
      await view.chooseFile('#pack-file', changed);
      await view.waitForFunction(
        () =>
          /do not match its seal/.test(
            document.querySelector('.packs [role="alert"]')?.textContent ?? '',
          ),
        null,
        WAIT_MS,
      );
      expect(await ask<AddedDocumentView[]>(view, 'listAddedDocuments')).toEqual([]);

      await view.chooseFile('#pack-file', packFile);
      await view.waitForSelector('.pack-preview', WAIT_MS);
      const preview = await view.evaluate(
        () => document.querySelector('.pack-preview')?.textContent ?? '',
        null,
      );
      expect(preview).toContain('Statement on cash couriers');
      expect(preview).toContain('Xinjiang');
      expect(preview).toContain('Importing adds 2 documents and 1 term.');
      expect(await ask<AddedDocumentView[]>(view, 'listAddedDocuments')).toEqual([]);

      await view.waitForFunction(clickButton, 'Import pack', WAIT_MS);
      // The export's status line is the first in the view; the import's is the second.
      await view.waitForFunction(
        () =>
          /^Imported 2 documents and 1 term\./.test(
            document.querySelectorAll('.packs [role="status"]')[1]?.textContent ?? '',
          ),
        null,
        WAIT_MS,
      );
    });

    it('has the corpus back unchanged: the same pack, searchable, its term highlighted', async (context) => {
      dumpLogsOnFailure(context, name, session);
      const again = JSON.parse((await ask<PackExport>(view, 'exportPack')).file) as Pack;
      expect(again.contentHash).toBe(exported.contentHash);
      expect(again.content).toEqual(exported.content);

      const found = await ask<SearchResponse>(view, 'search', { query: 'quayside' });
      const quayside = DOCUMENTS[0]!.passages.find((passage) => passage.text.includes('quayside'));
      expect(found.passages.map((hit) => hit.passage.locator)).toEqual([quayside!.locator]);
      expect(found.passages[0]!.passage.document.title).toBe(DOCUMENTS[0]!.title);

      const page = await session!.openPage(server.url('user-terms.html'));
      await page.waitForSelector('[data-pledgemark-term="fatf"]', WAIT_MS);
      const termId = (await ask<UserTermView[]>(view, 'listUserTerms'))[0]!.term.id;
      await page.waitForSelector(`[data-pledgemark-term="${termId}"]`, WAIT_MS);
      await page.close();
    });
  });
}
