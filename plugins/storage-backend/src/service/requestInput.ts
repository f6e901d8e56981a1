import type {
  DeleteInput,
  ResizeInput,
  RestoreInput,
  SnapshotInput,
  StorageRequestBody,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * A storage request as the API takes it: its shape (types, lengths, known
 * fields) checked against the contract before any handler runs. What the
 * values mean is the validator's job.
 */
export type RequestInput = StorageRequestBody;

/** The bodies of the day-2 routes on a claim, by action. */
export interface ClaimActionBodies {
  resize: ResizeInput;
  snapshot: SnapshotInput;
  restore: RestoreInput;
  delete: DeleteInput;
}

export type ClaimActionName = keyof ClaimActionBodies;
