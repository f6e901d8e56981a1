import {
  CostEstimate,
  DEFAULT_PRICES,
  StorageOffering,
  estimateMonthlyCost,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * The browser's instant estimate of what a claim of an offering costs, at the
 * default list prices (the backend answers with the platform's own prices).
 */
export function estimateClaimCost(
  offering: StorageOffering | undefined,
  size: string,
  accessMode?: string,
): CostEstimate | undefined {
  if (!offering) return undefined;
  const request = storageRequestSchema.safeParse({
    operation: 'create',
    entityRef: 'component:default/estimate',
    cluster: 'estimate',
    namespace: 'estimate',
    claimName: 'estimate',
    offering: offering.id,
    size: size.trim(),
    accessMode: accessMode ?? offering.accessModes[0],
  });
  return request.success
    ? estimateMonthlyCost(request.data, offering, DEFAULT_PRICES)
    : undefined;
}
