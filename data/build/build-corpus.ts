/**
 * `npm run corpus`: rebuilds `data/generated/` from the raw sources and the glossary. With
 * `--check` it writes nothing and fails when the generated files are stale.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOSSARY } from '../glossary';
import { buildCorpus, SOURCE_FILES } from './corpus-builder';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = {
  corpus: join(dataDir, 'generated', 'corpus.json'),
  matcher: join(dataDir, 'generated', 'matcher.json'),
  // The hash alone, for the background's seed check at every start; the corpus itself is a
  // packaged file it reads only to seed.
  corpusHash: join(dataDir, 'generated', 'corpus-hash.json'),
};

const sources = new Map(
  SOURCE_FILES.map(({ file }) => [
    file,
    new Uint8Array(readFileSync(join(dataDir, 'sources', file))),
  ]),
);
const { corpus, matcher } = buildCorpus(sources, GLOSSARY);
const contents = {
  corpus: `${JSON.stringify(corpus, null, 1)}\n`,
  // Shipped as text in the content script of every frame: no indentation to carry.
  matcher: `${JSON.stringify(matcher)}\n`,
  corpusHash: `${JSON.stringify({ hash: corpus.hash })}\n`,
};

const check = process.argv.includes('--check');
let stale = false;
for (const key of ['corpus', 'matcher', 'corpusHash'] as const) {
  const path = outputs[key];
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === contents[key]) continue;
  if (check) {
    stale = true;
    console.error(`${path} is out of date: run npm run corpus`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents[key]);
  }
}
if (stale) process.exit(1);
console.log(
  `corpus ${corpus.hash.slice(0, 12)}: ${corpus.documents.length} documents, ${corpus.passages.length} passages, ` +
    `${corpus.actors.length} actors, ${corpus.terms.length} terms, ${corpus.occurrences.length} occurrences`,
);
