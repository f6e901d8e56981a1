import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';

/** Whether the suite runs in full (`yarn test:reliability`) or bounded. */
export const FULL = process.env.RELIABILITY_FULL === '1';

/** Counts the suite reports; lost, duplicated and false records must stay 0. */
export interface ReliabilitySummary {
  mode: 'full' | 'bounded';
  faultsInjected: number;
  requests: number;
  kills: number;
  lost: number;
  duplicated: number;
  falseRecords: number;
  scenarios: Record<string, Record<string, number>>;
  startedAt: string;
  durationMs: number;
}

export function newSummary(): ReliabilitySummary {
  return {
    mode: FULL ? 'full' : 'bounded',
    faultsInjected: 0,
    requests: 0,
    kills: 0,
    lost: 0,
    duplicated: 0,
    falseRecords: 0,
    scenarios: {},
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
}

export const SUMMARY_FILE = resolvePackagePath(
  '@eks-storage/backstage-plugin-storage-backend',
  'reliability-summary.json',
);

/**
 * Prints the summary; the full run also writes it beside package.json,
 * where the last full run's summary is kept.
 */
export function reportSummary(summary: ReliabilitySummary) {
  summary.durationMs = Date.now() - Date.parse(summary.startedAt);
  const text = `${JSON.stringify(summary, null, 2)}\n`;
  if (FULL) {
    fs.writeFileSync(SUMMARY_FILE, text);
  }
  process.stdout.write(`Reliability summary (${summary.mode}):\n${text}`);
}
