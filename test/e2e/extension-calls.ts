/** Runs in an extension page: one call to the background, as the popup makes it. */
export function askBackground({
  name,
  request,
}: {
  name: string;
  request: object;
}): Promise<unknown> {
  type RuntimeApi = { sendMessage: (message: unknown) => Promise<unknown> };
  const api = globalThis as unknown as {
    browser?: { runtime: RuntimeApi };
    chrome: { runtime: RuntimeApi };
  };
  return (api.browser ?? api.chrome).runtime.sendMessage({
    channel: 'pledgemark/v1',
    name,
    request,
  });
}

/** Runs in the page: sets a field's value as typing would (every browser, every driver). */
export function fill({ selector, value }: { selector: string; value: string }): void {
  const field = document.querySelector<HTMLInputElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

/** Runs in the page: clicks the enabled button whose text (or label) is `name`, if there is one. */
export function clickButton(name: string): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
    (candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim() === name &&
      !candidate.disabled,
  );
  button?.click();
  return button !== undefined;
}
