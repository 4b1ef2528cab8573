import { DatasetError } from '../engine/dataset-error';
import { currentHubAuth, withHubAuth } from './hub-auth';
import { listHubParquet, parseHubUrl } from './hub-datasets';
import type { ShardRef } from '../worker/parquet-protocol';

/**
 * Where a dataset's shards come from. The open-data work adds local files and gated hosts; each
 * source only has to say what its shards are called and how to reach them.
 */
export interface DataSource {
  /** Stable identity: part of every query key, so results never mix datasets. */
  id: string;
  label: string;
  /** The `data` URL params that reopen this source from a link; null when no link can (local files). */
  link: string[] | null;
  resolveShards(signal?: AbortSignal): Promise<ShardRef[]>;
}

interface SampleManifest {
  files: { name: string }[];
}

/** The embedded sample, served by the app itself under `sample/`. */
export function sampleSource(baseUrl: string): DataSource {
  const manifestUrl = new URL('sample/manifest.json', baseUrl).href;
  return {
    id: 'sample',
    label: 'Embedded sample',
    link: [],
    async resolveShards(signal) {
      const response = await fetch(manifestUrl, { signal });
      if (!response.ok) {
        throw new DatasetError({
          file: 'sample/manifest.json',
          message: `could not be loaded (HTTP ${response.status}); run "npm run sample" to generate the sample`,
        });
      }
      const manifest = (await response.json()) as SampleManifest;
      return manifest.files.map((f) => ({
        name: f.name,
        url: new URL(`sample/${encodeURIComponent(f.name)}`, baseUrl).href,
      }));
    },
  };
}

/**
 * Parquet files by URL; the host must answer range requests (and allow CORS when cross-origin).
 * Hugging Face dataset pages expand to their parquet files (hub-datasets.ts), listed with the
 * user's token when there is one.
 */
export function urlSource(
  urls: string[],
  baseUrl: string,
  doFetch: typeof fetch = fetch,
): DataSource {
  const hub = urls.length === 1 ? parseHubUrl(urls[0]!) : null;
  return {
    id: `urls:${urls.join('\n')}`,
    label:
      hub?.kind === 'dataset'
        ? hub.repo
        : urls.length === 1
          ? urls[0]!
          : `${urls.length} parquet files`,
    link: urls,
    async resolveShards(signal) {
      const hubFetch = withHubAuth(doFetch, currentHubAuth);
      const lists = await Promise.all(
        urls.map(async (raw) => {
          const target = parseHubUrl(raw);
          if (target?.kind === 'dataset') {
            const files = await listHubParquet(target, hubFetch, signal);
            return files.map((f) => ({ name: f.name, url: f.url }));
          }
          return [toShard(target?.url ?? raw, baseUrl)];
        }),
      );
      return lists.flat();
    },
  };
}

/**
 * Files the user picked or dropped, read lazily through their handles: the parquet workers read
 * footers and row groups as `File.slice`s, never the whole file. Sorted by name, so the same files
 * give the same `row` order however they were chosen.
 */
export function fileSource(files: File[]): DataSource {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    id: `files:${sorted.map((f) => `${f.name}:${f.size}:${f.lastModified}`).join('\n')}`,
    label: sorted.length === 1 ? sorted[0]!.name : `${sorted.length} local files`,
    link: null,
    resolveShards: async () => sorted.map((file) => ({ name: file.name, file })),
  };
}
function toShard(raw: string, baseUrl: string): ShardRef {
  let url: URL;
  try {
    url = new URL(raw, baseUrl);
  } catch {
    throw new DatasetError({ file: raw, message: 'is not a valid URL' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DatasetError({ file: raw, message: 'is not an http(s) URL' });
  }
  const path = url.pathname;
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url.href;
  return { name, url: url.href };
}
