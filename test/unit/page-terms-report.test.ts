import { describe, expect, it, vi } from 'vitest';
import { REPORT_INTERVAL_MS, throttledReport } from '../../entrypoints/content/page-terms-report';

describe('throttledReport', () => {
  it('reports once per interval however often it is asked, and again after it', () => {
    vi.useFakeTimers();
    try {
      const report = vi.fn();
      const ask = throttledReport((run, delay) => setTimeout(run, delay), report);
      for (let i = 0; i < 50; i++) ask();
      expect(report).not.toHaveBeenCalled();
      vi.advanceTimersByTime(REPORT_INTERVAL_MS);
      expect(report).toHaveBeenCalledTimes(1);
      ask();
      vi.advanceTimersByTime(REPORT_INTERVAL_MS);
      expect(report).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
