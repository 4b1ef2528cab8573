import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

/**
 * parquet-wasm reads a footer with a suffix range (`Range: bytes=-8`), which Vite's static server
 * (sirv) answers with the whole file. This rewrites suffix ranges into explicit ones that sirv
 * handles, so `vite dev` and `vite preview` serve parquet like any real static host.
 */
export function suffixRanges(): Plugin {
  let outDir = 'dist';
  let publicDir = 'public';
  return {
    name: 'convoscope-suffix-ranges',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    configureServer(server) {
      server.middlewares.use(rewrite(() => publicDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(rewrite(() => outDir));
    },
  };
}

function rewrite(root: () => string): Connect.NextHandleFunction {
  return (req, _res, next) => {
    const suffix = /^bytes=-(\d+)$/.exec(req.headers.range ?? '');
    if (suffix && req.url) {
      const size = fileSize(root(), new URL(req.url, 'http://localhost').pathname);
      if (size !== undefined && size > 0) {
        const start = Math.max(0, size - Number(suffix[1]));
        req.headers.range = `bytes=${start}-${size - 1}`;
      }
    }
    next();
  };
}

function fileSize(root: string, urlPath: string): number | undefined {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(normalize(root) + sep)) return undefined;
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
