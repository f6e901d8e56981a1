import {
  EXPIRES_AT_ANNOTATION,
  FleetEntity,
  KUBERNETES_ID_LABEL,
  OWNER_ANNOTATION,
  REQUEST_ID_LABEL,
  claimOwnership,
  offeringOfClaim,
  parseQuantity,
  priceVolumes,
  volumeDriver,
} from '@eks-storage/backstage-plugin-storage-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { FleetClaim, FleetOwnerHint } from '../api';
import { FleetClaimFilter } from '../query';
import {
  FleetSnapshot,
  entityOfNamespace,
  newestReadings,
  readingKey,
} from '../snapshot';
import { claimUsageOf } from './usage';

const DAY_MS = 86_400_000;
const WORKLOAD_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app',
];

/** An entity reference in one spelling, so filters match however they are typed. */
export function normalRef(ref: string | undefined, defaultKind: string) {
  if (!ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return ref.toLocaleLowerCase('en-US');
  }
}

/**
 * The clues to the owner of a claim no entity claims: its label naming an
 * entity the catalog lacks, the entity of its namespace, the request that
 * made it, the workloads that mount it.
 */
function ownerHints(
  labels: Record<string, string>,
  annotations: Record<string, string>,
  namespace: string,
  pods: readonly V1Pod[],
  entities: readonly FleetEntity[],
): FleetOwnerHint[] {
  const hints: FleetOwnerHint[] = [];
  const id = labels[KUBERNETES_ID_LABEL];
  if (id) {
    hints.push({
      source: 'label',
      detail: `label ${KUBERNETES_ID_LABEL}=${id}, which no catalog entity has as its backstage.io/kubernetes-id annotation`,
    });
  }
  if (annotations[OWNER_ANNOTATION]) {
    hints.push({
      source: 'annotation',
      detail: `annotation ${OWNER_ANNOTATION}=${annotations[OWNER_ANNOTATION]}`,
      entityRef: annotations[OWNER_ANNOTATION],
    });
  }
  if (labels[REQUEST_ID_LABEL]) {
    hints.push({
      source: 'request',
      detail: `made by storage request ${labels[REQUEST_ID_LABEL]}`,
    });
  }
  const byNamespace = entities.filter(e => e.namespace === namespace);
  for (const entity of byNamespace) {
    hints.push({
      source: 'namespace',
      detail: `namespace ${namespace} is ${entity.entityRef}'s (backstage.io/kubernetes-namespace)`,
      entityRef: entity.entityRef,
    });
  }
  for (const key of WORKLOAD_LABELS) {
    if (labels[key]) {
      hints.push({ source: 'label', detail: `label ${key}=${labels[key]}` });
    }
  }
  for (const pod of pods) {
    const owner = pod.metadata?.ownerReferences?.[0];
    hints.push({
      source: 'workload',
      detail: owner
        ? `mounted by pod ${pod.metadata?.name} of ${owner.kind} ${owner.name}`
        : `mounted by pod ${pod.metadata?.name}`,
    });
  }
  return hints;
}

/** The entity, team, system and lifecycle a row shows, when it has an entity. */
function entityFields(entity: FleetEntity | undefined) {
  return entity
    ? {
        entityRef: entity.entityRef,
        ...(entity.owner && { ownerRef: entity.owner }),
        ...(entity.system && { systemRef: entity.system }),
        ...(entity.lifecycle && { lifecycle: entity.lifecycle }),
      }
    : {};
}

const iso = (value: Date | string | undefined) =>
  value ? new Date(value).toISOString() : undefined;

/** Every claim and every volume no claim holds, as the console lists them. */
export function fleetClaimRows(snapshot: FleetSnapshot): FleetClaim[] {
  const now = snapshot.now.getTime();
  const prices = new Map(
    priceVolumes({
      clusters: snapshot.clusters.map(c => c.storage),
      prices: snapshot.prices,
      entities: snapshot.entities,
      usage: Object.fromEntries(
        snapshot.clusters.map(c => [
          c.storage.cluster,
          snapshot.readings
            .filter(r => r.cluster === c.storage.cluster)
            .map(r => ({ ...r })),
        ]),
      ),
    }).map(row => [`${row.cluster}|${row.volume}`, row]),
  );
  const newest = newestReadings(snapshot.readings);
  const byRef = new Map(snapshot.entities.map(e => [e.entityRef, e]));
  const rows: FleetClaim[] = [];
  for (const { storage, claims } of snapshot.clusters) {
    const pvcs = new Map(
      (storage.persistentVolumeClaims ?? []).map(pvc => [
        `${pvc.metadata?.namespace}/${pvc.metadata?.name}`,
        pvc,
      ]),
    );
    const podsOf = (namespace: string, name: string) =>
      (storage.pods ?? []).filter(
        pod =>
          pod.metadata?.namespace === namespace &&
          !['Succeeded', 'Failed'].includes(pod.status?.phase ?? '') &&
          (pod.spec?.volumes ?? []).some(
            v => v.persistentVolumeClaim?.claimName === name,
          ),
      );
    const newestSnapshot = new Map<string, string>();
    for (const s of storage.volumeSnapshots ?? []) {
      const source = s.spec?.source?.persistentVolumeClaimName;
      const at = iso(s.status?.creationTime);
      if (!source || s.status?.readyToUse !== true || !at) continue;
      const k = `${s.metadata?.namespace}/${source}`;
      if ((newestSnapshot.get(k) ?? '') < at) newestSnapshot.set(k, at);
    }
    for (const claim of claims) {
      const pvc: V1PersistentVolumeClaim | undefined = pvcs.get(
        `${claim.namespace}/${claim.name}`,
      );
      const labels = claim.labels ?? {};
      const annotations = pvc?.metadata?.annotations ?? {};
      const ownership = claimOwnership(
        labels,
        claim.namespace,
        snapshot.entities,
      );
      const entity =
        ownership.entity ??
        (annotations[OWNER_ANNOTATION]
          ? byRef.get(annotations[OWNER_ANNOTATION])
          : undefined);
      const pods = podsOf(claim.namespace, claim.name);
      const reading = newest.get(
        readingKey(storage.cluster, claim.namespace, claim.name),
      );
      const price = claim.volumeName
        ? prices.get(`${storage.cluster}|${claim.volumeName}`)
        : undefined;
      const created = claim.createdAt ? Date.parse(claim.createdAt) : NaN;
      const offering =
        claim.offeringId ??
        (pvc ? offeringOfClaim(pvc, snapshot.offerings)?.id : undefined);
      const capacity = claim.capacity ?? claim.requested;
      rows.push({
        kind: 'PersistentVolumeClaim',
        cluster: storage.cluster,
        namespace: claim.namespace,
        name: claim.name,
        ...(claim.volumeName && { volumeName: claim.volumeName }),
        labels,
        ...entityFields(entity),
        owned: Boolean(entity),
        ownerHints: entity
          ? []
          : ownerHints(
              labels,
              annotations,
              claim.namespace,
              pods,
              snapshot.entities,
            ),
        ...(claim.storageClassName && {
          storageClassName: claim.storageClassName,
        }),
        ...(claim.driver && { driver: claim.driver }),
        ...(offering && { offeringId: offering }),
        ...(claim.phase && { phase: claim.phase }),
        state: claim.diagnosis.state,
        severity: claim.diagnosis.severity,
        headline: claim.diagnosis.headline,
        ...(claim.requested && { requested: claim.requested }),
        ...(claim.capacity && { capacity: claim.capacity }),
        ...(capacity &&
          parseQuantity(capacity) !== undefined && {
            capacityBytes: parseQuantity(capacity),
          }),
        ...(claim.createdAt && { createdAt: claim.createdAt }),
        ...(!Number.isNaN(created) && {
          ageDays: Math.max(0, Math.floor((now - created) / DAY_MS)),
        }),
        consumers: pods.length,
        ...(reading && { usage: claimUsageOf(reading) }),
        ...(price?.monthlyUsd !== undefined && {
          monthlyUsd: price.monthlyUsd,
        }),
        ...(newestSnapshot.get(`${claim.namespace}/${claim.name}`) && {
          newestSnapshotAt: newestSnapshot.get(
            `${claim.namespace}/${claim.name}`,
          ),
        }),
        ...(annotations[EXPIRES_AT_ANNOTATION] && {
          expiresAt: annotations[EXPIRES_AT_ANNOTATION],
        }),
      });
    }
    const classes = storage.storageClasses ?? [];
    for (const pv of storage.persistentVolumes ?? []) {
      const phase = pv.status?.phase ?? '';
      if (phase === 'Bound' || phase === 'Pending') continue;
      const ref = pv.spec?.claimRef;
      if (ref?.name && pvcs.has(`${ref.namespace}/${ref.name}`)) continue;
      const name = pv.metadata?.name ?? '';
      const namespace = ref?.namespace ?? '';
      const price = prices.get(`${storage.cluster}|${name}`);
      const priced = price?.entityRef ? byRef.get(price.entityRef) : undefined;
      const entity = priced ?? entityOfNamespace(snapshot.entities, namespace);
      const created = Date.parse(String(pv.metadata?.creationTimestamp ?? ''));
      const capacity = pv.spec?.capacity?.storage;
      const labels = pv.metadata?.labels ?? {};
      const driver = volumeDriver(pv, classes);
      const since = iso(pv.status?.lastPhaseTransitionTime);
      rows.push({
        kind: 'PersistentVolume',
        cluster: storage.cluster,
        namespace,
        name: ref?.name ?? name,
        volumeName: name,
        labels,
        ...entityFields(entity),
        // As on the Storage tab: a volume belongs to the entity of its
        // labels, else of its last claim's namespace.
        owned: Boolean(entity),
        ownerHints: entity
          ? []
          : ownerHints(
              labels,
              pv.metadata?.annotations ?? {},
              namespace,
              [],
              snapshot.entities,
            ),
        ...(pv.spec?.storageClassName && {
          storageClassName: pv.spec.storageClassName,
        }),
        ...(driver && { driver }),
        phase,
        state: phase.toLowerCase() || 'unknown',
        severity: 'warning',
        headline: ref?.name
          ? `Volume ${name} was left behind by claim ${namespace}/${ref.name}${
              since ? ` (${phase} since ${since.slice(0, 10)})` : ''
            } and is still billed`
          : `Volume ${name} is ${phase}: no claim uses it`,
        ...(capacity && { capacity }),
        ...(capacity &&
          parseQuantity(capacity) !== undefined && {
            capacityBytes: parseQuantity(capacity),
          }),
        ...(!Number.isNaN(created) && {
          createdAt: new Date(created).toISOString(),
          ageDays: Math.max(0, Math.floor((now - created) / DAY_MS)),
        }),
        consumers: 0,
        ...(price?.monthlyUsd !== undefined && {
          monthlyUsd: price.monthlyUsd,
        }),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.cluster.localeCompare(b.cluster) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}

/** Whether a row passes every filter that is set. */
export function matchesFilter(row: FleetClaim, filter: FleetClaimFilter) {
  const same = (a: string | undefined, b: string | undefined) =>
    b === undefined || a?.toLocaleLowerCase('en-US') === b;
  const percent =
    row.usage === undefined ? undefined : row.usage.usedFraction * 100;
  return (
    same(normalRef(row.ownerRef, 'group'), normalRef(filter.team, 'group')) &&
    same(
      normalRef(row.systemRef, 'system'),
      normalRef(filter.system, 'system'),
    ) &&
    same(
      normalRef(row.entityRef, 'component'),
      normalRef(filter.entity, 'component'),
    ) &&
    (filter.cluster === undefined || row.cluster === filter.cluster) &&
    (filter.namespace === undefined || row.namespace === filter.namespace) &&
    (filter.driver === undefined || row.driver === filter.driver) &&
    (filter.offering === undefined || row.offeringId === filter.offering) &&
    (filter.storageClass === undefined ||
      row.storageClassName === filter.storageClass) &&
    (filter.state === undefined || row.state === filter.state) &&
    (filter.owned === undefined || row.owned === filter.owned) &&
    (filter.minAgeDays === undefined ||
      (row.ageDays !== undefined && row.ageDays >= filter.minAgeDays)) &&
    (filter.maxAgeDays === undefined ||
      (row.ageDays !== undefined && row.ageDays <= filter.maxAgeDays)) &&
    (filter.usageAbove === undefined ||
      (percent !== undefined && percent > filter.usageAbove)) &&
    (filter.usageBelow === undefined ||
      (percent !== undefined && percent < filter.usageBelow))
  );
}
