import {
  ClaimState,
  CostEstimate,
  DRIVERS,
  DiagnosisSeverity,
  DriverId,
  parseQuantity,
} from '@eks-storage/backstage-plugin-storage-common';

/** Short names of access modes, as kubectl prints them. */
export const ACCESS_MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** What each access mode means, in plain words. */
export const ACCESS_MODE_HELP: Record<string, string> = {
  ReadWriteOnce: 'Read-write by the pods of one node at a time',
  ReadOnlyMany: 'Read-only by many pods on many nodes',
  ReadWriteMany: 'Read-write by many pods on many nodes',
  ReadWriteOncePod: 'Read-write by a single pod',
};

export function formatAccessModes(modes: readonly string[]): string {
  return modes.map(mode => ACCESS_MODE_SHORT[mode] ?? mode).join(', ');
}

/** Labels of claim states, and of request statuses shown in the same column. */
export const STATE_LABELS: Record<string, string> = {
  provisioning: 'Provisioning',
  'waiting-for-consumer': 'Waiting for a pod',
  bound: 'Bound',
  resizing: 'Resizing',
  'resize-pending-restart': 'Restart to finish resize',
  failed: 'Failed',
  lost: 'Lost',
  terminating: 'Terminating',
  released: 'Released',
  available: 'Available',
  deleted: 'Deleted',
  submitted: 'Submitted',
  'pending-approval': 'Pending approval',
  approved: 'Approved',
  applying: 'Applying',
  applied: 'Applied',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

export function stateLabel(state: ClaimState | string): string {
  return STATE_LABELS[state] ?? state;
}

/**
 * The chip of a claim: its state, said plainly when a bound claim cannot be
 * used (AZ conflict, Multi-Attach, mount failure) so "Bound" never shows red.
 */
export function claimStatusLabel(diagnosis: {
  state: ClaimState | string;
  severity: DiagnosisSeverity | string;
}): string {
  if (diagnosis.state === 'bound' && diagnosis.severity === 'error') {
    return 'Bound, pod blocked';
  }
  if (diagnosis.state === 'bound' && diagnosis.severity === 'warning') {
    return 'Bound, needs attention';
  }
  return stateLabel(diagnosis.state);
}

export const SEVERITY_ORDER: Record<DiagnosisSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
  ok: 3,
};

export function driverTitle(driver: DriverId | string | undefined): string {
  if (!driver) return 'Unknown driver';
  return DRIVERS[driver as DriverId]?.title ?? driver;
}

/** A short driver name for tight columns: "EBS", "FSx for Lustre". */
export function driverShortTitle(driver: DriverId | string | undefined) {
  return driverTitle(driver).replace(/^Amazon /, '');
}

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatUsd(value: number): string {
  return usd.format(value);
}

/** "$1.60/mo", "$0.30/GiB-mo, billed by use", or "—". */
export function formatMonthlyCost(cost: CostEstimate | undefined): string {
  if (!cost) return '—';
  if (cost.totalMonthlyUsd !== undefined) {
    return `${formatUsd(cost.totalMonthlyUsd)}/mo`;
  }
  if (cost.usagePricePerGiBMonth !== undefined) {
    return `${formatUsd(cost.usagePricePerGiBMonth)}/GiB-mo, by use`;
  }
  return cost.billedByUse ? 'Billed by use' : '—';
}

/** A number for sorting by cost: usage-billed storage sorts after sized storage of the same cost. */
export function costSortValue(cost: CostEstimate | undefined): number {
  if (!cost) return -1;
  return cost.totalMonthlyUsd ?? 0;
}

export function quantityBytes(quantity: string | undefined): number {
  return parseQuantity(quantity) ?? -1;
}

/** "3 days", "5 minutes": the age of something from an ISO time. */
export function formatAge(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '—';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  const units: Array<[number, string]> = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size) return `${Math.floor(seconds / size)}${unit}`;
  }
  return `${seconds}s`;
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

/** The message of any error, for people. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
