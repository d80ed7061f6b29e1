import { useEffect, useRef, useState } from 'preact/hooks';
import type { CitationFormat, CopiedCitation } from '../../components/copy-citation-buttons';
import { TermCard } from '../../components/term-card';
import { citationMarkdown, citationText } from '../../utils/citation';
import type { ClipMarks } from '../../utils/clip-marks';
import type { CitedPassage, TermDetail } from '../../utils/views';
import type { CardData } from '../content/card-ui-slot';

export interface CardViewProps {
  termId: string;
  /** Why the highlight the card opened on was taken in the term's sense, if it needed one. */
  senseNote: string | null;
  /** The alias the highlight was found through, which "Not this meaning" turns off. */
  alias: string | null;
  onNotThisMeaning: (alias: string, where: 'site' | 'everywhere') => void;
  data: CardData;
  /** Take focus into the card (it was opened from the keyboard). */
  takeFocus: boolean;
  onSwitchTerm: (termId: string) => void;
  onHideTerm: (termId: string) => void;
  onClose: () => void;
  /** Called once the card shows its content, for placement and timing. */
  onRendered: () => void;
}

type CardState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; detail: TermDetail };

/** The hover card's container: asks its data port for the term and copies citations. */
export function CardView(props: CardViewProps) {
  const { data } = props;
  const [state, setState] = useState<CardState>({ status: 'loading' });
  const [copied, setCopied] = useState<CopiedCitation | null>(null);
  const [clipMarks, setClipMarks] = useState<ClipMarks>({});
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    setCopied(null);
    void data.lookupTerm(props.termId).then((result) => {
      if (!current) return;
      if (!result.ok) setState({ status: 'error', message: result.error.message });
      else if (!result.value)
        setState({ status: 'error', message: 'Pledgemark has no entry for this term.' });
      else setState({ status: 'ready', detail: result.value });
    });
    void data.clipMarks().then((marks) => {
      if (current) setClipMarks(marks);
    });
    return () => {
      current = false;
    };
  }, [props.termId]);

  useEffect(() => {
    props.onRendered();
    if (state.status === 'ready' && props.takeFocus) dialog.current?.focus();
  }, [state]);

  const copy = async (passage: CitedPassage, format: CitationFormat) => {
    const text = format === 'text' ? citationText(passage) : citationMarkdown(passage);
    const ok = await data.copy(text).then(
      () => true,
      () => false,
    );
    setCopied({ passageId: passage.id, format, ok });
  };

  const save = async (passageId: string) => {
    setClipMarks((marks) => ({ ...marks, [passageId]: { status: 'saving' } }));
    const mark = await data.saveClip(passageId);
    setClipMarks((marks) => ({ ...marks, [passageId]: mark }));
  };

  const label =
    state.status === 'ready' ? `Pledgemark: ${state.detail.term.label}` : 'Pledgemark term card';
  return (
    <div ref={dialog} class="pm-dialog pm-theme" role="dialog" aria-label={label} tabIndex={-1}>
      {state.status === 'loading' && (
        <p class="pm-status" role="status">
          Loading…
        </p>
      )}
      {state.status === 'error' && (
        <p class="pm-status" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <TermCard
          detail={state.detail}
          variant="card"
          senseNote={props.senseNote}
          onNotThisMeaning={
            props.alias === null
              ? undefined
              : (where) => props.onNotThisMeaning(props.alias!, where)
          }
          meaningAlias={props.alias ?? undefined}
          pageCount={data.pageCount(props.termId)}
          mentionsIn={(text) => data.mentionsIn(props.termId, text)}
          copied={copied}
          onCopyCitation={(passage, format) => void copy(passage, format)}
          clipMarks={clipMarks}
          onSaveClip={(passage) => void save(passage.id)}
          onSelectTerm={props.onSwitchTerm}
          onOpenTermView={() => data.openTermView(props.termId)}
          onOpenInDocument={(passage) => data.openInDocument(passage)}
          onHideTerm={() => props.onHideTerm(props.termId)}
          onClose={props.onClose}
        />
      )}
    </div>
  );
}
