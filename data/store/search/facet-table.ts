import type { DocumentId, RecordKind } from '../../../utils/corpus-types';

export const RECORD_KINDS: readonly RecordKind[] = ['commitment', 'position', 'context'];

export interface FacetDocument {
  id: DocumentId;
  label: string;
  /** The year the document was issued, or the first year of the period it covers. */
  year: string;
  /**
   * When a document the reader added was added: the same text added again (after a delete, with
   * other details) has the same id, and the index must not keep the earlier one's details.
   */
  addedAt?: string;
}

export interface FacetActor {
  id: string;
  label: string;
  country: string | null;
}

export interface FacetTerm {
  id: string;
  label: string;
}

/** The facet table as stored: typed arrays and strings that IndexedDB reads back unparsed. */
export interface StoredFacets {
  documents: readonly FacetDocument[];
  actors: readonly FacetActor[];
  terms: readonly FacetTerm[];
  /** Joined by "\n", which no passage id holds. */
  passageIds: string;
  document: Uint16Array;
  actor: Uint16Array;
  kind: Uint8Array;
  termOffsets: Uint32Array;
  termIndexes: Uint16Array;
}

/**
 * The facets of every indexed passage, one row per passage in the order of the record (the
 * built-in corpus oldest document first, then each added document in the order it was added;
 * within a document, its order). Values are indexes into the lists of documents, actors, kinds
 * and terms.
 */
export class FacetTable {
  constructor(
    readonly documents: readonly FacetDocument[],
    readonly actors: readonly FacetActor[],
    readonly terms: readonly FacetTerm[],
    readonly passageIds: readonly string[],
    readonly document: Uint16Array,
    readonly actor: Uint16Array,
    readonly kind: Uint8Array,
    /** Row r mentions the terms `termIndexes[termOffsets[r]]` up to `termOffsets[r + 1]`. */
    readonly termOffsets: Uint32Array,
    readonly termIndexes: Uint16Array,
  ) {}

  get rowCount(): number {
    return this.passageIds.length;
  }

  hasTerm(row: number, term: number): boolean {
    for (let i = this.termOffsets[row]!; i < this.termOffsets[row + 1]!; i++) {
      if (this.termIndexes[i] === term) return true;
    }
    return false;
  }

  /**
   * The rows of all `tables`, in their order. Documents, actors and terms are matched by id: a
   * value two tables share (the glossary's terms) is listed once, where it first comes.
   */
  static concat(tables: readonly FacetTable[]): FacetTable {
    const documents = new ValueList<FacetDocument>();
    const actors = new ValueList<FacetActor>();
    const terms = new ValueList<FacetTerm>();
    const rowCount = tables.reduce((sum, table) => sum + table.rowCount, 0);
    const termCount = tables.reduce((sum, table) => sum + table.termIndexes.length, 0);
    const document = new Uint16Array(rowCount);
    const actor = new Uint16Array(rowCount);
    const kind = new Uint8Array(rowCount);
    const termOffsets = new Uint32Array(rowCount + 1);
    const termIndexes = new Uint16Array(termCount);
    const passageIds: string[] = [];
    let row = 0;
    let at = 0;
    for (const table of tables) {
      const documentAt = table.documents.map((value) => documents.indexOf(value));
      const actorAt = table.actors.map((value) => actors.indexOf(value));
      const termAt = table.terms.map((value) => terms.indexOf(value));
      passageIds.push(...table.passageIds);
      for (let from = 0; from < table.rowCount; from++, row++) {
        document[row] = documentAt[table.document[from]!]!;
        actor[row] = actorAt[table.actor[from]!]!;
        kind[row] = table.kind[from]!;
        for (let i = table.termOffsets[from]!; i < table.termOffsets[from + 1]!; i++) {
          termIndexes[at++] = termAt[table.termIndexes[i]!]!;
        }
        termOffsets[row + 1] = at;
      }
    }
    return new FacetTable(
      documents.values,
      actors.values,
      terms.values,
      passageIds,
      document,
      actor,
      kind,
      termOffsets,
      termIndexes,
    );
  }

  /**
   * This table without a document: its rows, its entry, and the actors only its rows had. The
   * same table as concatenating the others' tables, so that taking out a document undoes adding
   * it. Terms stay (they are the glossary's).
   */
  withoutDocument(documentId: DocumentId): FacetTable {
    const gone = this.documents.findIndex((document) => document.id === documentId);
    if (gone < 0) return this;
    const keptRows: number[] = [];
    const actorKept = new Uint8Array(this.actors.length);
    const actorDropped = new Uint8Array(this.actors.length);
    for (let row = 0; row < this.rowCount; row++) {
      if (this.document[row] === gone) actorDropped[this.actor[row]!] = 1;
      else {
        keptRows.push(row);
        actorKept[this.actor[row]!] = 1;
      }
    }
    const documentAt = renumber(this.documents.length, (i) => i !== gone);
    const actorAt = renumber(this.actors.length, (i) => actorKept[i] === 1 || !actorDropped[i]);
    const termOffsets = new Uint32Array(keptRows.length + 1);
    const termIndexes: number[] = [];
    keptRows.forEach((from, row) => {
      for (let i = this.termOffsets[from]!; i < this.termOffsets[from + 1]!; i++) {
        termIndexes.push(this.termIndexes[i]!);
      }
      termOffsets[row + 1] = termIndexes.length;
    });
    return new FacetTable(
      this.documents.filter((_, i) => documentAt[i]! >= 0),
      this.actors.filter((_, i) => actorAt[i]! >= 0),
      this.terms,
      keptRows.map((row) => this.passageIds[row]!),
      Uint16Array.from(keptRows, (row) => documentAt[this.document[row]!]!),
      Uint16Array.from(keptRows, (row) => actorAt[this.actor[row]!]!),
      Uint8Array.from(keptRows, (row) => this.kind[row]!),
      termOffsets,
      Uint16Array.from(termIndexes),
    );
  }

  toStored(): StoredFacets {
    return {
      documents: this.documents,
      actors: this.actors,
      terms: this.terms,
      passageIds: this.passageIds.join('\n'),
      document: this.document,
      actor: this.actor,
      kind: this.kind,
      termOffsets: this.termOffsets,
      termIndexes: this.termIndexes,
    };
  }

  static fromStored(stored: StoredFacets): FacetTable {
    return new FacetTable(
      stored.documents,
      stored.actors,
      stored.terms,
      stored.passageIds === '' ? [] : stored.passageIds.split('\n'),
      stored.document,
      stored.actor,
      stored.kind,
      stored.termOffsets,
      stored.termIndexes,
    );
  }
}

export function isStoredFacets(value: unknown): value is StoredFacets {
  if (typeof value !== 'object' || value === null) return false;
  const facets = value as Partial<Record<keyof StoredFacets, unknown>>;
  return (
    Array.isArray(facets.documents) &&
    Array.isArray(facets.actors) &&
    Array.isArray(facets.terms) &&
    typeof facets.passageIds === 'string' &&
    facets.document instanceof Uint16Array &&
    facets.actor instanceof Uint16Array &&
    facets.kind instanceof Uint8Array &&
    facets.termOffsets instanceof Uint32Array &&
    facets.termIndexes instanceof Uint16Array
  );
}

/** Values listed once each by id, in the order they first come. */
class ValueList<Value extends { id: string }> {
  readonly values: Value[] = [];
  private readonly at = new Map<string, number>();

  indexOf(value: Value): number {
    let index = this.at.get(value.id);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.at.set(value.id, index);
    }
    return index;
  }
}

/** Each old index's new one among those kept, or -1. */
function renumber(count: number, keep: (index: number) => boolean): Int32Array {
  const at = new Int32Array(count).fill(-1);
  let next = 0;
  for (let i = 0; i < count; i++) if (keep(i)) at[i] = next++;
  return at;
}
