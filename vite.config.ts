import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { suffixRanges } from './scripts/lib/suffix-ranges.ts';

/**
 * The production Content-Security-Policy (docs/architecture.md). No 'unsafe-eval': WebAssembly gets
 * 'wasm-unsafe-eval' only. Workers are same-origin scripts started from blob URLs
 * (src/db/blob-worker.ts) so that they inherit the page's policy. `connect-src` here is only the
 * widest the page could need: at start the page adds a second policy naming its origin and the
 * user's data hosts (src/db/connect-policy.ts), and the browser enforces the narrower.
 */
const policy = (connectSrc: string) =>
  [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src ${connectSrc}`,
    "img-src 'self' data:",
    // React, TanStack Virtual and Recharts position elements with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

export const CONTENT_SECURITY_POLICY = policy(
  "'self' https: http://localhost:* http://127.0.0.1:*",
);

/**
 * For every response but the page itself: a script started as a Worker straight from its URL
 * takes its policy from its own response headers, and the app never does that, so such a worker
 * may reach nothing but the origin.
 */
const SUBRESOURCE_POLICY = policy("'self'");

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

/** `vite preview` sends the policy as a header too: the page's for documents, the narrow one else. */
function previewPolicyHeaders(): Plugin {
  return {
    name: 'convoscope-csp-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!;
        const file = path.slice(path.lastIndexOf('/') + 1);
        const document = !file.includes('.') || file.endsWith('.html');
        res.setHeader(
          'Content-Security-Policy',
          document ? CONTENT_SECURITY_POLICY : SUBRESOURCE_POLICY,
        );
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
    previewPolicyHeaders(),
    suffixRanges(),
  ],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
