/**
 * Backup staleness: per claim its newest ready VolumeSnapshot and its age;
 * claims of production entities without a recent one are flagged.
 */
import { DRIVERS } from '../catalogue';
import { timeOf } from '../diagnosis/facts';
import { entityOfObject } from './entities';
import {
  DAY_MS,
  claimDriver,
  claimKey,
  createdMs,
  fleetFinding,
  instantMs,
  isoAt,
  kubernetesIdOf,
  labelsOf,
  nameOf,
  namespaceOf,
  objectsOf,
} from './objects';
import { FleetRules } from './rules';
import {
  ClusterStorage,
  FleetEntity,
  FleetFinding,
  Instant,
  FleetVolumeSnapshot,
} from './types';

/** The backup state of one claim. */
export interface ClaimBackup {
  cluster: string;
  namespace: string;
  claim: string;
  kubernetesId?: string;
  entityRef?: string;
  /** Whether the owning entity's lifecycle is held to the backup rule. */
  production: boolean;
  /** Whether the claim's driver takes VolumeSnapshots at all. */
  snapshotsSupported: boolean;
  newestSnapshot?: { name: string; readyAt: string };
  /** Whole days since the newest ready snapshot. */
  ageDays?: number;
  /** Production claim without a ready snapshot newer than the rule allows. */
  stale: boolean;
}

/** When a snapshot was cut: status.creationTime, else when the object was created. */
export function snapshotTime(
  snapshot: FleetVolumeSnapshot,
): number | undefined {
  return timeOf(snapshot?.status?.creationTime) ?? createdMs(snapshot);
}

export function isReadySnapshot(snapshot: FleetVolumeSnapshot): boolean {
  return (
    snapshot?.status?.readyToUse === true &&
    !snapshot.metadata?.deletionTimestamp
  );
}

/** Per Bound claim its newest ready snapshot, and findings for stale production claims. */
export function backupStatus(input: {
  storage: ClusterStorage;
  rules: FleetRules;
  now: Instant;
  entities?: readonly FleetEntity[];
}): { claims: ClaimBackup[]; findings: FleetFinding[] } {
  const now = instantMs(input?.now);
  if (now === undefined || !input.storage) return { claims: [], findings: [] };
  const { storage, rules } = input;
  const classes = objectsOf(storage.storageClasses);
  const volumes = objectsOf(storage.persistentVolumes);
  const newestReady = new Map<string, { name: string; at: number }>();
  for (const snapshot of objectsOf<FleetVolumeSnapshot>(
    storage.volumeSnapshots,
  )) {
    const source = snapshot.spec?.source?.persistentVolumeClaimName;
    const at = snapshotTime(snapshot);
    if (!source || !isReadySnapshot(snapshot) || at === undefined) continue;
    const key = claimKey(namespaceOf(snapshot), source);
    const current = newestReady.get(key);
    if (!current || at > current.at)
      newestReady.set(key, { name: nameOf(snapshot), at });
  }
  const maxAgeMs = rules.backups.maxAgeDays * DAY_MS;
  const claims: ClaimBackup[] = [];
  const findings: FleetFinding[] = [];
  for (const pvc of objectsOf(storage.persistentVolumeClaims)) {
    if (pvc.status?.phase !== 'Bound' || pvc.metadata?.deletionTimestamp)
      continue;
    const namespace = namespaceOf(pvc);
    const name = nameOf(pvc);
    const key = claimKey(namespace, name);
    const labels = labelsOf(pvc);
    const entity = entityOfObject(labels, namespace, input.entities);
    const driver = claimDriver(pvc, volumes, classes);
    const snapshotsSupported = driver ? DRIVERS[driver].snapshots : false;
    const production =
      entity?.lifecycle !== undefined &&
      rules.backups.productionLifecycles.includes(entity.lifecycle);
    const newest = newestReady.get(key);
    const stale =
      production &&
      snapshotsSupported &&
      (!newest || now - newest.at > maxAgeMs);
    const backup: ClaimBackup = {
      cluster: storage.cluster,
      namespace,
      claim: name,
      kubernetesId: kubernetesIdOf(labels),
      entityRef: entity?.entityRef,
      production,
      snapshotsSupported,
      ...(newest
        ? {
            newestSnapshot: { name: newest.name, readyAt: isoAt(newest.at) },
            ageDays: Math.max(0, Math.floor((now - newest.at) / DAY_MS)),
          }
        : {}),
      stale,
    };
    claims.push(backup);
    if (!stale) continue;
    const limit = `${rules.backups.maxAgeDays} day${
      rules.backups.maxAgeDays === 1 ? '' : 's'
    }`;
    findings.push(
      fleetFinding('backups', {
        code: newest ? 'backup-stale' : 'backup-missing',
        severity: 'warning',
        cluster: storage.cluster,
        object: { kind: 'PersistentVolumeClaim', namespace, name },
        title: newest
          ? `Production claim ${key} was last backed up ${backup.ageDays} days ago (VolumeSnapshot ${newest.name})`
          : `Production claim ${key} has no ready VolumeSnapshot`,
        detail: `${entity?.entityRef} is ${entity?.lifecycle}: its claims need a ready snapshot newer than ${limit}, so a lost or corrupted volume can be restored.`,
        fix: `Take a snapshot now (the claim page's Snapshot action), and give its offering a schedule (backup: { every: 24h, keep: 7 }) so it stays current.`,
        kubernetesId: backup.kubernetesId,
        entityRef: backup.entityRef,
        ...(newest ? { since: isoAt(newest.at), ageDays: backup.ageDays } : {}),
      }),
    );
  }
  return { claims, findings };
}
