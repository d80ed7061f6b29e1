import { useState } from 'preact/hooks';
import type { CitationFormat, CopiedCitation } from '../../components/copy-citation-buttons';
import { citationMarkdown, citationText } from '../../utils/citation';
import type { CitedPassage } from '../../utils/views';

/**
 * Copies a passage's citation, as text or Markdown, from this extension page, and says what
 * became of the last copy: done, or refused by the clipboard.
 */
export function useCitationCopy(): [
  CopiedCitation | null,
  (passage: CitedPassage, format: CitationFormat) => void,
] {
  const [copied, setCopied] = useState<CopiedCitation | null>(null);
  const copy = (passage: CitedPassage, format: CitationFormat) => {
    const text = format === 'text' ? citationText(passage) : citationMarkdown(passage);
    navigator.clipboard.writeText(text).then(
      () => setCopied({ passageId: passage.id, format, ok: true }),
      () => setCopied({ passageId: passage.id, format, ok: false }),
    );
  };
  return [copied, copy];
}
