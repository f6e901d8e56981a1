/**
 * Waste: volumes and snapshots that are billed but serve nobody — Released
 * volumes left by Retain, volumes no claim binds, snapshots of claims that are
 * gone, claims no pod mounts, and claims provisioned far above their use.
 */
import type {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1StorageClass,
} from '@kubernetes/client-node';
import { DRIVERS } from '../catalogue';
import { PriceTable } from '../cost';
import { timeOf } from '../diagnosis/facts';
import { StorageOffering } from '../model/offering';
import { entityOfObject } from './entities';
import {
  DAY_MS,
  claimKey,
  createdMs,
  fleetFinding,
  instantMs,
  isoAt,
  kubernetesIdOf,
  labelsOf,
  mountedClaims,
  nameOf,
  namespaceOf,
  objectsOf,
  volumeDriver,
  wholeDays,
} from './objects';
import { FleetRules } from './rules';
import {
  ClaimTime,
  ClusterStorage,
  FleetEntity,
  FleetFinding,
  FormerClaim,
  Instant,
  FleetVolumeSnapshot,
  VolumeUsageSample,
} from './types';
import { findOverProvisioned } from './usage';
import { volumeMonthlyCost } from './volumeCost';

/** What the waste rules read besides the cluster's objects. */
export interface WasteInput {
  storage: ClusterStorage;
  prices: PriceTable;
  rules: FleetRules;
  now: Instant;
  /** When each claim was last seen mounted by a pod (the tracker's record). */
  lastMounted?: readonly ClaimTime[];
  /** Usage readings, for claims provisioned far above their use. */
  usage?: readonly VolumeUsageSample[];
  offerings?: readonly StorageOffering[];
  entities?: readonly FleetEntity[];
}

/** Every waste finding of one cluster. */
export function findWaste(input: WasteInput): FleetFinding[] {
  const now = instantMs(input?.now);
  if (now === undefined || !input.storage) return [];
  return [
    ...leftBehindVolumes(input, now),
    ...snapshotsOfDeletedClaims(input, now),
    ...unusedClaims(input, now),
    ...(input.usage
      ? findOverProvisioned({
          storage: input.storage,
          samples: input.usage,
          offerings: input.offerings,
          prices: input.prices,
          rules: input.rules,
          now,
          entities: input.entities,
        })
      : []),
  ];
}

/** The labels of the claim a volume belonged to: its own, else the remembered claim's. */
function ownerLabels(
  pv: V1PersistentVolume,
  formerClaims: readonly FormerClaim[],
): { labels: Record<string, string>; namespace?: string } {
  const own = labelsOf(pv);
  const claimRef = pv.spec?.claimRef;
  if (kubernetesIdOf(own) || !claimRef?.name) {
    return { labels: own, namespace: claimRef?.namespace };
  }
  const former = formerClaims.find(
    claim =>
      claim?.name === claimRef.name &&
      claim.namespace === (claimRef.namespace ?? 'default') &&
      (!claim.uid || !claimRef.uid || claim.uid === claimRef.uid),
  );
  return {
    labels: { ...(former?.labels ?? {}), ...own },
    namespace: claimRef.namespace,
  };
}

function monthlyOf(
  pv: V1PersistentVolume,
  classes: V1StorageClass[],
  prices: PriceTable,
): number | undefined {
  return volumeMonthlyCost(pv, classes, prices)?.totalMonthlyUsd;
}

const costText = (usd: number | undefined) =>
  usd === undefined ? '' : ` ($${usd.toFixed(2)} a month)`;

function leftBehindVolumes(input: WasteInput, now: number): FleetFinding[] {
  const { storage } = input;
  const classes = objectsOf(storage.storageClasses);
  const formerClaims = objectsOf(storage.formerClaims);
  const findings: FleetFinding[] = [];
  for (const pv of objectsOf(storage.persistentVolumes)) {
    const phase = pv.status?.phase;
    if (phase !== 'Released' && phase !== 'Available') continue;
    if (pv.metadata?.deletionTimestamp) continue;
    const name = nameOf(pv);
    const driver = volumeDriver(pv, classes);
    const monthlyUsd = monthlyOf(pv, classes, input.prices);
    const since = timeOf(pv.status?.lastPhaseTransitionTime) ?? createdMs(pv);
    const days = wholeDays(since, now);
    const { labels, namespace } = ownerLabels(pv, formerClaims);
    const owner = {
      kubernetesId: kubernetesIdOf(labels),
      entityRef: entityOfObject(labels, namespace, input.entities)?.entityRef,
    };
    const handle = pv.spec?.csi?.volumeHandle;
    const size = pv.spec?.capacity?.storage ?? 'unknown size';
    const billedByUse = driver
      ? !DRIVERS[driver].billedByProvisionedSize
      : false;
    const base = {
      cluster: storage.cluster,
      object: { kind: 'PersistentVolume' as const, name },
      ...owner,
      ...(monthlyUsd !== undefined ? { monthlyUsd } : {}),
      ...(since !== undefined ? { since: isoAt(since), ageDays: days } : {}),
    };
    if (phase === 'Released') {
      const claim = pv.spec?.claimRef;
      const lastClaim = claim?.name
        ? { namespace: claim.namespace ?? 'default', name: claim.name }
        : undefined;
      const retain = pv.spec?.persistentVolumeReclaimPolicy !== 'Delete';
      findings.push(
        fleetFinding('waste', {
          ...base,
          code: 'released-volume',
          severity: 'warning',
          ...(lastClaim ? { lastClaim } : {}),
          title: `Volume ${name} (${size}) was left behind${
            lastClaim
              ? ` by claim ${claimKey(lastClaim.namespace, lastClaim.name)}`
              : ''
          }${days ? ` ${days} days ago` : ''} and is still billed${costText(
            monthlyUsd,
          )}`,
          detail: retain
            ? `Its reclaim policy is Retain, so deleting the claim kept the volume${
                handle ? ` (${handle})` : ''
              } and its data. Kubernetes never binds a Released volume again by itself.`
            : `Its reclaim policy is Delete, but the volume${
                handle ? ` (${handle})` : ''
              } was not deleted: the driver may have failed to delete it.`,
          fix: `If the data is no longer needed, delete it (snapshot first if it might be): delete PersistentVolume ${name}${
            retain && handle ? ` and then the cloud volume ${handle}` : ''
          }. To keep using it, adopt it into a new claim: remove spec.claimRef from the PV and create a claim with spec.volumeName: ${name}.`,
        }),
      );
      continue;
    }
    if (pv.spec?.claimRef?.name) continue; // reserved for a claim, about to bind
    findings.push(
      fleetFinding('waste', {
        ...base,
        code: 'unclaimed-volume',
        severity: billedByUse ? 'info' : 'warning',
        title: `Volume ${name} (${size}) is Available: no claim uses it${costText(
          monthlyUsd,
        )}`,
        detail: billedByUse
          ? 'It is billed by the data it holds, whether or not a claim mounts it.'
          : `It is billed by its size, whether or not a claim binds it${
              days ? `; it has waited ${days} days` : ''
            }.`,
        fix: `Bind it with a claim (spec.volumeName: ${name}) if it is meant to be used; otherwise delete PersistentVolume ${name}${
          handle ? ` and its cloud volume ${handle}` : ''
        }.`,
      }),
    );
  }
  return findings;
}

function snapshotsOfDeletedClaims(
  input: WasteInput,
  now: number,
): FleetFinding[] {
  const { storage } = input;
  if (!Array.isArray(storage.persistentVolumeClaims)) return [];
  const claims = new Set(
    objectsOf(storage.persistentVolumeClaims).map(pvc =>
      claimKey(namespaceOf(pvc), nameOf(pvc)),
    ),
  );
  const formerClaims = objectsOf(storage.formerClaims);
  return objectsOf<FleetVolumeSnapshot>(storage.volumeSnapshots).flatMap(
    snapshot => {
      const source = snapshot.spec?.source?.persistentVolumeClaimName;
      const namespace = namespaceOf(snapshot);
      if (!source || claims.has(claimKey(namespace, source))) return [];
      if (snapshot.metadata?.deletionTimestamp) return [];
      const name = nameOf(snapshot);
      const created =
        timeOf(snapshot.status?.creationTime) ?? createdMs(snapshot);
      const former = formerClaims.find(
        c => c?.namespace === namespace && c.name === source,
      );
      const labels = { ...(former?.labels ?? {}), ...labelsOf(snapshot) };
      const size = snapshot.status?.restoreSize;
      return [
        fleetFinding('waste', {
          code: 'snapshot-source-deleted',
          severity: 'warning',
          cluster: storage.cluster,
          object: { kind: 'VolumeSnapshot', namespace, name },
          title: `VolumeSnapshot ${claimKey(
            namespace,
            name,
          )} is of claim ${source}, which no longer exists`,
          detail: `Snapshots are billed by the data they hold${
            size ? ` (restores to ${size})` : ''
          }; this one outlived its claim, and no schedule keeps it current.`,
          fix: `If it is not a backup you mean to keep, delete it (kubectl delete volumesnapshot ${name} -n ${namespace}); otherwise restore it into a new claim or label it as kept.`,
          lastClaim: { namespace, name: source },
          kubernetesId: kubernetesIdOf(labels),
          entityRef: entityOfObject(labels, namespace, input.entities)
            ?.entityRef,
          ...(created !== undefined
            ? { since: isoAt(created), ageDays: wholeDays(created, now) }
            : {}),
        }),
      ];
    },
  );
}

function unusedClaims(input: WasteInput, now: number): FleetFinding[] {
  const { storage } = input;
  if (!Array.isArray(storage.pods)) return [];
  const mounted = mountedClaims(objectsOf(storage.pods));
  const classes = objectsOf(storage.storageClasses);
  const volumes = objectsOf(storage.persistentVolumes);
  const days = input.rules.waste.unusedClaimDays;
  const history = new Map<string, number>();
  for (const entry of objectsOf(input.lastMounted)) {
    const at = timeOf(entry?.at);
    const key = claimKey(entry?.namespace, entry?.claim);
    if (at !== undefined && at > (history.get(key) ?? -Infinity))
      history.set(key, at);
  }
  return objectsOf<V1PersistentVolumeClaim>(
    storage.persistentVolumeClaims,
  ).flatMap(pvc => {
    if (pvc.status?.phase !== 'Bound' || pvc.metadata?.deletionTimestamp)
      return [];
    const namespace = namespaceOf(pvc);
    const name = nameOf(pvc);
    const key = claimKey(namespace, name);
    if (mounted.has(key)) return [];
    const lastSeen = history.get(key);
    const since = lastSeen ?? createdMs(pvc);
    if (since === undefined || now - since < days * DAY_MS) return [];
    const pv = volumes.find(v => nameOf(v) === pvc.spec?.volumeName);
    const monthlyUsd = pv ? monthlyOf(pv, classes, input.prices) : undefined;
    const labels = labelsOf(pvc);
    const idle = wholeDays(since, now);
    return [
      fleetFinding('waste', {
        code: 'unused-claim',
        severity: 'warning',
        cluster: storage.cluster,
        object: { kind: 'PersistentVolumeClaim', namespace, name },
        title: `Claim ${key} has not been mounted by any pod for ${idle} days${costText(
          monthlyUsd,
        )}`,
        detail:
          lastSeen !== undefined
            ? `A pod last mounted it at ${isoAt(
                lastSeen,
              )}; it is still billed while nothing uses it.`
            : `No pod mounts it now and none was seen mounting it since it was created ${idle} days ago; it is still billed while nothing uses it.`,
        fix: `Ask its owner whether the data is still needed: if not, delete the claim (snapshot first if it might be); if it belongs to a stopped workload, note when it will run again.`,
        kubernetesId: kubernetesIdOf(labels),
        entityRef: entityOfObject(labels, namespace, input.entities)?.entityRef,
        since: isoAt(since),
        ageDays: idle,
        ...(monthlyUsd !== undefined ? { monthlyUsd } : {}),
      }),
    ];
  });
}
