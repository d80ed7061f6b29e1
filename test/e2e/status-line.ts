import { WAIT_MS, type PageDriver } from './browsers';

/** Runs in the page: the text of the status line (`role=status`) inside `container`. */
export function statusIn(container: string): string {
  return (document.querySelector(`${container} [role="status"]`)?.textContent ?? '').trim();
}

/** Waits until the status line inside `container` matches; answers its text. */
export async function waitForStatus(
  page: PageDriver,
  container: string,
  pattern: RegExp,
): Promise<string> {
  await page
    .waitForFunction(
      ({ container, source }: { container: string; source: string }) =>
        new RegExp(source).test(
          (document.querySelector(`${container} [role="status"]`)?.textContent ?? '').trim(),
        ),
      { container, source: pattern.source },
      WAIT_MS,
    )
    .catch(async (error: unknown) => {
      const text = await page.evaluate(statusIn, container);
      throw new Error(`status "${text}" never matched ${pattern}`, { cause: error });
    });
  return page.evaluate(statusIn, container);
}
