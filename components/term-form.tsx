import { TERM_CATEGORIES, type TermCategory } from '../utils/corpus-types';
import { splitList, termDraftProblem, type TermDraft } from '../utils/user-term';
import type { UserTermView } from '../utils/views';

const CATEGORY_LABEL: Record<TermCategory, string> = {
  organisation: 'Organisation',
  instrument: 'Instrument',
  programme: 'Programme',
  concept: 'Concept',
  group: 'Group',
};

/** The form's fields as typed: lists are kept as the text the reader wrote. */
export interface TermFields {
  label: string;
  aliases: string;
  category: TermCategory;
  definition: string;
  cues: string;
  vetoes: string;
}

export const EMPTY_TERM_FIELDS: TermFields = {
  label: '',
  aliases: '',
  category: 'concept',
  definition: '',
  cues: '',
  vetoes: '',
};

export function fieldsToDraft(fields: TermFields): TermDraft {
  return {
    label: fields.label,
    aliases: splitList(fields.aliases),
    category: fields.category,
    definition: fields.definition,
    cues: splitList(fields.cues),
    vetoes: splitList(fields.vetoes),
  };
}

export function draftToFields(draft: TermDraft): TermFields {
  return {
    label: draft.label,
    aliases: draft.aliases.join(', '),
    category: draft.category,
    definition: draft.definition,
    cues: draft.cues.join(', '),
    vetoes: draft.vetoes.join(', '),
  };
}

export interface TermFormStatus {
  kind: 'done' | 'error';
  text: string;
}

export interface TermFormProps {
  fields: TermFields;
  /** The term being changed; null when adding one. */
  editing: UserTermView | null;
  busy: boolean;
  status: TermFormStatus | null;
  terms: readonly UserTermView[] | null;
  onFieldsChange: (fields: TermFields) => void;
  onSave: (draft: TermDraft) => void;
  onCancelEdit: () => void;
  onEdit: (term: UserTermView) => void;
  onDelete: (term: UserTermView) => void;
  onOpenTerm: (termId: string) => void;
}

/**
 * Adding a term of the reader's own (or changing one): its name, other spellings, category and
 * definition, and for an ambiguous acronym the words that decide its sense; then the reader's
 * terms, each to open, edit or delete.
 */
export function TermForm(props: TermFormProps) {
  const { fields, editing, busy, status, terms } = props;
  const set = (change: Partial<TermFields>) => props.onFieldsChange({ ...fields, ...change });
  const draft = fieldsToDraft(fields);
  const problem = fields.label.trim() === '' ? null : termDraftProblem(draft);
  return (
    <section class="terms" aria-labelledby="terms-heading">
      <h2 id="terms-heading">{editing ? `Edit “${editing.term.label}”` : 'Add term'}</h2>
      <form
        class="term-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave(draft);
        }}
      >
        <label class="term-label" for="term-label">
          Term
        </label>
        <input
          id="term-label"
          type="text"
          required
          value={fields.label}
          placeholder="Advance Passenger Information"
          onInput={(event) => set({ label: event.currentTarget.value })}
        />
        <label class="term-label" for="term-aliases">
          Aliases
        </label>
        <input
          id="term-aliases"
          type="text"
          value={fields.aliases}
          aria-describedby="term-aliases-hint"
          placeholder="API, APIS"
          onInput={(event) => set({ aliases: event.currentTarget.value })}
        />
        <p id="term-aliases-hint" class="term-hint">
          Other spellings, separated by commas. A spelling in capitals (an acronym) is matched in
          capitals only.
        </p>
        <label class="term-label" for="term-category">
          Category
        </label>
        <select
          id="term-category"
          value={fields.category}
          onChange={(event) => set({ category: event.currentTarget.value as TermCategory })}
        >
          {TERM_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABEL[category]}
            </option>
          ))}
        </select>
        <label class="term-label" for="term-definition">
          Definition
        </label>
        <textarea
          id="term-definition"
          rows={2}
          value={fields.definition}
          onInput={(event) => set({ definition: event.currentTarget.value })}
        />
        <fieldset class="term-sense">
          <legend>If an acronym has other meanings</legend>
          <p class="term-hint">
            It is then highlighted only where one of the cues stands near it (or on a page about
            security that names the term in full), and never beside a veto unless a cue is there
            too.
          </p>
          <label class="term-label" for="term-cues">
            Cues
          </label>
          <input
            id="term-cues"
            type="text"
            value={fields.cues}
            placeholder="passenger, airline, border"
            onInput={(event) => set({ cues: event.currentTarget.value })}
          />
          <label class="term-label" for="term-vetoes">
            Vetoes
          </label>
          <input
            id="term-vetoes"
            type="text"
            value={fields.vetoes}
            placeholder="endpoint, software, developer"
            onInput={(event) => set({ vetoes: event.currentTarget.value })}
          />
        </fieldset>
        {problem && (
          <p class="term-problem" role="alert">
            {problem}
          </p>
        )}
        <div class="term-actions">
          <button type="submit" disabled={busy || problem !== null}>
            Save term
          </button>
          {editing && (
            <button type="button" disabled={busy} onClick={props.onCancelEdit}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <p class={`term-status${status ? ` term-status-${status.kind}` : ''}`} role="status">
        {status?.text ?? ''}
      </p>
      <h2>Your terms</h2>
      {terms === null ? (
        <p>Reading your terms…</p>
      ) : terms.length === 0 ? (
        <p>
          None yet. A term you add is highlighted on the pages you read and linked to every document
          that mentions it.
        </p>
      ) : (
        <ul class="user-terms">
          {terms.map((view) => (
            <li key={view.term.id} class="user-term">
              <a
                href={`#term?id=${encodeURIComponent(view.term.id)}`}
                onClick={(event) => {
                  event.preventDefault();
                  props.onOpenTerm(view.term.id);
                }}
              >
                {view.term.label}
              </a>
              {view.term.aliases.length > 1 && (
                <span class="user-term-aliases"> ({view.term.aliases.slice(1).join(', ')})</span>
              )}
              <span class="user-term-count">
                {' '}
                · {view.passageCount === 1 ? '1 passage' : `${view.passageCount} passages`}
              </span>
              <span class="user-term-actions">
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Edit ${view.term.label}`}
                  onClick={() => props.onEdit(view)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Delete ${view.term.label}`}
                  onClick={() => props.onDelete(view)}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
