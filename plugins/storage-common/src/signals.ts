/**
 * Storage signals are nudges: every message is `{ type: 'changed' }` and
 * says nothing else, since anyone may listen on any channel. The channels
 * of entities, claims and requests go out under opaque names that pages
 * learn from the API (`signalChannel` in its answers); the page then
 * refetches through the permission-checked API.
 */
export interface StorageChangedSignal {
  type: 'changed';
}

/** The signals channel the backend nudges on every claim and request change. */
export const STORAGE_SIGNAL_CHANNEL = 'storage';

/** The channel of one entity's claims and requests. */
export function entitySignalChannel(entityRef: string): string {
  return `storage:entity:${entityRef}`;
}

/** The channel of one request. */
export function requestSignalChannel(requestId: string): string {
  return `storage:request:${requestId}`;
}

/** The channel of one claim (published under an opaque name). */
export function claimSignalChannel(
  cluster: string,
  namespace: string,
  name: string,
): string {
  return `storage:claim:${cluster}/${namespace}/${name}`;
}

/**
 * What the backend knows of a change when it picks the channels to nudge;
 * never sent to browsers.
 */
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
