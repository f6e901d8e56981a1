import {
  ClaimRef,
  StorageSignal,
  matchesLabelSelectorText,
} from '@eks-storage/backstage-plugin-storage-common';

/** What identifies an entity's storage in signals. */
export interface EntityStorageScope {
  entityRef: string;
  /** The label selector of its claims. */
  selector?: string;
  /** The namespace its claims are limited to, when annotated. */
  namespace?: string;
}

/** Whether a storage signal concerns the entity's Storage tab. */
export function isSignalForEntity(
  signal: StorageSignal | null | undefined,
  scope: EntityStorageScope,
): boolean {
  if (!signal || typeof signal !== 'object') return false;
  if (signal.entityRef && signal.entityRef === scope.entityRef) return true;
  if (signal.type !== 'claim') return false;
  if (scope.namespace && signal.namespace !== scope.namespace) return false;
  if (!scope.selector) return false;
  // An unreadable selector refreshes rather than risks a stale page.
  return matchesLabelSelectorText(scope.selector, signal.labels) ?? true;
}

/** Whether a storage signal concerns one claim. */
export function isSignalForClaim(
  signal: StorageSignal | null | undefined,
  claim: ClaimRef,
): boolean {
  if (!signal || typeof signal !== 'object') return false;
  const name = signal.type === 'claim' ? signal.name : signal.claimName;
  return (
    signal.cluster === claim.cluster &&
    signal.namespace === claim.namespace &&
    name === claim.name
  );
}
