import type { JSX } from 'preact';
import type { ClipMarks } from '../utils/clip-marks';
import type { TextSegment } from '../utils/term-card-model';
import { isTableRow } from '../utils/quotation';
import { citeDocumentPassage, type CitedPassage, type DocumentDetail } from '../utils/views';
import {
  CopyCitationButtons,
  type CitationFormat,
  type CopiedCitation,
} from './copy-citation-buttons';
import { PassageQuote } from './passage-quote';
import { SaveClipButton } from './save-clip-button';
import { AddedMark } from './added-mark';

type DocumentPassage = DocumentDetail['passages'][number];

export interface DocumentViewProps {
  detail: DocumentDetail;
  /** The passage to show first and mark (a deep link), if any. */
  focusPassageId?: string | null | undefined;
  /** A passage's text split into segments, the glossary's terms emphasised. */
  segmentsOf: (text: string) => TextSegment[];
  onBack?: (() => void) | undefined;
  /** Which passages are in the reader's clips (or being saved), by passage id. */
  clipMarks?: ClipMarks | undefined;
  /** With it, each passage (not the headings) offers "Save clip". */
  onSaveClip?: ((passageId: string) => void) | undefined;
  /** The citation copied last (or refused by the clipboard), for feedback. */
  copied?: CopiedCitation | null | undefined;
  /** With it, each passage (not the headings) offers "Copy citation" and "Copy as Markdown". */
  onCopyCitation?: ((passage: CitedPassage, format: CitationFormat) => void) | undefined;
}

/** A heading-like passage: a section title, not a paragraph to cite. */
function isHeading(passage: DocumentPassage): boolean {
  return (
    passage.kind === 'context' &&
    !isTableRow(passage) &&
    passage.text.length < 120 &&
    !/[.;:]$/.test(passage.text)
  );
}

/** A document, readable in full: metadata, then every passage in order with its locator. */
export function DocumentView({
  detail,
  focusPassageId,
  segmentsOf,
  onBack,
  clipMarks,
  onSaveClip,
  copied,
  onCopyCitation,
}: DocumentViewProps): JSX.Element {
  const { document } = detail;
  const actors = new Map(detail.actors.map((actor) => [actor.id, actor]));
  let lastActor: string | null = null;
  return (
    <article class="document-view" aria-labelledby="document-title">
      {onBack && (
        <button type="button" class="link-button back" onClick={onBack}>
          ← Back
        </button>
      )}
      <header>
        <p class="term-category">
          {document.kind}
          <AddedMark of={document} />
        </p>
        <h2 id="document-title" class="term-title">
          {document.title}
        </h2>
        <dl class="document-meta">
          <dt>Issued by</dt>
          <dd>{document.issuingBody}</dd>
          <dt>Date</dt>
          <dd>{document.dateLabel}</dd>
          {document.place && (
            <>
              <dt>Place</dt>
              <dd>{document.place}</dd>
            </>
          )}
          {document.symbol && (
            <>
              <dt>Symbol</dt>
              <dd>{document.symbol}</dd>
            </>
          )}
        </dl>
      </header>
      <ol class="document-passages">
        {detail.passages.map((passage) => {
          const actor = actors.get(passage.actorId);
          const speakerChanged = actor?.kind === 'person' && passage.actorId !== lastActor;
          lastActor = passage.actorId;
          const focus = passage.id === focusPassageId;
          const cited = citeDocumentPassage(detail, passage);
          return (
            <li
              key={passage.id}
              id={`passage-${passage.id}`}
              class={`document-passage document-passage-${passage.kind}${focus ? ' passage-focus' : ''}`}
              aria-current={focus ? 'true' : undefined}
            >
              {speakerChanged && actor && (
                <p class="speaker">
                  {[actor.name, actor.role, actor.organisation, actor.country]
                    .filter(Boolean)
                    .join(', ')}
                </p>
              )}
              {isHeading(passage) ? (
                <h3 class="document-heading">{passage.text}</h3>
              ) : (
                <>
                  <PassageQuote
                    passage={passage}
                    prefix={
                      <>
                        <span class="passage-locator">{passage.locator}</span>{' '}
                      </>
                    }
                    renderText={(text) =>
                      segmentsOf(text).map((segment, i) =>
                        segment.emphasis ? <mark key={i}>{segment.text}</mark> : segment.text,
                      )
                    }
                  />
                  {(onSaveClip || onCopyCitation) && (
                    <div class="passage-actions">
                      {onCopyCitation && cited && (
                        <CopyCitationButtons
                          passageId={passage.id}
                          copied={copied}
                          onCopy={(format) => onCopyCitation(cited, format)}
                        />
                      )}
                      {onSaveClip && (
                        <SaveClipButton
                          passageId={passage.id}
                          mark={clipMarks?.[passage.id]}
                          onSave={() => onSaveClip(passage.id)}
                        />
                      )}
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
