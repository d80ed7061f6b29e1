import { useEffect, useState } from 'preact/hooks';
import { callBackground, type SendMessage } from '../../utils/messaging';
import type { Settings } from '../../utils/settings';

/** The most term ids one `describeTerms` call may carry (the background refuses more). */
const MAX_DESCRIBED = 2_000;

/**
 * The labels of the terms the reader hid or corrected, on every site, by term id: asked of the background when
 * the list changes (the term matcher the popup carries has the terms' aliases, not their labels).
 * A term the background cannot describe is missing, and is shown by its id.
 */
export function useHiddenTermLabels(
  send: SendMessage,
  settings: Settings | null,
): Readonly<Record<string, string>> {
  const [labels, setLabels] = useState<Record<string, string>>({});
  const termIds = [
    ...new Set([
      ...Object.values(settings?.hiddenTerms ?? {}).flat(),
      ...(settings?.senseCorrections ?? []).map((correction) => correction.termId),
    ]),
  ].sort();
  const key = termIds.join('\n');
  useEffect(() => {
    const missing = termIds.filter((termId) => !(termId in labels)).slice(0, MAX_DESCRIBED);
    if (missing.length === 0) return;
    let current = true;
    void callBackground(send, 'describeTerms', { termIds: missing }).then((result) => {
      if (!current || !result.ok) return;
      setLabels((known) => ({
        ...known,
        ...Object.fromEntries(result.value.map((term) => [term.id, term.label])),
      }));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return labels;
}
