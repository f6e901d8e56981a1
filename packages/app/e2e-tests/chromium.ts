import { execFileSync } from 'node:child_process';

/** Debian's Chromium, found on PATH unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string {
  return (
    process.env.CHROMIUM_PATH ??
    execFileSync('sh', ['-c', 'command -v chromium']).toString().trim()
  );
}

/**
 * How the browser tests and the browser benchmarks run it: headless, with
 * no sandbox (containers have none to give) and none of Chromium's own
 * network traffic.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
