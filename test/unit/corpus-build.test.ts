import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../data/build/corpus-builder';
import { TERM_CATEGORIES } from '../../utils/corpus-types';
import { GLOSSARY } from '../../data/glossary';
import { foldAliasText } from '../../utils/term-matcher';
import { BUILT, CORPUS } from './corpus-fixture';
import { SOURCES } from './corpus-sources';

describe('the built corpus', () => {
  it('is the same, ids included, on every build', () => {
    const again = buildCorpus(SOURCES, GLOSSARY);
    expect(again.corpus.hash).toBe(CORPUS.hash);
    expect(JSON.stringify(again)).toBe(JSON.stringify(BUILT));
  });

  it('has five documents with their metadata and content hashes', () => {
    expect(CORPUS.documents.map((document) => [document.id, document.kind])).toEqual([
      ['appf-2021', 'resolution'],
      ['seminar-2020', 'proceedings'],
      ['apec-workplan-2017', 'work plan'],
      ['apec-strategic-plan-2018', 'strategic plan'],
      ['g7-action-plan-2016', 'action plan'],
    ]);
    for (const document of CORPUS.documents) {
      expect(document.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(document.passageCount).toBe(
        CORPUS.passages.filter((passage) => passage.documentId === document.id).length,
      );
      expect(CORPUS.actors.some((actor) => actor.id === document.issuerActorId)).toBe(true);
    }
  });

  it('has unique ids throughout', () => {
    for (const records of [CORPUS.documents, CORPUS.passages, CORPUS.actors, CORPUS.terms]) {
      expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    }
    expect(new Set(CORPUS.occurrences.map((o) => `${o.termId}|${o.passageId}`)).size).toBe(
      CORPUS.occurrences.length,
    );
  });
});

describe('the glossary', () => {
  const allText = CORPUS.passages.map((passage) => passage.text).join('\n');
  const foldedSensitive = foldAliasText(allText, true);
  const foldedInsensitive = foldAliasText(allText, false);

  it('covers well over 60 terms in every category, including the ones journalists ask for first', () => {
    expect(CORPUS.terms.length).toBeGreaterThan(60);
    for (const category of TERM_CATEGORIES) {
      expect(CORPUS.terms.some((term) => term.category === category)).toBe(true);
    }
    const ids = new Set(CORPUS.terms.map((term) => term.id));
    for (const id of [
      'unscr-2354',
      'api',
      'pnr',
      'fatf',
      'etim',
      'ftf',
      'isil',
      'al-qaeda',
      'interpol',
      'icao',
      'gctf',
      'gcerf',
      'hedayah',
      'appf',
      'sco',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('uses aliases that occur in the corpus, or are marked as external variants', () => {
    for (const term of CORPUS.terms) {
      for (const alias of term.aliases) {
        if (alias.external) continue;
        const sensitive = alias.caseSensitive ?? !/\p{Ll}/u.test(alias.text);
        const haystack = sensitive ? foldedSensitive : foldedInsensitive;
        expect(
          haystack.includes(foldAliasText(alias.text, sensitive)),
          `${term.id}: "${alias.text}"`,
        ).toBe(true);
      }
    }
  });

  it('declares a sense rule for acronyms that are common in other senses', () => {
    const ambiguous = ['API', 'TIP', 'SCO', 'CVE', 'IMU', 'TTP', 'ARF', 'AEO', 'PNR', 'ISIS', 'G7'];
    const aliases = CORPUS.terms.flatMap((term) => term.aliases);
    for (const text of ambiguous) {
      const alias = aliases.find((candidate) => candidate.text === text);
      if (alias) expect(alias.sense, text).toBeDefined();
    }
    expect(aliases.filter((alias) => alias.sense).length).toBeGreaterThan(5);
  });

  it('grounds every definition in passages that exist', () => {
    const passageIds = new Set(CORPUS.passages.map((passage) => passage.id));
    for (const term of CORPUS.terms) {
      expect(term.sourcePassageIds.length, term.id).toBeGreaterThan(0);
      for (const id of term.sourcePassageIds)
        expect(passageIds.has(id), `${term.id}: ${id}`).toBe(true);
    }
  });

  it('finds mentions of the key terms in the documents that use them', () => {
    const documentsOf = (termId: string) =>
      new Set(
        CORPUS.occurrences
          .filter((occurrence) => occurrence.termId === termId)
          .map((occurrence) => occurrence.documentId),
      );
    expect(documentsOf('pnr')).toEqual(
      new Set(['g7-action-plan-2016', 'apec-workplan-2017', 'apec-strategic-plan-2018']),
    );
    expect(documentsOf('fatf')).toEqual(new Set(['g7-action-plan-2016', 'apec-workplan-2017']));
    expect(documentsOf('etim')).toEqual(new Set(['seminar-2020']));
    expect(documentsOf('unscr-2354')).toContain('appf-2021');
  });
});
