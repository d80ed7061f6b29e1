import type { ComponentChildren, JSX } from 'preact';
import { quotationParts, type Quotable } from '../utils/quotation';

/**
 * A passage's quotation as the source has it: prose as one text; a table row as its cells, each
 * under its column's label and quoted on its own, never run together into one sentence.
 * `renderText` renders a part's text (with emphasis, an excerpt …); plain text by default.
 */
export function PassageQuote({
  passage,
  renderText = (text) => text,
  proseClass,
  prefix,
}: {
  passage: Quotable;
  renderText?: (text: string) => ComponentChildren;
  /** The class of the prose paragraph. */
  proseClass?: string | undefined;
  /** Shown before the quotation (e.g. the locator in a document view). */
  prefix?: ComponentChildren;
}): JSX.Element {
  const parts = quotationParts(passage);
  if (parts.length === 1 && parts[0]!.label === null) {
    return (
      <p class={proseClass}>
        {prefix}
        {renderText(parts[0]!.text)}
      </p>
    );
  }
  return (
    <div class="table-row-quote">
      {prefix && <p class="table-row-prefix">{prefix}</p>}
      <dl class="passage-fields">
        {parts.map((part, i) => (
          <div key={i} class="passage-field">
            <dt>{part.label}</dt>
            <dd>
              <q>{renderText(part.text)}</q>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
