/** Small readers of cluster objects and finding plumbing shared by the fleet rules. */
import type {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import {
  DriverId,
  IN_TREE_PROVISIONERS,
  driverForProvisioner,
} from '../catalogue';
import { timeOf } from '../diagnosis/facts';
import {
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  KUBERNETES_ID_LABEL,
  STORAGE_PROVISIONER_ANNOTATION,
} from '../model/annotations';
import { isRecord, stringRecord } from '../validation/findings';
import { FleetFinding, FleetObjectRef, FleetSection, Instant } from './types';

export const DAY_MS = 24 * 3600 * 1000;
export const HOUR_MS = 3600 * 1000;

/** Milliseconds of an instant; undefined when it is not a valid time. */
export function instantMs(value: Instant | undefined): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  return timeOf(value);
}

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

/** Whole days between two times (0 when unknown or negative). */
export function wholeDays(from: number | undefined, to: number): number {
  return from === undefined ? 0 : Math.max(0, Math.floor((to - from) / DAY_MS));
}

/** The items of a list that are objects (an informer cache may hold anything). */
export function objectsOf<T>(list: readonly T[] | undefined): T[] {
  return Array.isArray(list)
    ? (list as readonly unknown[]).filter((item): item is T => isRecord(item))
    : [];
}

export function nameOf(object: { metadata?: { name?: string } }): string {
  const name = object?.metadata?.name;
  return typeof name === 'string' ? name : '';
}

export function namespaceOf(object: {
  metadata?: { namespace?: string };
}): string {
  const namespace = object?.metadata?.namespace;
  return typeof namespace === 'string' ? namespace : 'default';
}

export function labelsOf(object: {
  metadata?: { labels?: Record<string, string> };
}): Record<string, string> {
  return stringRecord(object?.metadata?.labels);
}

/** `namespace/name`, how claims are keyed and named in plain words. */
export function claimKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** The stable id of a finding: cluster, code, object and field. */
export function findingId(
  cluster: string,
  code: string,
  object: FleetObjectRef,
  field?: string,
): string {
  return [
    cluster,
    code,
    object.kind,
    object.namespace ?? '',
    object.name,
    ...(field ? [field] : []),
  ].join(':');
}

/** Builds a finding with its id. */
export function fleetFinding(
  section: FleetSection,
  fields: Omit<FleetFinding, 'id' | 'section'>,
): FleetFinding {
  return {
    id: findingId(fields.cluster, fields.code, fields.object, fields.field),
    section,
    ...fields,
  };
}

export function isDefaultClass(sc: V1StorageClass): boolean {
  return (
    stringRecord(sc?.metadata?.annotations)[
      DEFAULT_STORAGE_CLASS_ANNOTATION
    ] === 'true'
  );
}

export function classParameters(
  sc: V1StorageClass | undefined,
): Record<string, string> {
  return stringRecord(sc?.parameters);
}

/** The StorageClass of a volume or claim by name, among those listed. */
export function classNamed(
  classes: readonly V1StorageClass[],
  name: string | undefined | null,
): V1StorageClass | undefined {
  if (!name) return undefined;
  return classes.find(sc => nameOf(sc) === name);
}

/**
 * The driver behind a provisioner, counting in-tree provisioners as the CSI
 * driver that serves them through CSI migration (their volumes are the same
 * EBS volumes, billed and encrypted alike).
 */
export function driverOfProvisioner(
  provisioner: string | undefined,
): DriverId | undefined {
  if (typeof provisioner !== 'string') return undefined;
  return (
    driverForProvisioner(provisioner) ??
    driverForProvisioner(IN_TREE_PROVISIONERS[provisioner] ?? '')
  );
}

/** The driver of a PersistentVolume: its CSI driver (or in-tree EBS source), else its class's provisioner. */
export function volumeDriver(
  pv: V1PersistentVolume,
  classes: readonly V1StorageClass[],
): DriverId | undefined {
  const csi = pv?.spec?.csi?.driver;
  if (typeof csi === 'string') return driverForProvisioner(csi);
  if (pv?.spec?.awsElasticBlockStore) return 'ebs';
  const sc = classNamed(classes, pv?.spec?.storageClassName);
  return sc ? driverOfProvisioner(sc.provisioner) : undefined;
}

/** The driver of a claim: its volume's, its class's, or its provisioner annotation's. */
export function claimDriver(
  pvc: V1PersistentVolumeClaim,
  volumes: readonly V1PersistentVolume[],
  classes: readonly V1StorageClass[],
): DriverId | undefined {
  const pv = volumes.find(v => nameOf(v) === pvc?.spec?.volumeName);
  if (pv) {
    const driver = volumeDriver(pv, classes);
    if (driver) return driver;
  }
  const sc = classNamed(classes, pvc?.spec?.storageClassName);
  return (
    (sc ? driverOfProvisioner(sc.provisioner) : undefined) ??
    driverOfProvisioner(
      stringRecord(pvc?.metadata?.annotations)[
        STORAGE_PROVISIONER_ANNOTATION
      ] ?? '',
    )
  );
}

/** Claims (`namespace/name`) that a pod which has not finished mounts. */
export function mountedClaims(pods: readonly V1Pod[]): Set<string> {
  const mounted = new Set<string>();
  for (const pod of objectsOf(pods)) {
    if (['Succeeded', 'Failed'].includes(pod.status?.phase ?? '')) continue;
    for (const volume of objectsOf(pod.spec?.volumes)) {
      const claim = volume?.persistentVolumeClaim?.claimName;
      if (typeof claim === 'string') {
        mounted.add(claimKey(namespaceOf(pod), claim));
      }
    }
  }
  return mounted;
}

/** The `backstage.io/kubernetes-id` label's value, when set. */
export function kubernetesIdOf(
  labels: Record<string, string> | undefined,
): string | undefined {
  const id = labels?.[KUBERNETES_ID_LABEL]?.trim();
  return id ? id : undefined;
}

/** The time a Kubernetes object was created, in ms. */
export function createdMs(object: {
  metadata?: { creationTimestamp?: Date | string };
}): number | undefined {
  return timeOf(object?.metadata?.creationTimestamp);
}

const round2 = (usd: number) => Math.round(usd * 100) / 100;
export { round2 };
