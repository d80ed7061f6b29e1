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
