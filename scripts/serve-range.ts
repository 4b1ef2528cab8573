import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LinkShaper, parseLinkProfile, roundTrip, type LinkProfile } from './lib/link-shaper';

export interface StaticServerOptions {
  root: string;
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  cors?: boolean;
  /** false ignores Range and always answers 200 with the whole file, like hosts without Range. */
  ranges?: boolean;
  /** Serve root/index.html for unknown paths that do not look like files. */
  spa?: boolean;
  headers?: Record<string, string>;
  /** A slow link: `latencyMs` before each response, `bytesPerSecond` shared by all bodies. */
  network?: LinkProfile;
  /**
   * Faults, for tests of how a client copes with a bad host (each off by default):
   * - `failWithStatus`: every file request (GET/HEAD) answers this status, e.g. 500;
   * - `requireBearer`: requests without `Authorization: Bearer <this>` get 401 (preflights pass);
   * - `cutAfterBytes`: a response body longer than this is cut: the connection is destroyed after
   *   this many bytes;
   * - `bytesPerSecond`: each response body is throttled to about this rate on its own;
   * - `redirectTo`: every file request gets a 302 to this origin with the same path.
   */
  failWithStatus?: number;
  requireBearer?: string;
  cutAfterBytes?: number;
  bytesPerSecond?: number;
  redirectTo?: string;
  /** Called once each response is finished, e.g. to trace which ranges a reader asked for. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  range: string | null;
  /** Whether the request carried an Authorization header (never its value). */
  authorization: boolean;
  status: number;
  bytes: number;
  /** Epoch ms when the request arrived; `ms` until the response closed. */
  at: number;
  ms: number;
}

export interface StaticServer {
  origin: string;
  port: number;
  close(): Promise<void>;
  /** Since the last reset: requests, body bytes sent, and each range request's path and range. */
  stats: { requests: number; bytes: number; ranges: RangeRequest[]; reset(): void };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.parquet': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Range, Content-Length, Accept-Ranges, ETag, Last-Modified',
};

const ZERO = { requests: 0, bytes: 0 };

export interface RangeRequest {
  path: string;
  range: string;
}

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Parses a single-range `Range` header against a file size. Returns null when the header should be
 * ignored (absent, malformed, other unit, several ranges), 'unsatisfiable' for a 416.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Maps a URL path to a file under root, or null when it escapes root or is malformed. */
function resolvePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(join(root, decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function fileAt(path: string | null): Promise<{ path: string; info: Stats } | null> {
  if (!path) return null;
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path);
    }
    return info.isFile() ? { path, info } : null;
  } catch {
    return null;
  }
}

export async function startStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(opts.root);
  const { host = '127.0.0.1', port = 0, cors = true, ranges = true, spa = false } = opts;
  const stats = {
    ...ZERO,
    ranges: [] as RangeRequest[],
    reset: () => void Object.assign(stats, ZERO, { ranges: [] }),
  };
  const link = opts.network && new LinkShaper(opts.network.bytesPerSecond);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests++;
    if (req.method === 'GET' && req.headers.range)
      stats.ranges.push({ path: req.url ?? '', range: req.headers.range });
    const started = performance.now();
    let sent = 0;
    res.on('close', () =>
      opts.onRequest?.({
        method: req.method ?? '',
        path: req.url ?? '',
        range: req.headers.range ?? null,
        authorization: req.headers.authorization !== undefined,
        status: res.statusCode,
        bytes: sent,
        at: Math.round(performance.timeOrigin + started),
        ms: performance.now() - started,
      }),
    );
    if (opts.network) await roundTrip(opts.network);
    for (const [name, value] of Object.entries(opts.headers ?? {})) res.setHeader(name, value);
    if (cors) for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      if (cors) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'Range, Authorization, If-None-Match');
      }
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS' }).end();
      return;
    }
    if (opts.requireBearer && req.headers.authorization !== `Bearer ${opts.requireBearer}`) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end('Unauthorized');
      return;
    }
    if (opts.failWithStatus) {
      res.writeHead(opts.failWithStatus, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Failing on purpose with ${opts.failWithStatus}`);
      return;
    }
    if (opts.redirectTo) {
      res.writeHead(302, { Location: new URL(req.url ?? '/', opts.redirectTo).href }).end();
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    let file = await fileAt(resolvePath(root, urlPath));
    if (!file && spa && extname(urlPath) === '' && resolvePath(root, urlPath)) {
      file = await fileAt(join(root, 'index.html'));
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const { size, mtimeMs } = file.info;
    const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    res.setHeader('Content-Type', contentType(file.path));
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', file.info.mtime.toUTCString());
    if (ranges) res.setHeader('Accept-Ranges', 'bytes');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    const range = ranges ? parseRange(req.headers.range, size) : null;
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const length = end - start + 1;
    res.setHeader('Content-Length', String(length));
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.writeHead(range ? 206 : 200);
    if (req.method === 'HEAD' || length === 0) {
      res.end();
      return;
    }
    const cut = opts.cutAfterBytes !== undefined && length > opts.cutAfterBytes;
    const last = cut ? start + opts.cutAfterBytes! - 1 : end;
    const fileStream = createReadStream(file.path, { start, end: last });
    const shaper = opts.bytesPerSecond ? new LinkShaper(opts.bytesPerSecond) : link;
    const stream = shaper ? Readable.from(shaper.pace(fileStream)) : fileStream;
    stream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      stats.bytes += chunk.length;
    });
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    // A cut leaves the response short of its Content-Length; the pause lets the bytes sent so far
    // reach the client first, so it sees a connection lost mid-body rather than no body at all.
    if (cut) stream.on('end', () => setTimeout(() => res.destroy(), 50));
    stream.pipe(res, { end: !cut });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    origin: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    stats,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((err) => (err ? fail(err) : ok()));
        server.closeAllConnections();
      }),
  };
}

function parseCli(argv: string[]): StaticServerOptions {
  const opts: StaticServerOptions = { root: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') opts.port = Number(argv[++i]);
    else if (arg === '--host') opts.host = argv[++i];
    else if (arg === '--no-cors') opts.cors = false;
    else if (arg === '--no-ranges') opts.ranges = false;
    else if (arg === '--spa') opts.spa = true;
    else if (arg === '--fail-with-status') opts.failWithStatus = Number(argv[++i]);
    else if (arg === '--require-bearer') opts.requireBearer = argv[++i];
    else if (arg === '--cut-after-bytes') opts.cutAfterBytes = Number(argv[++i]);
    else if (arg === '--bytes-per-second') opts.bytesPerSecond = Number(argv[++i]);
    else if (arg === '--redirect-to') opts.redirectTo = argv[++i];
    else if (arg === '--network') opts.network = parseLinkProfile(argv[++i] ?? '').link;
    else if (arg && !arg.startsWith('--') && !opts.root) opts.root = arg;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!opts.root || Number.isNaN(opts.port)) {
    throw new Error(
      'usage: tsx scripts/serve-range.ts <root> [--port N] [--host H] [--no-cors] [--no-ranges] ' +
        '[--spa] [--fail-with-status S] [--require-bearer T] [--cut-after-bytes N] ' +
        '[--bytes-per-second B] [--redirect-to ORIGIN] [--network 50mbit,40ms]',
    );
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const server = await startStaticServer(parseCli(process.argv.slice(2)));
    console.log(server.origin);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
