import type { ConsoleFinding } from '@eks-storage/backstage-plugin-storage-common';
import { formatUsd } from './format';

type FindingSeverity = ConsoleFinding['severity'];

/** How a finding's severity reads in a chip. */
export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

export const FINDING_SEVERITY_ORDER: Record<FindingSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** "PersistentVolumeClaim payments/data-0", "StorageClass gp2". */
export function objectLabel(object: ConsoleFinding['object']): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${
    object.name
  }`;
}

/** Findings worst first, then by cluster and object, so a table reads in a stable order. */
export function sortFindings<
  T extends Pick<ConsoleFinding, 'severity' | 'cluster' | 'object' | 'code'>,
>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      FINDING_SEVERITY_ORDER[a.severity] - FINDING_SEVERITY_ORDER[b.severity] ||
      a.cluster.localeCompare(b.cluster) ||
      objectLabel(a.object).localeCompare(objectLabel(b.object)) ||
      a.code.localeCompare(b.code),
  );
}

/** The sum of the monthly prices at stake, rounded to cents. */
export function monthlyTotal(
  items: readonly { monthlyUsd?: number }[],
): number {
  const cents = items.reduce(
    (sum, item) => sum + Math.round((item.monthlyUsd ?? 0) * 100),
    0,
  );
  return cents / 100;
}

/** "$12.80/mo", or "—" when the price is not known. */
export function formatMonthlyUsd(usd: number | undefined): string {
  return usd === undefined ? '—' : `${formatUsd(usd)}/mo`;
}

/** "83%": a share (0..1) as a whole percentage. */
export function formatPercent(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${Math.round(fraction * 100)}%`;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** "1.5 GiB": bytes in binary units, as Kubernetes quantities read. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 || unit === 0 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${BINARY_UNITS[unit]}`;
}

/** "3 days", "1 day", "today". */
export function formatDays(days: number | undefined): string {
  if (days === undefined) return '—';
  if (days < 1) return 'today';
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** The distinct values of a field, sorted, for a filter's options. */
export function distinct<T>(
  items: readonly T[],
  pick: (item: T) => string | undefined,
): string[] {
  const values = new Set<string>();
  for (const item of items) {
    const value = pick(item);
    if (value) values.add(value);
  }
  return [...values].sort((a, b) => a.localeCompare(b));
}

/** "1 claim", "3 claims"; words with other plurals pass theirs. */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** "in 5 hours", "in 3 days", "2 days ago". */
export function relativeTime(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const hours = Math.round((at - now) / 3_600_000);
  const span =
    Math.abs(hours) < 48
      ? plural(Math.abs(hours), 'hour')
      : plural(Math.round(Math.abs(hours) / 24), 'day');
  if (hours === 0) return 'within the hour';
  return hours > 0 ? `in ${span}` : `${span} ago`;
}
