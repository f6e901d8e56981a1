/**
 * The snapshot schedule of offerings with `backup: { every, keep }`: which
 * snapshots to take now and which to delete by retention. Names are derived
 * from the claim and the schedule slot, so every replica (and every retry)
 * plans the same snapshot, and creating it twice is a conflict, not a copy.
 */
import { DRIVERS } from '../catalogue';
import {
  KUBERNETES_ID_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
} from '../model/annotations';
import { parseDuration } from '../model/duration';
import { StorageOffering } from '../model/offering';
import { shortHash } from '../render/labels';
import { isReadySnapshot, snapshotTime } from './backups';
import {
  claimDriver,
  claimKey,
  instantMs,
  isoAt,
  kubernetesIdOf,
  labelsOf,
  nameOf,
  namespaceOf,
  objectsOf,
} from './objects';
import { offeringOfClaim } from './usage';
import { ClusterStorage, Instant, FleetVolumeSnapshot } from './types';

/** The label that marks a snapshot as taken by an offering's schedule (value: the offering id). */
export const BACKUP_SCHEDULE_LABEL = 'storage.backstage.io/backup-schedule';

/** A snapshot the schedule wants taken now. */
export interface PlannedSnapshot {
  namespace: string;
  /** The claim to snapshot. */
  claim: string;
  /** Deterministic VolumeSnapshot name for this claim and slot. */
  name: string;
  offering: string;
  /** Start of the schedule slot this snapshot stands for (ISO 8601). */
  slot: string;
  labels: Record<string, string>;
}

/** A snapshot retention wants deleted. */
export interface ExpiredSnapshot {
  namespace: string;
  name: string;
  claim: string;
  reason: string;
}

export interface SnapshotPlan {
  take: PlannedSnapshot[];
  remove: ExpiredSnapshot[];
}

const MAX_NAME = 253;

function slotStamp(ms: number): string {
  // 2026-03-01T06:00:00.000Z → 20260301t0600
  return isoAt(ms).slice(0, 16).replace(/[-:]/g, '').replace('T', 't');
}

/** `<claim>-auto-<yyyymmddthhmm>`, shortened with a hash when the claim's name is long. */
export function scheduledSnapshotName(claim: string, slotMs: number): string {
  const suffix = `-auto-${slotStamp(slotMs)}`;
  if (claim.length + suffix.length <= MAX_NAME) return `${claim}${suffix}`;
  const hash = shortHash(claim);
  const room = MAX_NAME - suffix.length - hash.length - 1;
  const head = claim.slice(0, room).replace(/[-.]+$/, '');
  return `${head}-${hash}${suffix}`;
}

/**
 * What the offerings' schedules ask of one cluster at `now`: a snapshot of
 * every Bound claim of a scheduled offering that has none for the current
 * slot (slots are multiples of `every` since the epoch), and the scheduled
 * snapshots beyond the newest `keep` ready ones, plus failed ones older than
 * the newest ready. Snapshots taken by hand are never removed.
 */
export function planSnapshots(input: {
  storage: ClusterStorage;
  offerings: readonly StorageOffering[];
  now: Instant;
}): SnapshotPlan {
  const now = instantMs(input?.now);
  const plan: SnapshotPlan = { take: [], remove: [] };
  if (now === undefined || !input.storage) return plan;
  const { storage } = input;
  const classes = objectsOf(storage.storageClasses);
  const volumes = objectsOf(storage.persistentVolumes);
  const snapshots = objectsOf<FleetVolumeSnapshot>(storage.volumeSnapshots);
  for (const pvc of objectsOf(storage.persistentVolumeClaims)) {
    const offering = offeringOfClaim(pvc, input.offerings);
    const every = parseDuration(offering?.backup?.every);
    if (!offering?.backup || every === undefined) continue;
    const driver = claimDriver(pvc, volumes, classes);
    if (!driver || !DRIVERS[driver].snapshots) continue;
    const namespace = namespaceOf(pvc);
    const claim = nameOf(pvc);
    const scheduled = snapshots
      .filter(
        s =>
          namespaceOf(s) === namespace &&
          s.spec?.source?.persistentVolumeClaimName === claim &&
          labelsOf(s)[BACKUP_SCHEDULE_LABEL] !== undefined &&
          !s.metadata?.deletionTimestamp,
      )
      .sort((a, b) => (snapshotTime(b) ?? now) - (snapshotTime(a) ?? now));

    const slotMs = Math.floor(now / every) * every;
    const name = scheduledSnapshotName(claim, slotMs);
    const hasSlot = scheduled.some(
      s => nameOf(s) === name || (snapshotTime(s) ?? -Infinity) >= slotMs,
    );
    if (
      !hasSlot &&
      pvc.status?.phase === 'Bound' &&
      !pvc.metadata?.deletionTimestamp
    ) {
      const id = kubernetesIdOf(labelsOf(pvc));
      plan.take.push({
        namespace,
        claim,
        name,
        offering: offering.id,
        slot: isoAt(slotMs),
        labels: {
          [BACKUP_SCHEDULE_LABEL]: offering.id,
          [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
          ...(id ? { [KUBERNETES_ID_LABEL]: id } : {}),
        },
      });
    }

    const ready = scheduled.filter(isReadySnapshot);
    const newestReady = ready.length ? snapshotTime(ready[0]) : undefined;
    for (const old of ready.slice(offering.backup.keep)) {
      plan.remove.push({
        namespace,
        name: nameOf(old),
        claim,
        reason: `older than the ${
          offering.backup.keep
        } newest ready scheduled snapshots of ${claimKey(namespace, claim)}`,
      });
    }
    for (const failed of scheduled) {
      const at = snapshotTime(failed);
      if (
        failed.status?.error &&
        !isReadySnapshot(failed) &&
        newestReady !== undefined &&
        at !== undefined &&
        at < newestReady
      ) {
        plan.remove.push({
          namespace,
          name: nameOf(failed),
          claim,
          reason: `failed (${
            failed.status.error.message ?? 'no message'
          }) and a newer snapshot is ready`,
        });
      }
    }
  }
  return plan;
}
