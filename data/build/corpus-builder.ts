import { createHash } from 'node:crypto';
import type {
  Actor,
  BuiltCorpus,
  BuiltInDocument,
  CorpusDocument,
  DocumentId,
  GlossaryEntry,
  Occurrence,
  Passage,
  Term,
} from '../../utils/corpus-types';
import {
  compileMatcher,
  documentTermCounts,
  TermMatcher,
  type CompiledMatcher,
} from '../../utils/term-matcher';
import { cleanInline } from './clean-text';
import { parseApecStrategicPlan } from './parse-apec-strategic-plan';
import { parseApecWorkplan } from './parse-apec-workplan';
import { parseAppfResolution } from './parse-appf-resolution';
import { parseG7ActionPlan } from './parse-g7-action-plan';
import { parseSeminarProceedings } from './parse-seminar-proceedings';
import type { ParsedDocument } from './parsed-document';

/** Bumped when the build's output changes for the same inputs, so the corpus hash changes too. */
export const CORPUS_BUILD_VERSION = 2;

/** Which parser reads which source file, in corpus order. */
export const SOURCE_FILES: { file: string; parse: (raw: Uint8Array) => ParsedDocument }[] = [
  { file: '000_d27e4ba2ba28cc09.txt', parse: parseAppfResolution },
  { file: '001_dfe2a69c2e3356cc.txt', parse: parseSeminarProceedings },
  { file: '002_9215c299f05b7fd6.txt', parse: parseApecWorkplan },
  { file: '003_2d0a72c2d4d48b91.txt', parse: parseApecStrategicPlan },
  { file: '004_6c91a4d63401d3d7.txt', parse: parseG7ActionPlan },
];

export interface BuildOutput {
  corpus: BuiltCorpus;
  matcher: CompiledMatcher;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function buildCorpus(
  sources: ReadonlyMap<string, Uint8Array>,
  glossary: readonly GlossaryEntry[],
): BuildOutput {
  const documents: BuiltInDocument[] = [];
  const passages: Passage[] = [];
  const actors = new Map<string, Actor>();
  for (const { file, parse } of SOURCE_FILES) {
    const raw = sources.get(file);
    if (!raw) throw new Error(`Missing source file ${file}`);
    const parsed = parse(raw);
    documents.push({
      ...parsed.document,
      sourceFile: file,
      contentHash: sha256(raw),
      passageCount: parsed.passages.length,
    });
    passages.push(...parsed.passages);
    for (const actor of parsed.actors) {
      const known = actors.get(actor.id);
      if (known && JSON.stringify(known) !== JSON.stringify(actor)) {
        throw new Error(`Actor ${actor.id} is described two different ways`);
      }
      actors.set(actor.id, actor);
    }
  }
  const passageIds = new Set(passages.map((passage) => passage.id));
  if (passageIds.size !== passages.length) throw new Error('Passage ids are not unique');
  for (const passage of passages) {
    if (!actors.has(passage.actorId)) {
      throw new Error(`Passage ${passage.id} names unknown actor ${passage.actorId}`);
    }
  }

  const terms = resolveGlossary(glossary, passages);
  const matcher = compileMatcher(terms);
  const occurrences = findOccurrences(new TermMatcher(matcher), passages, documents);
  const hash = sha256(
    JSON.stringify({
      version: CORPUS_BUILD_VERSION,
      sources: documents.map((document) => document.contentHash),
      glossary,
    }),
  );
  return {
    corpus: { hash, documents, passages, actors: [...actors.values()], terms, occurrences },
    matcher,
  };
}

/** Checks the hand-written glossary and resolves its quoted sources to passage ids. */
export function resolveGlossary(
  glossary: readonly GlossaryEntry[],
  passages: readonly Passage[],
): Term[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const entry of glossary) {
    if (ids.has(entry.id)) problems.push(`duplicate term id "${entry.id}"`);
    ids.add(entry.id);
  }
  const terms = glossary.map((entry) => {
    for (const related of entry.related) {
      if (!ids.has(related)) problems.push(`${entry.id} relates to unknown term "${related}"`);
    }
    if (entry.aliases.length === 0) problems.push(`${entry.id} has no alias`);
    if (entry.sources.length === 0) problems.push(`${entry.id} cites no source`);
    const sourcePassageIds = entry.sources.flatMap(({ doc, quote }) => {
      // Quotes are copied from the raw text; passages have their white space folded.
      const cleanQuote = cleanInline(quote);
      const found = passages.filter(
        (passage) => passage.documentId === doc && passage.text.includes(cleanQuote),
      );
      if (found.length !== 1) {
        problems.push(
          `source of ${entry.id} "${quote}" is in ${found.length} passages of ${doc}, not one`,
        );
      }
      return found.slice(0, 1).map((passage) => passage.id);
    });
    return {
      id: entry.id,
      label: entry.label,
      category: entry.category,
      aliases: entry.aliases,
      definition: entry.definition,
      sourcePassageIds,
      related: entry.related,
    };
  });
  if (problems.length > 0) throw new Error(`Glossary:\n- ${problems.join('\n- ')}`);
  return terms;
}

/** Which passages mention which terms, read one document at a time (`documentTermCounts`). */
export function findOccurrences(
  matcher: TermMatcher,
  passages: readonly Passage[],
  documents: readonly CorpusDocument[],
): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const document of documents) {
    const inDocument = passages.filter((passage) => passage.documentId === document.id);
    const counts = documentTermCounts(
      matcher,
      inDocument.map((passage) => passage.text),
    );
    inDocument.forEach((passage, i) => {
      for (const [termId, count] of counts[i]!) {
        occurrences.push({
          termId,
          passageId: passage.id,
          documentId: document.id as DocumentId,
          count,
        });
      }
    });
  }
  return occurrences;
}
