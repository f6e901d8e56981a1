/**
 * What each benchmark hands to the assembled results: one or more
 * measurements, each `{ ours, baseline, goal, unit, machine, date }` with
 * whatever else explains it (the bottleneck removed, notes). Written to
 * `bench/<name>/result.json` on full runs only; `yarn bench` then assembles
 * bench/RESULTS.md and bench/results/latest.json from every part.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { writeFormatted } = require('./assemble');
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** A goal on one figure: `ours.p99Ms < 20`, `speedup >= 50`. */
export interface Goal {
  /** Dotted path into the measurement (`ours.p99Ms`, `speedup`). */
  figure: string;
  op: '<' | '<=' | '>=' | '>' | '==';
  value: number;
}

export interface Measurement {
  title: string;
  ours: Record<string, unknown>;
  baseline: Record<string, unknown> | null;
  goal: Goal[];
  /** The unit of the figures without one in their name. */
  unit: string;
  /** What the first bottleneck was and the figure before and after removing it. */
  bottleneck?: { what: string; before: string; after: string };
  /** The bottlenecks found and removed after the first, in order. */
  nextBottlenecks?: Array<{ what: string; before: string; after: string }>;
  /** How it was measured, in a sentence or two. */
  method?: string;
  [extra: string]: unknown;
}

export function machine() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/**
 * Writes the benchmark's part (unless smoke) and prints it. `dir` is the
 * benchmark's directory (its __dirname).
 */
export function writePart(
  dir: string,
  measurements: Record<string, Measurement>,
  options: { smoke: boolean; details?: string },
) {
  const date = new Date().toISOString();
  const part = Object.fromEntries(
    Object.entries(measurements).map(([key, m]) => [
      key,
      { ...m, machine: machine(), date },
    ]),
  );
  const text = `${JSON.stringify(part, null, 2)}\n`;
  if (options.smoke) {
    process.stdout.write(`(smoke: nothing written)\n${text}`);
    return;
  }
  writeFormatted(join(dir, 'result.json'), text, 'json');
  if (options.details) {
    writeFormatted(join(dir, 'results.md'), options.details, 'markdown');
  }
  process.stdout.write(text);
}
