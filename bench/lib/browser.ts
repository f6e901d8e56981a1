/**
 * Debian's Chromium under Playwright, as the browser tests run it, and the
 * Storage tab harness served by the benchmark's backend.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { buildHarness, writePage } from './harness/build';
import { harnessPlugin } from './harness/plugin';
import {
  CHROMIUM_ARGS,
  chromiumPath,
} from '../../packages/app/e2e-tests/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * Builds the harness into a fresh directory (or reuses the bundle of this
 * `yarn bench` run: run.js names a directory in BENCH_HARNESS_BUNDLE);
 * returns the directory and the backend feature serving it.
 */
export async function prepareHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'storage-tab-'));
  const started = Date.now();
  const shared = process.env.BENCH_HARNESS_BUNDLE;
  if (shared && existsSync(join(shared, 'harness.js'))) {
    copyFileSync(join(shared, 'harness.js'), join(dir, 'harness.js'));
  } else {
    await buildHarness(dir);
    if (shared) {
      mkdirSync(shared, { recursive: true });
      copyFileSync(join(dir, 'harness.js'), join(shared, 'harness.js'));
    }
  }
  return {
    dir,
    buildMs: Date.now() - started,
    feature: harnessPlugin(dir),
    /** Writes the page for this backend and entity; returns the page's URL. */
    page(backendUrl: string, entity: object): string {
      const appUrl = `${backendUrl}/api/harness`;
      writePage(dir, { backendUrl, appUrl, entity });
      return `${appUrl}/`;
    },
  };
}
