/** The badge is refreshed at most this often while a page keeps adding highlights. */
export const REPORT_INTERVAL_MS = 500;

/**
 * A report of the page's terms (for the toolbar badge) that runs at most once per interval
 * however often it is asked for: the last counts are sent when the interval ends.
 */
export function throttledReport(
  schedule: (run: () => void, delayMs: number) => void,
  report: () => void,
): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      report();
    }, REPORT_INTERVAL_MS);
  };
}
