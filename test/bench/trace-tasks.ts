/** Reading Pledgemark's main-thread tasks out of a Chromium trace, for the benches. */

export interface OurTask {
  ms: number;
  /** The script evaluated in the task (`content.js`, `card-ui.js`), or null for later work. */
  evaluated: string | null;
}

/** A main-thread task in the trace (the name depends on how the task was posted). */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** The trace categories that show each main-thread task and the scripts that ran in it. */
export const TRACE_CATEGORIES = 'toplevel,devtools.timeline';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

/**
 * The renderer's main-thread tasks over `minMs` in which Pledgemark ran: those holding an event
 * of its content script (its script's evaluation, a call into its world, a callback of its
 * script). Work it causes later (the page's next frame after a write) is not counted here.
 */
export function ourTasks(
  events: readonly TraceEvent[],
  extensionOrigin: string,
  minMs: number,
): OurTask[] {
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.['name'] === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events.filter((event) => mainThreads.has(`${event.pid}:${event.tid}`));
  const isOurs = (event: TraceEvent) => {
    const data = JSON.stringify(event.args ?? {});
    return data.includes(extensionOrigin) || data.includes('"worldName":"Pledgemark"');
  };
  const ourEvents = onMain.filter(isOurs);
  const tasks = onMain.filter(
    (event) => event.ph === 'X' && TASK_EVENTS.has(event.name) && (event.dur ?? 0) > minMs * 1000,
  );
  const within = (inner: TraceEvent, outer: TraceEvent) =>
    inner !== outer &&
    inner.pid === outer.pid &&
    inner.tid === outer.tid &&
    inner.ts >= outer.ts &&
    inner.ts <= outer.ts + outer.dur!;
  const inside = (task: TraceEvent) =>
    ourEvents.filter(
      (event) =>
        event.pid === task.pid &&
        event.tid === task.tid &&
        event.ts >= task.ts &&
        event.ts <= task.ts + task.dur!,
    );
  return tasks
    .filter((task) => !tasks.some((outer) => within(task, outer)))
    .map((task) => ({ task, events: inside(task) }))
    .filter(({ events }) => events.length > 0)
    .map(({ task, events }) => {
      const evaluation = events.find((event) => event.name === 'EvaluateScript');
      const url = (evaluation?.args?.['data'] as { url?: string } | undefined)?.url;
      return { ms: task.dur! / 1000, evaluated: url ? url.slice(url.lastIndexOf('/') + 1) : null };
    });
}

/**
 * `chrome-extension://<id>` of the extension a service worker belongs to. (Node's `URL` gives
 * "null" as the origin of a scheme it does not know, which would match every trace event with a
 * null in it.)
 */
export function extensionOriginOf(workerUrl: string): string {
  const { protocol, host } = new URL(workerUrl);
  if (protocol !== 'chrome-extension:' || host === '') {
    throw new Error(`Not an extension's service worker: ${workerUrl}`);
  }
  return `${protocol}//${host}`;
}
