import { expiringClaims } from '@eks-storage/backstage-plugin-storage-common';
import { FleetExpiryItem } from '../api';
import { FleetSnapshot, ownerOf } from '../snapshot';
import { ClaimCleanup } from '../store/CleanupStore';
import { snapshotFirstFor } from '../offeringSettings';

const key = (cluster: string, namespace: string, name: string) =>
  `${cluster}|${namespace}/${name}`;

/**
 * Claims with an expiry (storage-common's expiringClaims), soonest first,
 * and where the backend's clean-up of each stands; clean-ups of claims that
 * are gone stay listed with how they ended.
 */
export function expiryItems(
  snapshot: FleetSnapshot,
  cleanups: readonly ClaimCleanup[],
  snapshotFirstOfferings: ReadonlySet<string>,
): FleetExpiryItem[] {
  const followed = new Map(
    cleanups
      .filter(c => c.reason === 'expiry')
      .map(c => [key(c.cluster, c.namespace, c.name), c]),
  );
  const items: FleetExpiryItem[] = [];
  for (const { storage } of snapshot.clusters) {
    const claims = new Map(
      (storage.persistentVolumeClaims ?? []).map(pvc => [
        `${pvc.metadata?.namespace}/${pvc.metadata?.name}`,
        pvc,
      ]),
    );
    for (const expiring of expiringClaims(storage)) {
      const pvc = claims.get(`${expiring.namespace}/${expiring.claim}`);
      const cleanup = followed.get(
        key(storage.cluster, expiring.namespace, expiring.claim),
      );
      followed.delete(key(storage.cluster, expiring.namespace, expiring.claim));
      const entity = ownerOf(
        snapshot.entities,
        pvc?.metadata?.labels,
        expiring.namespace,
      );
      items.push({
        cluster: storage.cluster,
        namespace: expiring.namespace,
        name: expiring.claim,
        ...(entity && { entityRef: entity.entityRef }),
        ...(pvc?.metadata?.labels?.['storage.backstage.io/request-id'] && {
          requestId: pvc.metadata.labels['storage.backstage.io/request-id'],
        }),
        expiresAt: expiring.expiresAt,
        status: cleanup?.status ?? 'upcoming',
        ...(cleanup?.warnedAt && { warnedAt: cleanup.warnedAt }),
        snapshotFirst:
          cleanup?.snapshotFirst ??
          (pvc
            ? snapshotFirstFor(pvc, snapshot.offerings, snapshotFirstOfferings)
            : false),
        ...(cleanup?.snapshotRequestId && {
          snapshotRequestId: cleanup.snapshotRequestId,
        }),
        ...(cleanup?.deleteRequestId && {
          deleteRequestId: cleanup.deleteRequestId,
        }),
        ...(cleanup?.message && { message: cleanup.message }),
      });
    }
  }
  for (const cleanup of followed.values()) {
    items.push({
      cluster: cleanup.cluster,
      namespace: cleanup.namespace,
      name: cleanup.name,
      entityRef: cleanup.entityRef,
      expiresAt: cleanup.expiresAt ?? cleanup.updatedAt,
      status: cleanup.status,
      ...(cleanup.warnedAt && { warnedAt: cleanup.warnedAt }),
      snapshotFirst: cleanup.snapshotFirst,
      ...(cleanup.snapshotRequestId && {
        snapshotRequestId: cleanup.snapshotRequestId,
      }),
      ...(cleanup.deleteRequestId && {
        deleteRequestId: cleanup.deleteRequestId,
      }),
      ...(cleanup.message && { message: cleanup.message }),
    });
  }
  return items.sort(
    (a, b) =>
      a.expiresAt.localeCompare(b.expiresAt) ||
      a.cluster.localeCompare(b.cluster) ||
      a.name.localeCompare(b.name),
  );
}
