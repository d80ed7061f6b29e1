import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_FILES } from '../../data/build/corpus-builder';

/** The raw source files, read once for the tests. */
export const SOURCES: ReadonlyMap<string, Uint8Array> = new Map(
  SOURCE_FILES.map(({ file }) => [
    file,
    new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'sources', file))),
  ]),
);

export function source(file: string): Uint8Array {
  const raw = SOURCES.get(file);
  if (!raw) throw new Error(`No source ${file}`);
  return raw;
}
