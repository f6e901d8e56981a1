/**
 * Bundles the Storage tab harness (harness.tsx) with esbuild into one
 * production script, in a few seconds: the browser benchmarks load it.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function buildHarness(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'harness.tsx')],
    bundle: true,
    // Readable names and a source map when profiling the page.
    minify: !process.env.BENCH_HARNESS_READABLE,
    sourcemap: process.env.BENCH_HARNESS_READABLE ? 'external' : false,
    format: 'iife',
    target: 'chrome120',
    outfile: join(outDir, 'harness.js'),
    jsx: 'automatic',
    logLevel: 'error',
    define: {
      'process.env.NODE_ENV': '"production"',
      'process.env.APP_CONFIG': '[]',
      global: 'globalThis',
    },
    loader: {
      '.svg': 'dataurl',
      '.png': 'dataurl',
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
    },
  });
}

/** The page, with the backend URL and the entity as the app's config. */
export function writePage(
  outDir: string,
  config: { backendUrl: string; appUrl: string; entity: object },
) {
  const data = {
    app: { baseUrl: config.appUrl, title: 'Storage tab' },
    backend: { baseUrl: config.backendUrl },
    bench: { entity: config.entity },
  };
  writeFileSync(
    join(outDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Storage tab</title>
<script type="backstage.io/config">${JSON.stringify([
      { context: 'bench', data },
    ]).replace(/</g, '\\u003c')}</script></head>
<body><div id="root"></div><script src="harness.js"></script></body></html>`,
  );
}
