import type { JSX } from 'preact';
import type { CitedPassage } from '../utils/views';
import { HighlightWords } from './highlight-words';
import { PassageQuote } from './passage-quote';
import { AddedMark } from './added-mark';

const KIND_LABEL = { commitment: 'Commitment', position: 'Position', context: 'Context' } as const;

/** One passage with everything needed to cite it: document, actor, locator and date. */
export function PassageResult({
  passage,
  matchedWords = [],
  textId,
}: {
  passage: CitedPassage;
  matchedWords?: readonly string[];
  /** An id for the quoted text, for a control that refers to it (aria-describedby). */
  textId?: string;
}): JSX.Element {
  const { document, actor } = passage;
  const actorLine = [actor.name, actor.role, actor.country].filter(Boolean).join(', ');
  return (
    <article class="passage" aria-label={`${document.shortTitle}, ${passage.locator}`}>
      <div class="passage-text" id={textId}>
        <PassageQuote
          passage={passage}
          renderText={(text) => <HighlightWords text={text} words={matchedWords} />}
        />
      </div>
      <p class="passage-meta">
        <span class={`kind kind-${passage.kind}`}>{KIND_LABEL[passage.kind]}</span>{' '}
        <cite class="document" title={document.title}>
          {document.shortTitle}
        </cite>
        <AddedMark of={document} />
        {' · '}
        <span class="locator">{passage.locator}</span>
        {' · '}
        <time dateTime={document.date.replace('/', '--')}>{document.dateLabel}</time>
      </p>
      <p class="passage-actor">{actorLine}</p>
    </article>
  );
}
