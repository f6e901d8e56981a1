/** Every status a stored request can have. */
export const REQUEST_STATUSES = [
  'submitted',
  'pending-approval',
  'approved',
  'rejected',
  'applying',
  'applied',
  'failed',
  'cancelled',
] as const;

export type StorageRequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses of a request that is still on its way to the cluster. */
export const IN_FLIGHT_REQUEST_STATUSES = [
  'submitted',
  'pending-approval',
  'approved',
  'applying',
] as const satisfies readonly StorageRequestStatus[];

/** Statuses with no work left. */
export const TERMINAL_REQUEST_STATUSES = [
  'applied',
  'failed',
  'rejected',
  'cancelled',
] as const satisfies readonly StorageRequestStatus[];

export type InFlightRequestStatus = (typeof IN_FLIGHT_REQUEST_STATUSES)[number];
export type TerminalRequestStatus = (typeof TERMINAL_REQUEST_STATUSES)[number];

/** True while the request is still on its way to the cluster. */
export function isInFlightStatus(
  status: string,
): status is InFlightRequestStatus {
  return (IN_FLIGHT_REQUEST_STATUSES as readonly string[]).includes(status);
}

/** True once nothing more will happen to the request. */
export function isTerminalStatus(
  status: string,
): status is TerminalRequestStatus {
  return (TERMINAL_REQUEST_STATUSES as readonly string[]).includes(status);
}

/** Statuses of a request past its decision: what an approval history lists. */
export const DECIDED_REQUEST_STATUSES = [
  'approved',
  'rejected',
  'cancelled',
  'applying',
  'applied',
  'failed',
] as const satisfies readonly StorageRequestStatus[];
