import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import {
  CostEstimate,
  PriceTable,
  StorageOffering,
  StorageRequest,
  StorageRequestPolicy,
  estimateMonthlyCost,
  parseQuantity,
} from '@eks-storage/backstage-plugin-storage-common';
import type { StoragePolicyExtensionPoint } from '@eks-storage/backstage-plugin-storage-node';

/**
 * What a resize grows from: the claim's size now (its capacity, else what
 * it asks for) and the monthly cost of that size, for growth rules.
 * Empty for other operations or when the claim's size is unknown.
 */
export function sizeBefore(
  request: StorageRequest,
  claim: { pvc: V1PersistentVolumeClaim } | undefined,
  offering: StorageOffering | undefined,
  prices: PriceTable,
): { previousSize?: string; previousCost?: CostEstimate } {
  if (request.operation !== 'resize' || !claim) return {};
  const size =
    claim.pvc.status?.capacity?.storage ??
    claim.pvc.spec?.resources?.requests?.storage;
  if (typeof size !== 'string' || parseQuantity(size) === undefined) return {};
  return {
    previousSize: size,
    ...(offering && {
      previousCost: estimateMonthlyCost({ ...request, size }, offering, prices),
    }),
  };
}

/**
 * The policies backend modules add through `storagePolicyExtensionPoint`:
 * the plugin registers this as the extension point and hands `policies()`
 * to ConfiguredRequestPolicy in its init, after every module has added its.
 */
export class StoragePolicyRegistry implements StoragePolicyExtensionPoint {
  private readonly added: StorageRequestPolicy[] = [];
  private closed = false;

  addPolicy(policy: StorageRequestPolicy): void {
    if (this.closed) {
      throw new Error(
        'Storage request policies must be added while backend modules register, before the storage plugin starts',
      );
    }
    this.added.push(policy);
  }

  /** The policies in the order added; no more may be added afterwards. */
  policies(): StorageRequestPolicy[] {
    this.closed = true;
    return [...this.added];
  }
}
