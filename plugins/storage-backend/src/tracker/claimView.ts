import {
  ClaimDetail,
  ClaimSummary,
  ClaimVolume,
  Diagnosis,
  DiagnosisInput,
  OFFERING_ANNOTATION,
  OWNER_ANNOTATION,
  REQUEST_ID_LABEL,
  driverForProvisioner,
  nodeZone,
  volumeZone,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1StorageClass,
} from '@kubernetes/client-node';
import { ClusterCache, VolumeSnapshot } from './ClusterCache';
import { ClusterIndex } from './clusterIndex';
import { internText } from './sharedValues';

export type { ClaimDetail, ClaimSummary };

const iso = (value: Date | string | undefined) =>
  value ? new Date(value).toISOString() : undefined;

/** RFC 3339 in UTC to the second, as the API server writes its times. */
const SERVER_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/**
 * A time a summary keeps: the cached object's own text when the API server
 * wrote it in UTC (no copy per claim), else as toISOString writes it.
 */
const keptTime = (value: Date | string | undefined) =>
  typeof value === 'string' && SERVER_TIME.test(value) ? value : iso(value);

/** The objects diagnosis reads for one claim, from the cluster's cache. */
export function diagnosisInputOf(
  cache: ClusterCache,
  pvc: V1PersistentVolumeClaim,
  now: Date,
  index: ClusterIndex = new ClusterIndex(cache),
): DiagnosisInput {
  const namespace = pvc.metadata?.namespace;
  const name = pvc.metadata?.name ?? '';
  const pods = index.podsOf(namespace, name);
  const className = pvc.spec?.storageClassName;
  const volumeName = pvc.spec?.volumeName;
  return {
    pvc,
    pv: volumeName
      ? cache.get<V1PersistentVolume>('PersistentVolume', volumeName)
      : undefined,
    storageClass: className
      ? cache.get<V1StorageClass>('StorageClass', className)
      : undefined,
    storageClasses: index.storageClasses,
    events: index.eventsOf(namespace, name, pods),
    pods,
    nodes: index.nodes,
    snapshots: index.snapshotsOf(namespace, name),
    csiDrivers: index.csiDrivers,
    now,
  };
}

/**
 * The diagnosis as a summary keeps it: its explanation and fix repeat from
 * claim to claim (every healthy claim has the same), so they are shared.
 */
function keptDiagnosis(diagnosis: Diagnosis): Diagnosis {
  return {
    ...diagnosis,
    explanation: internText(diagnosis.explanation),
    fix: internText(diagnosis.fix),
  };
}

export function summarizeClaim(
  cluster: string,
  input: DiagnosisInput,
  diagnosis: Diagnosis,
): ClaimSummary {
  const pvc = input.pvc!;
  const metadata = pvc.metadata ?? {};
  const provisioner =
    input.storageClass?.provisioner ??
    metadata.annotations?.['volume.kubernetes.io/storage-provisioner'] ??
    input.pv?.spec?.csi?.driver;
  return {
    cluster,
    namespace: metadata.namespace ?? '',
    name: metadata.name ?? '',
    uid: metadata.uid,
    labels: metadata.labels ?? {},
    entityRef: metadata.annotations?.[OWNER_ANNOTATION],
    requestId: metadata.labels?.[REQUEST_ID_LABEL],
    offeringId: metadata.annotations?.[OFFERING_ANNOTATION],
    storageClassName: pvc.spec?.storageClassName ?? undefined,
    provisioner,
    driver: provisioner ? driverForProvisioner(provisioner) : undefined,
    accessModes: pvc.spec?.accessModes ?? [],
    volumeMode: pvc.spec?.volumeMode,
    requested: pvc.spec?.resources?.requests?.storage,
    capacity: pvc.status?.capacity?.storage,
    volumeName: pvc.spec?.volumeName,
    phase: pvc.status?.phase,
    createdAt: keptTime(metadata.creationTimestamp),
    diagnosis: keptDiagnosis(diagnosis),
  };
}

/** A volume whose claim is gone, listed where its claim was. */
export function summarizeVolume(
  cluster: string,
  pv: V1PersistentVolume,
  storageClass: V1StorageClass | undefined,
  diagnosis: Diagnosis,
): ClaimSummary {
  const provisioner = pv.spec?.csi?.driver ?? storageClass?.provisioner;
  return {
    cluster,
    namespace: pv.spec?.claimRef?.namespace ?? '',
    name: pv.spec?.claimRef?.name ?? pv.metadata?.name ?? '',
    labels: pv.metadata?.labels ?? {},
    storageClassName: pv.spec?.storageClassName,
    provisioner,
    driver: provisioner ? driverForProvisioner(provisioner) : undefined,
    accessModes: pv.spec?.accessModes ?? [],
    volumeMode: pv.spec?.volumeMode,
    capacity: pv.spec?.capacity?.storage,
    volumeName: pv.metadata?.name,
    phase: pv.status?.phase,
    createdAt: iso(pv.metadata?.creationTimestamp),
    diagnosis,
  };
}

export function volumeOf(
  pv: V1PersistentVolume,
  storageClass?: V1StorageClass,
): ClaimVolume {
  const encrypted = storageClass?.parameters?.encrypted;
  return {
    name: pv.metadata?.name ?? '',
    driver: pv.spec?.csi?.driver,
    volumeHandle: pv.spec?.csi?.volumeHandle,
    zone: volumeZone(pv),
    reclaimPolicy: pv.spec?.persistentVolumeReclaimPolicy,
    encrypted: encrypted === undefined ? undefined : encrypted === 'true',
    capacity: pv.spec?.capacity?.storage,
    phase: pv.status?.phase,
  };
}

export function detailOf(
  summary: ClaimSummary,
  input: DiagnosisInput,
): ClaimDetail {
  const nodes = new Map(
    (input.nodes ?? []).map(node => [node.metadata?.name, node]),
  );
  // The claim as the API serves it: a plain object, as the contract types it.
  const manifest = {
    ...input.pvc,
    apiVersion: input.pvc?.apiVersion ?? 'v1',
    kind: input.pvc?.kind ?? 'PersistentVolumeClaim',
    metadata: { ...input.pvc?.metadata },
  };
  return {
    ...summary,
    volume: input.pv ? volumeOf(input.pv, input.storageClass) : undefined,
    consumers: (input.pods ?? []).map(pod => {
      const node = pod.spec?.nodeName
        ? nodes.get(pod.spec.nodeName)
        : undefined;
      return {
        pod: pod.metadata?.name ?? '',
        phase: pod.status?.phase,
        node: pod.spec?.nodeName,
        zone: nodeZone(node),
      };
    }),
    snapshots: (input.snapshots as VolumeSnapshot[]).map(snapshot => ({
      name: snapshot.metadata?.name ?? '',
      readyToUse: snapshot.status?.readyToUse === true,
      restoreSize: snapshot.status?.restoreSize,
      createdAt: iso(
        snapshot.status?.creationTime ?? snapshot.metadata?.creationTimestamp,
      ),
      error: snapshot.status?.error?.message,
    })),
    events: (input.events ?? [])
      .map(event => ({
        type: event.type,
        reason: event.reason,
        message: event.message,
        count: event.count,
        firstSeen: iso(
          event.firstTimestamp ??
            event.eventTime ??
            event.metadata?.creationTimestamp,
        ),
        lastSeen: iso(
          event.lastTimestamp ??
            event.eventTime ??
            event.metadata?.creationTimestamp,
        ),
        source: event.source?.component ?? event.reportingComponent,
        object: `${event.involvedObject?.kind}/${event.involvedObject?.name}`,
      }))
      .sort((a, b) => (a.lastSeen ?? '').localeCompare(b.lastSeen ?? '')),
    manifest,
  };
}
