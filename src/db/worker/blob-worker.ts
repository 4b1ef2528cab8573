/**
 * A Worker started from a one-line blob that loads `scriptUrl`. A worker loaded straight from its
 * URL takes its Content-Security-Policy from that script's response headers; a blob worker inherits
 * the page's, including the `connect-src` narrowed to the user's data hosts (connect-policy.ts).
 * The blob is revoked at once: the Worker constructor has already resolved it.
 */
export function inheritingWorker(scriptUrl: string, type: 'module' | 'classic'): Worker {
  const absolute = JSON.stringify(new URL(scriptUrl, globalThis.location.href).href);
  const source = type === 'module' ? `import ${absolute};` : `importScripts(${absolute});`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(blobUrl, { type });
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}
