import {
  CostEstimate,
  PriceTable,
  StorageOffering,
  estimateMonthlyCost,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1StorageClass } from '@kubernetes/client-node';
import { ClaimSummary } from '../tracker/claimView';
import { offeringFromStorageClass } from '../workflow/claimContext';

/** The offering a listed claim came from, by its annotation or its class. */
export function offeringOfSummary(
  claim: ClaimSummary,
  offerings: StorageOffering[],
): StorageOffering | undefined {
  return (
    offerings.find(o => o.id === claim.offeringId) ??
    offerings.find(
      o =>
        claim.storageClassName && o.storageClassName === claim.storageClassName,
    )
  );
}

/** What a claim costs a month at list price, when its offering is known. */
export function costOfClaim(
  claim: ClaimSummary,
  offerings: StorageOffering[],
  prices: PriceTable,
  storageClass?: V1StorageClass,
): CostEstimate | undefined {
  const size = claim.capacity ?? claim.requested;
  const offering =
    offeringOfSummary(claim, offerings) ??
    (storageClass &&
      offeringFromStorageClass(storageClass, claim.accessModes, size));
  if (!offering || !size) {
    return undefined;
  }
  const request = storageRequestSchema.safeParse({
    operation: 'create',
    entityRef: claim.entityRef ?? 'component:default/unknown',
    cluster: claim.cluster,
    namespace: claim.namespace,
    claimName: claim.name,
    offering: offering.id,
    size,
    accessMode: claim.accessModes[0] ?? offering.accessModes[0],
  });
  return request.success
    ? estimateMonthlyCost(request.data, offering, prices)
    : undefined;
}
