import {
  ClaimTime,
  FleetEntity,
  FleetFinding as CoreFinding,
  FleetRules,
  PriceTable,
  StorageOffering,
  VolumeUsageSample,
  entityOfObject,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolume } from '@kubernetes/client-node';
import type { ClusterStatus } from '@eks-storage/backstage-plugin-storage-common';
import { FleetCluster } from './clusterStorage';
import { FleetAction, FleetFinding, FleetVolume } from './api';
import { UsageReading } from './store/UsageStore';

/**
 * Everything a console page is computed from, gathered once per view: the
 * clusters as the informer caches hold them, the catalog's entities, the
 * stored usage readings, the configuration and the time.
 */
export interface FleetSnapshot {
  now: Date;
  clusters: FleetCluster[];
  status: ClusterStatus[];
  entities: FleetEntity[];
  offerings: StorageOffering[];
  prices: PriceTable;
  rules: FleetRules;
  /** Readings within the suggestions' window, oldest first. */
  readings: UsageReading[];
  /** When each claim's size last changed (applied resize requests). */
  modifications: Array<ClaimTime & { cluster: string }>;
}

/** The readings of one cluster in the fleet functions' shape. */
export function samplesOf(
  snapshot: Pick<FleetSnapshot, 'readings'>,
  cluster: string,
): VolumeUsageSample[] {
  return snapshot.readings
    .filter(reading => reading.cluster === cluster)
    .map(({ namespace, claim, time, usedBytes, capacityBytes }) => ({
      namespace,
      claim,
      time,
      usedBytes,
      capacityBytes,
    }));
}

/** The newest reading of each claim of a cluster, by `namespace/name`. */
export function newestReadings(
  readings: readonly UsageReading[],
  cluster?: string,
): Map<string, UsageReading> {
  const newest = new Map<string, UsageReading>();
  for (const reading of readings) {
    if (cluster !== undefined && reading.cluster !== cluster) continue;
    const key = `${reading.cluster}|${reading.namespace}/${reading.claim}`;
    const current = newest.get(key);
    if (!current || current.time <= reading.time) newest.set(key, reading);
  }
  return newest;
}

export const readingKey = (cluster: string, namespace: string, claim: string) =>
  `${cluster}|${namespace}/${claim}`;

/** When each claim was last seen mounted: a kubelet reports only mounted volumes. */
export function lastMountedOf(
  snapshot: Pick<FleetSnapshot, 'readings'>,
  cluster: string,
): ClaimTime[] {
  return [...newestReadings(snapshot.readings, cluster).values()].map(r => ({
    namespace: r.namespace,
    claim: r.claim,
    at: r.time,
  }));
}

/** The entity whose namespace a claim lived in, when exactly one entity names it. */
export function entityOfNamespace(
  entities: readonly FleetEntity[],
  namespace: string | undefined,
): FleetEntity | undefined {
  if (!namespace) return undefined;
  const matches = entities.filter(entity => entity.namespace === namespace);
  return matches.length === 1 ? matches[0] : undefined;
}

/** The entity an object belongs to: by its labels, else by its (last claim's) namespace. */
export function ownerOf(
  entities: readonly FleetEntity[],
  labels: Record<string, string> | undefined,
  namespace: string | undefined,
): FleetEntity | undefined {
  return (
    entityOfObject(labels, namespace, entities) ??
    entityOfNamespace(entities, namespace)
  );
}

export function volumeView(
  pv: V1PersistentVolume,
  driver: FleetVolume['driver'],
  encrypted?: boolean,
): FleetVolume {
  const claim = pv.spec?.claimRef;
  const zone =
    pv.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find(
      e => e.key.endsWith('/zone'),
    )?.values?.[0];
  const iso = (value: Date | string | undefined) =>
    value ? new Date(value).toISOString() : undefined;
  return {
    name: pv.metadata?.name ?? '',
    phase: pv.status?.phase,
    reclaimPolicy: pv.spec?.persistentVolumeReclaimPolicy,
    capacity: pv.spec?.capacity?.storage,
    storageClassName: pv.spec?.storageClassName || undefined,
    ...(driver && { driver }),
    volumeHandle: pv.spec?.csi?.volumeHandle,
    ...(zone && { zone }),
    ...(encrypted !== undefined && { encrypted }),
    createdAt: iso(pv.metadata?.creationTimestamp),
    ...(pv.status?.phase === 'Released' && {
      releasedAt: iso(pv.status?.lastPhaseTransitionTime),
    }),
    ...(claim?.name && {
      lastClaim: { namespace: claim.namespace ?? 'default', name: claim.name },
    }),
  };
}

/**
 * A finding of the fleet functions as the API answers it: the entity found
 * by namespace when the labels name none, its owning team, the volume it is
 * about and the actions that remove it.
 */
export function findingView(
  finding: CoreFinding,
  context: {
    entities: readonly FleetEntity[];
    actions?: FleetAction[];
    volume?: FleetVolume;
  },
): FleetFinding {
  const namespace = finding.lastClaim?.namespace ?? finding.object.namespace;
  // Labels that name an entity the catalog lacks are not guessed past.
  let entity: FleetEntity | undefined;
  if (finding.entityRef) {
    entity = context.entities.find(e => e.entityRef === finding.entityRef);
  } else if (!finding.kubernetesId) {
    entity = entityOfNamespace(context.entities, namespace);
  }
  return {
    ...finding,
    ...(entity && { entityRef: entity.entityRef }),
    ...(entity?.owner && { ownerRef: entity.owner }),
    ...(context.volume && { volume: context.volume }),
    actions: context.actions ?? [],
  };
}
