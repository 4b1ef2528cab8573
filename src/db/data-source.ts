import { DatasetError } from './dataset-error';
import type { ShardRef } from './parquet-protocol';

/**
 * Where a dataset's shards come from. The open-data work adds local files and gated hosts; each
 * source only has to say what its shards are called and how to reach them.
 */
export interface DataSource {
  /** Stable identity: part of every query key, so results never mix datasets. */
  id: string;
  label: string;
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

/** Parquet files by URL; the host must answer range requests (and allow CORS when cross-origin). */
export function urlSource(urls: string[], baseUrl: string): DataSource {
  return {
    id: `urls:${urls.join('\n')}`,
    label: urls.length === 1 ? urls[0]! : `${urls.length} parquet files`,
    resolveShards: async () => urls.map((url) => toShard(url, baseUrl)),
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
