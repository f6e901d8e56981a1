/** The signals channel the backend publishes every claim and request change on. */
export const STORAGE_SIGNAL_CHANNEL = 'storage';

/** The channel of one entity's claims and requests. */
export function entitySignalChannel(entityRef: string): string {
  return `storage:entity:${entityRef}`;
}

/** The channel of one request. */
export function requestSignalChannel(requestId: string): string {
  return `storage:request:${requestId}`;
}

/** A claim's state changed (or the claim was deleted). */
export interface ClaimSignal {
  type: 'claim';
  cluster: string;
  namespace: string;
  name: string;
  /** The claim's labels, so a page can tell whether the claim is its entity's. */
  labels: Record<string, string>;
  entityRef?: string;
  state: string;
  severity: string;
  headline: string;
}

/** A request moved on (approved, applied, failed …). */
export interface RequestSignal {
  type: 'request';
  id: string;
  entityRef: string;
  operation: string;
  status: string;
  cluster: string;
  namespace: string;
  claimName: string;
}

export type StorageSignal = ClaimSignal | RequestSignal;
