import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  draftToFields,
  EMPTY_TERM_FIELDS,
  TermForm,
  type TermFields,
  type TermFormStatus,
} from '../../components/term-form';
import { PacksLink } from '../../components/packs-link';
import { routeToHash } from '../../utils/extension-pages';
import { callBackground, type SendMessage } from '../../utils/messaging';
import type { UserTermView } from '../../utils/views';
import { openViewInTab } from './open-view';

const send: SendMessage = (envelope) => browser.runtime.sendMessage(envelope);

const passages = (count: number) => (count === 1 ? '1 passage' : `${count} passages`);

/**
 * "Add term": the reader's own terms, added, changed and deleted through the background, which
 * links them to the corpus and has open pages highlight them.
 */
export function TermsPage() {
  const [fields, setFields] = useState<TermFields>(EMPTY_TERM_FIELDS);
  const [editing, setEditing] = useState<UserTermView | null>(null);
  const [terms, setTerms] = useState<UserTermView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<TermFormStatus | null>(null);

  const refresh = async () => {
    const listed = await callBackground(send, 'listUserTerms', {});
    if (listed.ok) setTerms(listed.value);
    else setStatus({ kind: 'error', text: listed.error.message });
  };
  useEffect(() => void refresh(), []);

  return (
    <>
      <TermForm
        fields={fields}
        editing={editing}
        busy={busy}
        status={status}
        terms={terms}
        onFieldsChange={setFields}
        onSave={(draft) => {
          setBusy(true);
          setStatus(null);
          void callBackground(send, 'saveTerm', {
            draft,
            ...(editing ? { termId: editing.term.id } : {}),
          })
            .then(async (saved) => {
              if (!saved.ok) {
                setStatus({ kind: 'error', text: saved.error.message });
                return;
              }
              const { term, passageCount } = saved.value;
              setStatus({
                kind: 'done',
                text:
                  `${editing ? 'Saved' : 'Added'} “${term.label}”: found in ` +
                  `${passages(passageCount)} of the corpus, and highlighted on the pages you read.`,
              });
              setFields(EMPTY_TERM_FIELDS);
              setEditing(null);
              await refresh();
            })
            .finally(() => setBusy(false));
        }}
        onCancelEdit={() => {
          setEditing(null);
          setFields(EMPTY_TERM_FIELDS);
          setStatus(null);
        }}
        onEdit={(view) => {
          setEditing(view);
          setFields(draftToFields(view.draft));
          setStatus(null);
        }}
        onDelete={(view) => {
          setBusy(true);
          void callBackground(send, 'deleteTerm', { termId: view.term.id })
            .then(async (deleted) => {
              if (!deleted.ok) {
                setStatus({ kind: 'error', text: deleted.error.message });
                return;
              }
              setStatus({
                kind: 'done',
                text: `Deleted “${view.term.label}”: it is no longer highlighted.`,
              });
              if (editing?.term.id === view.term.id) {
                setEditing(null);
                setFields(EMPTY_TERM_FIELDS);
              }
              await refresh();
            })
            .finally(() => setBusy(false));
        }}
        onOpenTerm={(termId) => {
          location.hash = routeToHash({ view: 'term', termId, passageId: null });
        }}
      />
      <PacksLink onOpen={() => void openViewInTab({ view: 'packs' })} />
    </>
  );
}
