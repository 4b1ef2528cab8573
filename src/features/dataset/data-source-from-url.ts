import { sampleSource, urlSource, type DataSource } from '../../db';

/**
 * `?data=<url>` (repeatable) opens those parquet files, or the parquet files of a Hugging Face
 * dataset page; without it the embedded sample opens.
 */
export function dataSourceFromUrl(href: string): DataSource {
  const url = new URL(href);
  const data = url.searchParams.getAll('data').filter((u) => u.trim() !== '');
  const base = new URL(import.meta.env.BASE_URL, url).href;
  return data.length > 0 ? urlSource(data, base) : sampleSource(base);
}

/** URLs typed in the Open dialog (now, or before the reload that allowed their host). */
export function typedUrlSource(urls: string[]): DataSource {
  return urlSource(urls, new URL(import.meta.env.BASE_URL, window.location.href).href);
}
