import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A static server on 127.0.0.1 for the bench pages, all held in memory. Pages are served
 * cross-origin isolated (COOP/COEP), which gives `performance.now()` 5 µs resolution instead of
 * 100 µs: the floor on the small pages takes well under a millisecond.
 */
export interface BenchServer {
  readonly origin: string;
  /** Serves `body` at `path` (e.g. `/synthetic/2mb.html`) as HTML. */
  add(path: string, body: Buffer | string): string;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const routes = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = routes.get(path);
    if (!body || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      // No charset: real pages declare their own in a <meta>; synthetic ones declare UTF-8.
      'content-type': 'text/html',
      'content-length': body.length,
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    add(path, body) {
      routes.set(path, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
      return `${origin}${path}`;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A saved page as the bench serves it: its scripts removed (they cannot reach their servers
 * offline and would only add their own noise to the timings) and any meta refresh dropped. The
 * markup, styles and text stay as published. Byte-preserving, whatever the page's encoding.
 */
export function withoutScripts(raw: Buffer): { body: Buffer; scriptsRemoved: number } {
  let scriptsRemoved = 0;
  const text = raw
    .toString('latin1')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, () => {
      scriptsRemoved++;
      return '';
    })
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
  return { body: Buffer.from(text, 'latin1'), scriptsRemoved };
}

/** The saved pages of `../shared/pages` (beside the repository), by name. */
const SHARED_PAGES = fileURLToPath(new URL('../../../shared/pages/', import.meta.url));

/**
 * Serves the saved pages of `../shared/pages`, their scripts removed, in name order (the first
 * `count` of them, or all): each page's file name and its address on the bench server.
 */
export function serveSharedPages(
  server: BenchServer,
  count = Infinity,
): { file: string; url: string }[] {
  return readdirSync(SHARED_PAGES)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .slice(0, count)
    .map((file) => ({
      file,
      url: server.add(`/real/${file}`, withoutScripts(readFileSync(join(SHARED_PAGES, file))).body),
    }));
}
