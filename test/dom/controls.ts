/** A control in a rendered view by its accessible name: its label's text, aria-label or own text. */
export function byName(root: HTMLElement, name: string): HTMLElement {
  for (const label of root.querySelectorAll('label')) {
    if (label.textContent?.trim() === name) return root.querySelector(`#${label.htmlFor}`)!;
  }
  const found = [...root.querySelectorAll<HTMLElement>('button, a')].find(
    (control) => (control.getAttribute('aria-label') ?? control.textContent ?? '').trim() === name,
  );
  if (!found) throw new Error(`No control named “${name}”`);
  return found;
}
