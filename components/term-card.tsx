import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClipMarks } from '../utils/clip-marks';
import {
  commitmentRows,
  countsLine,
  excerpt,
  groupByActor,
  groupByDocument,
  positionsSourceNote,
  strongestQuote,
  type TextSegment,
} from '../utils/term-card-model';
import { quotationParts } from '../utils/quotation';
import type { CitedPassage, TermDetail, TermSummary } from '../utils/views';
import {
  CopyCitationButtons,
  type CitationFormat,
  type CopiedCitation,
} from './copy-citation-buttons';
import { PassageQuote } from './passage-quote';
import { SaveClipButton } from './save-clip-button';
import { AddedMark } from './added-mark';

export interface TermCardProps {
  detail: TermDetail;
  /** Why this highlight was taken in the term's sense (an ambiguous alias), in one line. */
  senseNote?: string | null | undefined;
  /** How often the term is highlighted on the page the reader is on, if any. */
  pageCount?: number | undefined;
  /** Where a passage's text mentions the term, for emphasis. */
  mentionsIn: (text: string) => { start: number; end: number }[];
  /** A compact card trims passages and lists; the full view shows everything. */
  variant: 'card' | 'page';
  /** The passage the reader asked for, shown first and expanded. */
  focusPassageId?: string | undefined;
  /** The passage whose citation was just copied (or failed to be), for feedback. */
  copied?: CopiedCitation | null | undefined;
  onCopyCitation: (passage: CitedPassage, format: CitationFormat) => void;
  /** Which passages are in the reader's clips (or being saved), by passage id. */
  clipMarks?: ClipMarks | undefined;
  /** With it, each passage offers "Save clip". */
  onSaveClip?: ((passage: CitedPassage) => void) | undefined;
  onSelectTerm: (termId: string) => void;
  /** With it, each passage offers "In document": its document, scrolled to it and marked. */
  onOpenInDocument?: ((passage: CitedPassage) => void) | undefined;
  /** With it (on a web page's card, never inside Pledgemark), "Open full view" opens the term's view. */
  onOpenTermView?: (() => void) | undefined;
  onHideTerm?: (() => void) | undefined;
  /** The alias the card's highlight was found through, named by "Not this meaning". */
  meaningAlias?: string | undefined;
  /** With it, "Not this meaning" stops highlighting that alias on this site or everywhere. */
  onNotThisMeaning?: ((where: 'site' | 'everywhere') => void) | undefined;
  onClose?: (() => void) | undefined;
}

const CATEGORY_LABEL: Record<TermSummary['category'], string> = {
  organisation: 'Organisation',
  instrument: 'Resolution or instrument',
  programme: 'Programme',
  concept: 'Concept',
  group: 'Group',
};

/** How much a compact card shows before "Show all". */
const CARD_LIMITS = { groups: 3, passagesPerGroup: 2, excerpt: 220 };

/**
 * A term's context at a glance: what it is, who committed to what about it (by document), who
 * said what about it (by actor), each quote with its citation. Renders what it is given; the
 * caller fetches, copies and navigates.
 */
export function TermCard(props: TermCardProps): JSX.Element {
  const { detail, variant } = props;
  const { term } = detail;
  const titleId = `pm-term-${term.id}-title`;
  const aliases = term.aliases.filter((alias) => alias !== term.label);
  const mentionCount = (passage: CitedPassage) =>
    quotationParts(passage).reduce((count, part) => count + props.mentionsIn(part.text).length, 0);
  // The compact card leads with its strongest quote; what the term is folds below it.
  const lead = variant === 'card' ? strongestQuote(detail, mentionCount) : null;
  const sourceNote = positionsSourceNote(detail);
  const counts = `${countsLine(detail)}${props.pageCount !== undefined ? ` · ${props.pageCount} on this page` : ''}`;
  const about = (
    <>
      {aliases.length > 0 && (
        <p class="term-aliases">
          <span class="visually-hidden">Also written: </span>
          {aliases.join(' · ')}
        </p>
      )}
      <p class="term-definition">{term.definition}</p>
      {detail.sources.length > 0 && (
        <p class="term-sources">
          Based on:{' '}
          {detail.sources.map((source, i) => (
            <span key={source.id}>
              {i > 0 && '; '}
              <cite>{source.document.shortTitle}</cite>, {source.locator}
            </span>
          ))}
        </p>
      )}
    </>
  );
  const sections = { ...props, leadId: lead?.id };
  return (
    // The compact card scrolls; tabindex -1 keeps Firefox from making the scroller a tab stop.
    <article
      class={`term-card term-card-${variant}`}
      aria-labelledby={titleId}
      tabIndex={variant === 'card' ? -1 : undefined}
    >
      <header class="term-card-header">
        <p class="term-category">{CATEGORY_LABEL[term.category]}</p>
        <h2 id={titleId} class="term-title">
          {term.label}
          <AddedMark of={term} />
        </h2>
        {props.onClose && (
          <button
            type="button"
            class="icon-button close"
            aria-label="Close"
            onClick={props.onClose}
          >
            ×
          </button>
        )}
      </header>
      {props.senseNote && <p class="term-sense-note">Highlighted for {props.senseNote}.</p>}
      {lead && (
        <section class="term-lead" aria-labelledby={`${titleId}-lead`}>
          <h3 id={`${titleId}-lead`} class="visually-hidden">
            Strongest quote
          </h3>
          <ul class="passages">
            <PassageItem {...props} passage={lead} withSource />
          </ul>
        </section>
      )}
      {sourceNote && <p class="term-source-note">{sourceNote}</p>}
      {variant === 'card' ? (
        <details class="term-about">
          <summary>
            About this term <span class="term-counts">· {counts}</span>
          </summary>
          {about}
        </details>
      ) : (
        <>
          {about}
          <p class="term-counts">{counts}</p>
        </>
      )}
      <CommitmentsSection {...sections} />
      <PositionsSection {...sections} />
      {detail.related.length > 0 && (
        <section class="term-section" aria-labelledby={`${titleId}-related`}>
          <h3 id={`${titleId}-related`}>Related terms</h3>
          <ul class="related">
            {detail.related.map((related) => (
              <li key={related.id}>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => props.onSelectTerm(related.id)}
                >
                  {related.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(props.onOpenTermView || props.onHideTerm || props.onNotThisMeaning) && (
        <footer class="term-card-actions">
          {props.onOpenTermView && (
            <button type="button" onClick={() => props.onOpenTermView?.()}>
              Open full view
            </button>
          )}
          {props.onHideTerm && (
            <button type="button" onClick={props.onHideTerm}>
              Hide this term on this site
            </button>
          )}
          {props.onNotThisMeaning && (
            <NotThisMeaning
              alias={props.meaningAlias ?? term.label}
              label={term.label}
              onChoose={props.onNotThisMeaning}
            />
          )}
        </footer>
      )}
    </article>
  );
}

/** A section's props: the card's, and the lead quote it already shows (left out of the lists). */
type SectionProps = TermCardProps & { leadId: string | undefined };

function CommitmentsSection(props: SectionProps): JSX.Element | null {
  const rest = props.detail.commitments.filter((passage) => passage.id !== props.leadId);
  // The lead quote was the only one: the section would repeat it.
  if (rest.length === 0 && props.detail.commitments.length > 0) return null;
  const groups = groupByDocument(rest);
  const headingId = `pm-term-${props.detail.term.id}-commitments`;
  return (
    <section class="term-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Commitments</h3>
      {groups.length === 0 ? (
        <p class="empty">No document commits to anything about this term.</p>
      ) : props.variant === 'page' ? (
        <CommitmentsMatrix {...props} labelledBy={headingId} />
      ) : (
        <Limited
          items={groups}
          limit={props.variant === 'card' ? CARD_LIMITS.groups : Infinity}
          what={['document', 'documents']}
          render={(group) => (
            <div class="group" key={group.document.id}>
              <h4>
                <cite>{group.document.title}</cite>
                <AddedMark of={group.document} />
              </h4>
              <p class="group-meta">
                {[group.document.issuingBody, group.document.dateLabel].filter(Boolean).join(' · ')}
              </p>
              <PassageList {...props} passages={group.passages} />
            </div>
          )}
        />
      )}
    </section>
  );
}

/**
 * The full view's commitments side by side: one row per document in date order, the document
 * (short title, issuer, date) heading its row, then what it commits to about the term. A table,
 * with explicit roles so that it stays one for assistive technology when a narrow view stacks
 * its cells.
 */
function CommitmentsMatrix(props: TermCardProps & { labelledBy: string }): JSX.Element {
  return (
    <table class="commitments-matrix" role="table" aria-labelledby={props.labelledBy}>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">
            Document
          </th>
          <th role="columnheader" scope="col">
            What it commits to
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {commitmentRows(props.detail.commitments).map((row) => (
          <tr role="row" key={row.document.id} data-document={row.document.id}>
            <th role="rowheader" scope="row" class="matrix-document">
              <cite class="matrix-title" title={row.document.title}>
                {row.document.shortTitle}
              </cite>
              <AddedMark of={row.document} />
              <span class="matrix-issuer">{row.document.issuingBody}</span>
              {row.document.dateLabel && (
                <time class="matrix-date" dateTime={row.document.date.replace('/', '--')}>
                  {row.document.dateLabel}
                </time>
              )}
            </th>
            <td role="cell">
              <ul class="passages">
                {row.items.map((item) => (
                  <PassageItem
                    key={item.passage.id}
                    {...props}
                    passage={item.passage}
                    inDocumentRow
                    repeats={item.repeats}
                  />
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PositionsSection(props: SectionProps): JSX.Element | null {
  const rest = props.detail.positions.filter((passage) => passage.id !== props.leadId);
  if (rest.length === 0 && props.detail.positions.length > 0) return null;
  const groups = groupByActor(rest);
  const headingId = `pm-term-${props.detail.term.id}-positions`;
  return (
    <section class="term-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Positions</h3>
      {groups.length === 0 ? (
        <p class="empty">No actor states a position about this term.</p>
      ) : (
        <Limited
          items={groups}
          limit={props.variant === 'card' ? CARD_LIMITS.groups : Infinity}
          what={['actor', 'actors']}
          render={(group) => (
            <div class="group" key={group.actor.id}>
              <h4>{group.actor.name}</h4>
              <p class="group-meta">
                {[
                  [group.actor.role, group.actor.organisation, group.actor.country]
                    .filter(Boolean)
                    .join(', '),
                  group.passages[0]?.document.dateLabel,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <PassageList {...props} passages={group.passages} />
            </div>
          )}
        />
      )}
    </section>
  );
}

function PassageList(props: TermCardProps & { passages: CitedPassage[] }): JSX.Element {
  const ordered = props.focusPassageId
    ? [...props.passages].sort(
        (a, b) => Number(b.id === props.focusPassageId) - Number(a.id === props.focusPassageId),
      )
    : props.passages;
  return (
    <Limited
      items={ordered}
      limit={props.variant === 'card' ? CARD_LIMITS.passagesPerGroup : Infinity}
      what={['passage', 'passages']}
      list
      render={(passage) => <PassageItem key={passage.id} {...props} passage={passage} />}
    />
  );
}

function PassageItem(
  props: TermCardProps & {
    passage: CitedPassage;
    /** The passage sits in its document's row: the locator alone places it. */
    inDocumentRow?: boolean;
    /** Earlier commitments it repeats word for word. */
    repeats?: CitedPassage[];
    /** Shown on its own (the card's lead): its speaker, document and date say where it is from. */
    withSource?: boolean;
  },
): JSX.Element {
  const { passage, variant } = props;
  const [expanded, setExpanded] = useState(
    variant === 'page' || passage.id === props.focusPassageId,
  );
  const limit = expanded ? Infinity : CARD_LIMITS.excerpt;
  const longest = Math.max(...quotationParts(passage).map((part) => part.text.length));
  // `excerpt` cuts exactly the texts longer than its limit.
  const trimmed = longest > limit;
  return (
    <li class={`passage${passage.id === props.focusPassageId ? ' passage-focus' : ''}`}>
      <p class="passage-locator">
        {props.withSource
          ? [
              passage.actor.kind === 'person' ? passage.actor.name : null,
              passage.document.shortTitle,
              passage.locator,
              passage.document.dateLabel,
            ]
              .filter(Boolean)
              .join(' · ')
          : passage.locator}
        {variant === 'page' && !props.inDocumentRow && ` · ${passage.document.shortTitle}`}
        {(props.withSource || (variant === 'page' && !props.inDocumentRow)) && (
          <AddedMark of={passage.document} />
        )}
      </p>
      <blockquote class="passage-quote">
        <PassageQuote
          passage={passage}
          renderText={(text) => {
            const shown = excerpt(text, props.mentionsIn(text), limit);
            return (
              <>
                {shown.trimmedStart && '… '}
                <Segments segments={shown.segments} />
                {shown.trimmedEnd && ' …'}
              </>
            );
          }}
        />
      </blockquote>
      {props.repeats && props.repeats.length > 0 && (
        <p class="passage-repeats">
          Same wording as{' '}
          {props.repeats
            .map((earlier) => `${earlier.document.shortTitle}, ${earlier.locator}`)
            .join('; ')}
        </p>
      )}
      {/* Copying comes first: it is what a reader of a card most often does. */}
      <div class="passage-actions">
        <CopyCitationButtons
          passageId={passage.id}
          copied={props.copied}
          onCopy={(format) => props.onCopyCitation(passage, format)}
        />
        {props.onSaveClip && (
          <SaveClipButton
            passageId={passage.id}
            mark={props.clipMarks?.[passage.id]}
            onSave={() => props.onSaveClip?.(passage)}
          />
        )}
        {(trimmed || (expanded && variant === 'card' && longest > CARD_LIMITS.excerpt)) && (
          <button
            type="button"
            class="link-button"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Show less' : 'Show full text'}
          </button>
        )}
        {props.onOpenInDocument && (
          <button
            type="button"
            class="link-button"
            onClick={() => props.onOpenInDocument?.(passage)}
          >
            In document
          </button>
        )}
      </div>
    </li>
  );
}

function Segments({ segments }: { segments: TextSegment[] }): JSX.Element {
  return (
    <>
      {segments.map((segment, i) =>
        segment.emphasis ? <strong key={i}>{segment.text}</strong> : segment.text,
      )}
    </>
  );
}

/** Shows the first `limit` items and a button that reveals the rest. */
function Limited<T>({
  items,
  limit,
  what,
  list = false,
  render,
}: {
  items: T[];
  limit: number;
  /** What the items are, in the singular and the plural. */
  what: [string, string];
  list?: boolean;
  render: (item: T) => JSX.Element;
}): JSX.Element {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  const more = items.length - shown.length;
  const body = shown.map(render);
  return (
    <>
      {list ? <ul class="passages">{body}</ul> : body}
      {more > 0 && (
        <button type="button" class="link-button more" onClick={() => setAll(true)}>
          Show {more} more {more === 1 ? what[0] : what[1]}
        </button>
      )}
    </>
  );
}

/**
 * "Not this meaning": the reader says this highlight is another sense of the word, and chooses
 * whether Pledgemark stops highlighting the alias on this site or everywhere.
 */
function NotThisMeaning({
  alias,
  label,
  onChoose,
}: {
  alias: string;
  label: string;
  onChoose: (where: 'site' | 'everywhere') => void;
}) {
  const [asking, setAsking] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  // The button stays where it is (a focused element that disappears takes the card's focus with
  // it); keyboard readers are taken to the first choice, and back when they cancel. Before the
  // next paint, so that a key pressed right after lands on the choice, not on the button again.
  useLayoutEffect(() => {
    if (asking) firstChoice.current?.focus();
  }, [asking]);
  const cancel = () => {
    setAsking(false);
    toggle.current?.focus();
  };
  return (
    <>
      <button
        type="button"
        ref={toggle}
        aria-expanded={asking}
        onClick={() => (asking ? cancel() : setAsking(true))}
      >
        Not this meaning
      </button>
      {asking && (
        <div class="term-card-correction" role="group" aria-label="Not this meaning">
          <p>
            Stop highlighting “{alias}” as {label}:
          </p>
          <button type="button" ref={firstChoice} onClick={() => onChoose('site')}>
            On this site
          </button>
          <button type="button" onClick={() => onChoose('everywhere')}>
            Everywhere
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
