import { DatasetError } from '../engine/dataset-error';

/**
 * Hugging Face Hub addresses a user may paste, and how they become parquet URLs:
 * - a dataset page (`https://huggingface.co/datasets/lmsys/lmsys-chat-1m`, optionally
 *   `/tree/<rev>/<folder>` or `/viewer/...`) or `hf://datasets/<repo>[@<rev>][/<folder>]`: every
 *   parquet file the Hub lists under it;
 * - one file (`.../resolve/<rev>/<path>`, `.../blob/<rev>/<path>`, `hf://datasets/<repo>/<path>.parquet`):
 *   its `resolve` URL, which the Hub redirects to its CDN.
 */
export type HubTarget =
  | { kind: 'dataset'; repo: string; revision: string; folder: string }
  | { kind: 'file'; url: string };

const HUB = 'https://huggingface.co';
const FILE_VIEWS = new Set(['resolve', 'blob']);
const VIEWS = new Set(['resolve', 'blob', 'tree', 'viewer']);

export function parseHubUrl(raw: string): HubTarget | null {
  const text = raw.trim();
  if (text.startsWith('hf://')) return parseHfScheme(text.slice('hf://'.length));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || (host !== 'huggingface.co' && host !== 'hf.co')) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'datasets' || parts.length < 2) return null;
  // Repos are `owner/name`; a few old ones are a bare name (`/datasets/squad/tree/main`).
  const ownerless = parts.length === 2 || VIEWS.has(parts[2]!);
  const repo = ownerless ? parts[1]! : `${parts[1]}/${parts[2]}`;
  const [view, revision = 'main', ...rest] = parts.slice(ownerless ? 2 : 3);
  const path = rest.join('/');
  if (view && FILE_VIEWS.has(view) && path) {
    return { kind: 'file', url: `${HUB}/datasets/${repo}/resolve/${revision}/${path}` };
  }
  if (view === 'tree') return { kind: 'dataset', repo, revision, folder: path };
  if (view === undefined || view === 'viewer') {
    return { kind: 'dataset', repo, revision: 'main', folder: '' };
  }
  return null;
}

/** `hf://datasets/owner/name[@rev][/path]`, the address DuckDB and huggingface_hub use. */
function parseHfScheme(rest: string): HubTarget | null {
  const parts = rest.split('/').filter(Boolean);
  if (parts[0] !== 'datasets' || parts.length < 3) return null;
  const [name = '', revision = 'main'] = parts[2]!.split('@');
  const repo = `${parts[1]}/${name}`;
  const path = parts.slice(3).join('/');
  if (path.endsWith('.parquet')) {
    return { kind: 'file', url: `${HUB}/datasets/${repo}/resolve/${revision}/${path}` };
  }
  return { kind: 'dataset', repo, revision, folder: path };
}

interface TreeEntry {
  type: string;
  path: string;
}

/**
 * The parquet files of a dataset (or one folder of it), through the Hub's tree API; when the repo
 * holds none (data in JSON or CSV), the Hub's own parquet conversion from its parquet API.
 * `hubFetch` adds the user's token, if any (hub-auth.ts).
 */
export async function listHubParquet(
  target: Extract<HubTarget, { kind: 'dataset' }>,
  hubFetch: typeof fetch,
  signal?: AbortSignal,
): Promise<{ name: string; url: string }[]> {
  const { repo, revision, folder } = target;
  const tree = await getJson<TreeEntry[]>(
    `${HUB}/api/datasets/${repo}/tree/${revision}${folder ? `/${folder}` : ''}?recursive=true`,
    repo,
    hubFetch,
    signal,
  );
  const files = tree
    .filter((e) => e.type === 'file' && e.path.endsWith('.parquet'))
    .map((e) => e.path)
    .sort();
  if (files.length > 0) {
    return files.map((path) => ({
      name: path.slice(path.lastIndexOf('/') + 1),
      url: `${HUB}/datasets/${repo}/resolve/${revision}/${path.split('/').map(encodeURIComponent).join('/')}`,
    }));
  }
  const converted = await getJson<Record<string, Record<string, string[]>>>(
    `${HUB}/api/datasets/${repo}/parquet`,
    repo,
    hubFetch,
    signal,
  );
  const config = converted.default ?? Object.values(converted)[0] ?? {};
  const urls = config.train ?? Object.values(config).flat();
  if (urls.length === 0) {
    throw new DatasetError({ file: `${HUB}/datasets/${repo}`, message: 'has no parquet files' });
  }
  // Converted files are `<config>/<split>/<n>.parquet`: keep the split in the name.
  return urls.map((url) => ({ name: url.split('/').slice(-2).join('/'), url }));
}

async function getJson<T>(
  url: string,
  repo: string,
  hubFetch: typeof fetch,
  signal?: AbortSignal,
): Promise<T> {
  const file = `${HUB}/datasets/${repo}`;
  let response: Response;
  try {
    response = await hubFetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DatasetError({
      file,
      message: 'could not be listed: huggingface.co is unreachable from this page',
    });
  }
  if (response.ok) return (await response.json()) as T;
  await response.body?.cancel();
  throw new DatasetError({ file, message: hubRefusal(response.status) });
}

/** What a Hub status means for the user, with what to do about it. */
export function hubRefusal(status: number): string {
  if (status === 401) {
    return (
      'is gated or private (HTTP 401): enter a Hugging Face access token in Open data, and accept ' +
      "the dataset's conditions on its page"
    );
  }
  if (status === 403) {
    return (
      "refused the access token (HTTP 403): accept the dataset's conditions on its Hugging Face " +
      "page while signed in as the token's owner, or use a token with read access"
    );
  }
  if (status === 404) {
    return 'was not found on the Hub (HTTP 404): check the name, or enter a token if it is private';
  }
  return `could not be listed (HTTP ${status})`;
}
