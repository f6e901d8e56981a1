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

/**
 * Estimates by price table and offering (both live as long as the router),
 * then by size and access mode: a claim's price is a property of what it
 * is, not of its name, and a list of a few hundred claims has a handful
 * of sizes. (Validating and pricing each claim again was a good part of
 * every claim list's time.)
 */
const estimates = new WeakMap<
  PriceTable,
  WeakMap<StorageOffering, Map<string, CostEstimate | undefined>>
>();
/** Sizes and modes kept per offering; a fleet has far fewer. */
const MAX_KEPT_PER_OFFERING = 1000;

function estimateFor(
  offering: StorageOffering,
  size: string,
  accessMode: string,
  prices: PriceTable,
): CostEstimate | undefined {
  let byOffering = estimates.get(prices);
  if (!byOffering) {
    byOffering = new WeakMap();
    estimates.set(prices, byOffering);
  }
  let kept = byOffering.get(offering);
  if (!kept) {
    kept = new Map();
    byOffering.set(offering, kept);
  }
  const key = `${size} ${accessMode}`;
  if (kept.has(key)) return kept.get(key);
  const request = storageRequestSchema.safeParse({
    operation: 'create',
    // Any valid names: they do not change the price.
    entityRef: 'component:default/priced',
    cluster: 'priced',
    namespace: 'priced',
    claimName: 'priced',
    offering: offering.id,
    size,
    accessMode,
  });
  const estimate = request.success
    ? estimateMonthlyCost(request.data, offering, prices)
    : undefined;
  if (kept.size >= MAX_KEPT_PER_OFFERING) kept.clear();
  kept.set(key, estimate);
  return estimate;
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
  return estimateFor(
    offering,
    size,
    claim.accessModes[0] ?? offering.accessModes[0],
    prices,
  );
}
