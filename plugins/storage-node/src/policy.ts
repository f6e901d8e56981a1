import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { StorageRequestPolicy } from '@eks-storage/backstage-plugin-storage-common';

// The policy types live in storage-common, beside the configured rules that
// decide with the same input and answer the same decision.
export type {
  StorageRequestPolicy,
  StorageRequestPolicyDecision,
  StorageRequestPolicyInput,
} from '@eks-storage/backstage-plugin-storage-common';

/** Lets backend modules add request policies, asked before the configured rules. */
export interface StoragePolicyExtensionPoint {
  addPolicy(policy: StorageRequestPolicy): void;
}

/** @public */
export const storagePolicyExtensionPoint =
  createExtensionPoint<StoragePolicyExtensionPoint>({
    id: 'storage.policy',
  });
