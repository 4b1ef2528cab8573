import { rangeFetch } from '../net/range-fetch';
import type { ShardRef } from '../worker/parquet-protocol';
import type { ShardIdentity } from '../cache/table-cache-key';
import {
  manifestUrlBeside,
  parseSidecarManifest,
  sidecarMismatch,
  type TextIndexEntry,
} from '../build/sidecar';
import { TEXT_INDEX_FORMAT } from './format';
import type { ReadRange, TextIndexFiles } from './text-index-reader';

/**
 * The text index named by the manifest beside URL shards, when it was made from exactly these
 * shards; null otherwise (none, stale, or unreadable: the search then scans, as without one).
 */
export async function locateTextIndex(
  shards: readonly ShardRef[],
  identities: readonly ShardIdentity[] | undefined,
  rows: number,
  fetchFn: typeof fetch,
): Promise<TextIndexFiles | null> {
  const first = shards[0]?.url;
  if (!first || !identities || shards.some((s) => !s.url)) return null;
  const manifestUrl = manifestUrlBeside(first);
  let json: unknown;
  try {
    const response = await fetchFn(manifestUrl, { cache: 'no-cache' });
    if (!response.ok) return null;
    json = await response.json();
  } catch {
    return null;
  }
  const manifest = parseSidecarManifest(json);
  if ('problem' in manifest || sidecarMismatch(manifest, identities)) return null;
  const entry = manifest.textIndex;
  if (!validEntry(entry) || entry.rows !== rows || manifest.table.rows !== rows) return null;
  const url = (key: FileKey) => new URL(entry.files[key].file, manifestUrl).href;
  const urls = Object.fromEntries(FILE_KEYS.map((key) => [key, url(key)]));
  return { entry, urls: urls as TextIndexFiles['urls'] };
}

const FILE_KEYS = ['dir', 'vocab', 'postings', 'words'] as const;
type FileKey = (typeof FILE_KEYS)[number];

/** The entry is untrusted input: its files must sit beside the manifest. */
function validEntry(entry: TextIndexEntry | undefined): entry is TextIndexEntry {
  if (!entry || entry.format !== TEXT_INDEX_FORMAT || !Number.isSafeInteger(entry.rows))
    return false;
  return FILE_KEYS.every((k) => {
    const f = entry.files?.[k];
    return typeof f?.file === 'string' && /^[\w.-]+$/.test(f.file) && Number.isSafeInteger(f.bytes);
  });
}

/**
 * Reads byte ranges over HTTP through the shards' own range fetch (`rangeFetch`: a host that
 * ignores Range is a clear error, never a whole download; a body cut short is named).
 */
export function httpReadRange(fetchFn: typeof fetch): ReadRange {
  const ranged = rangeFetch(fetchFn);
  return async (url, start, end) => {
    if (end <= start) return new Uint8Array(0);
    const response = await ranged(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
    if (!response.ok)
      throw new Error(`reading the text index at ${url} failed (HTTP ${response.status})`);
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.length !== end - start)
      throw new Error(
        `the host sent ${body.length} bytes of the text index where ${end - start} were asked for`,
      );
    return body;
  };
}
