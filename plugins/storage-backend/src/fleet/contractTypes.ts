/** The contract's shared types the console's answers reuse, as storage-common names them. */
import type {
  ClaimSummary,
  ClusterStatus,
  StoredStorageRequest,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';

export type { ClusterStatus, SubmitResponse };
export type DriverId = NonNullable<ClaimSummary['driver']>;
export type RequestOperation = StoredStorageRequest['operation'];
