import {
  BACKUP_SCHEDULE_LABEL,
  backupStatus,
  isReadySnapshot,
  offeringOfClaim,
  parseDuration,
  snapshotTime,
} from '@eks-storage/backstage-plugin-storage-common';
import { FleetBackupItem, SnapshotSchedule } from '../api';
import { FleetCluster } from '../clusterStorage';
import { FleetSnapshot, findingView } from '../snapshot';

const HOUR_MS = 3600_000;
const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** The offering's schedule of a claim: when its last scheduled snapshot was cut, when the next is due. */
function scheduleOf(
  cluster: FleetCluster,
  namespace: string,
  name: string,
  snapshot: FleetSnapshot,
): SnapshotSchedule | undefined {
  const pvc = cluster.storage.persistentVolumeClaims?.find(
    c => c.metadata?.namespace === namespace && c.metadata?.name === name,
  );
  const offering = pvc ? offeringOfClaim(pvc, snapshot.offerings) : undefined;
  const every = parseDuration(offering?.backup?.every);
  if (!offering?.backup || every === undefined) return undefined;
  const scheduled = (cluster.storage.volumeSnapshots ?? [])
    .filter(
      s =>
        s.metadata?.namespace === namespace &&
        s.spec?.source?.persistentVolumeClaimName === name &&
        s.metadata?.labels?.[BACKUP_SCHEDULE_LABEL] !== undefined &&
        isReadySnapshot(s),
    )
    .map(s => snapshotTime(s))
    .filter((at): at is number => at !== undefined);
  const last = scheduled.length ? Math.max(...scheduled) : undefined;
  const now = snapshot.now.getTime();
  return {
    offering: offering.id,
    everyHours: every / HOUR_MS,
    keep: offering.backup.keep,
    ...(last !== undefined && { lastTakenAt: iso(last) }),
    nextDueAt: iso((Math.floor(now / every) + 1) * every),
  };
}

/**
 * Per Bound claim its newest ready snapshot and the offering's schedule
 * (storage-common's backupStatus), stale production claims first.
 */
export function backupItems(snapshot: FleetSnapshot): FleetBackupItem[] {
  const items: FleetBackupItem[] = [];
  for (const cluster of snapshot.clusters) {
    const { claims, findings } = backupStatus({
      storage: cluster.storage,
      rules: snapshot.rules,
      now: snapshot.now,
      entities: snapshot.entities,
    });
    const byClaim = new Map(
      findings.map(f => [`${f.object.namespace}/${f.object.name}`, f]),
    );
    const snapshots = cluster.storage.volumeSnapshots ?? [];
    for (const backup of claims) {
      const entity = snapshot.entities.find(
        e => e.entityRef === backup.entityRef,
      );
      const finding = byClaim.get(`${backup.namespace}/${backup.claim}`);
      const newest = backup.newestSnapshot;
      const schedule = scheduleOf(
        cluster,
        backup.namespace,
        backup.claim,
        snapshot,
      );
      items.push({
        cluster: backup.cluster,
        namespace: backup.namespace,
        name: backup.claim,
        ...(backup.entityRef && { entityRef: backup.entityRef }),
        ...(entity?.lifecycle && { lifecycle: entity.lifecycle }),
        production: backup.production,
        ...(newest && {
          newestSnapshot: {
            name: newest.name,
            createdAt: newest.readyAt,
            readyToUse: true,
          },
          newestAgeHours:
            Math.round(
              ((snapshot.now.getTime() - Date.parse(newest.readyAt)) /
                HOUR_MS) *
                10,
            ) / 10,
        }),
        snapshots: snapshots.filter(
          s =>
            s.metadata?.namespace === backup.namespace &&
            s.spec?.source?.persistentVolumeClaimName === backup.claim,
        ).length,
        stale: backup.stale,
        ...(schedule && { schedule }),
        ...(finding && {
          finding: findingView(finding, {
            entities: snapshot.entities,
            actions: ['snapshot'],
          }),
        }),
      });
    }
  }
  return items.sort(
    (a, b) =>
      Number(b.stale) - Number(a.stale) ||
      Number(b.production) - Number(a.production) ||
      a.cluster.localeCompare(b.cluster) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}
