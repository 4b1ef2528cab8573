import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { suffixRanges } from './scripts/lib/suffix-ranges.ts';

/**
 * The production Content-Security-Policy (docs/architecture.md). No 'unsafe-eval': WebAssembly gets
 * 'wasm-unsafe-eval' only. Data may come from the app's origin or any https host the user names (and
 * plain http on loopback, for local hosting); issue-level hardening narrows connect-src further.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' data:",
  // React, TanStack Virtual and Recharts position elements with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The dev server needs inline scripts for hot reload, so the policy is added to builds only. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'convoscope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), suffixRanges()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // Workers take their policy from their own response headers, not from the page's meta tag.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
