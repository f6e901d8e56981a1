import {
  StorageOffering,
  offeringOfClaim,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolumeClaim } from '@kubernetes/client-node';

/**
 * The offerings whose claims are snapshotted before the backend deletes
 * them (at expiry): `snapshotBeforeDelete: true` in the offering's config,
 * which storage-common's offering schema does not know yet, so it is read
 * from the raw config here.
 */
export function readSnapshotFirstOfferings(rawOfferings: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(rawOfferings)) return ids;
  for (const entry of rawOfferings) {
    if (
      entry &&
      typeof entry === 'object' &&
      typeof (entry as { id?: unknown }).id === 'string' &&
      (entry as { snapshotBeforeDelete?: unknown }).snapshotBeforeDelete ===
        true
    ) {
      ids.add((entry as { id: string }).id);
    }
  }
  return ids;
}

/**
 * Whether a claim is snapshotted before the backend deletes it: its
 * offering says so, or has a snapshot schedule (its data is worth backups).
 */
export function snapshotFirstFor(
  pvc: V1PersistentVolumeClaim,
  offerings: readonly StorageOffering[],
  snapshotFirstOfferings: ReadonlySet<string>,
): boolean {
  const offering = offeringOfClaim(pvc, offerings);
  return Boolean(
    offering && (snapshotFirstOfferings.has(offering.id) || offering.backup),
  );
}
