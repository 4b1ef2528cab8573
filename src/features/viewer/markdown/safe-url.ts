const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/**
 * react-markdown's `urlTransform`: only absolute http(s) and mailto URLs survive; everything else
 * (javascript:, data:, vbscript:, file:, relative and fragment links) becomes '' and the link then
 * renders as plain text. rehype-sanitize already dropped the dangerous schemes; this is the allowlist.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : '';
}
