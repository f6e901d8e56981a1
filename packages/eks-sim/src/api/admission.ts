/**
 * The admission plugins that matter for storage, in the API server's order:
 * NamespaceLifecycle, DefaultStorageClass, StorageObjectInUseProtection
 * (finalizers), PersistentVolumeClaimResize and ResourceQuota.
 */
import {
  formatQuantity,
  parseQuantity,
} from '@eks-storage/backstage-plugin-storage-common';
import { ResourceKind, kindByName, resourceKey } from '../kinds';
import { ObjectStore } from '../store/objectStore';
import { K8sObject } from '../store/types';
import { errors } from './errors';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
export const DEFAULT_CLASS_ANNOTATION =
  'storageclass.kubernetes.io/is-default-class';

const NAMESPACES = resourceKey(kindByName('Namespace'));
const STORAGE_CLASSES = resourceKey(kindByName('StorageClass'));
const PVCS = resourceKey(kindByName('PersistentVolumeClaim'));
const QUOTAS = resourceKey(kindByName('ResourceQuota'));

export interface Admission {
  operation: 'CREATE' | 'UPDATE';
  kind: ResourceKind;
  object: K8sObject;
  old?: K8sObject;
}

export function admit(store: ObjectStore, request: Admission) {
  namespaceLifecycle(store, request);
  if (request.kind.kind === 'PersistentVolumeClaim') {
    if (request.operation === 'CREATE') {
      defaultStorageClass(store, request.object);
    }
    addFinalizer(request, PVC_PROTECTION);
  }
  if (request.kind.kind === 'PersistentVolume') {
    addFinalizer(request, PV_PROTECTION);
  }
}

/** Validating admission, after the object passed validation. */
export function validateAdmission(store: ObjectStore, request: Admission) {
  if (request.kind.kind === 'PersistentVolumeClaim') {
    if (request.operation === 'UPDATE') {
      pvcResize(store, request);
    }
    resourceQuota(store, request);
  }
}

function namespaceLifecycle(store: ObjectStore, request: Admission) {
  const namespace = request.object.metadata.namespace;
  if (
    !request.kind.namespaced ||
    request.operation !== 'CREATE' ||
    !namespace
  ) {
    return;
  }
  const ns = store.get(NAMESPACES, undefined, namespace);
  if (!ns) {
    throw errors.notFound(kindByName('Namespace'), namespace);
  }
  if (ns.status?.phase === 'Terminating' || ns.metadata.deletionTimestamp) {
    throw errors.forbidden(
      request.kind,
      request.object.metadata.name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
    );
  }
}

/** The newest class marked default, as DefaultStorageClass picks it. */
export function defaultStorageClassName(store: ObjectStore) {
  const defaults = store
    .list(STORAGE_CLASSES)
    .filter(
      sc => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true',
    )
    .sort((a, b) =>
      String(b.metadata.creationTimestamp).localeCompare(
        String(a.metadata.creationTimestamp),
      ),
    );
  return defaults[0]?.metadata.name;
}

function defaultStorageClass(store: ObjectStore, pvc: K8sObject) {
  if (pvc.spec && pvc.spec.storageClassName === undefined) {
    const name = defaultStorageClassName(store);
    if (name) {
      pvc.spec.storageClassName = name;
    }
  }
}

function addFinalizer(request: Admission, finalizer: string) {
  if (request.operation !== 'CREATE') {
    return;
  }
  const finalizers = request.object.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) {
    request.object.metadata.finalizers = [...finalizers, finalizer];
  }
}

function storageOf(pvc: K8sObject | undefined) {
  return parseQuantity(pvc?.spec?.resources?.requests?.storage) ?? 0;
}

function pvcResize(store: ObjectStore, request: Admission) {
  const { object, old } = request;
  if (!old || storageOf(object) <= storageOf(old)) {
    return;
  }
  const name = object.metadata.name;
  if (old.status?.phase !== 'Bound') {
    throw errors.forbidden(
      request.kind,
      name,
      'Only bound persistent volume claims can be expanded',
    );
  }
  const className = old.spec?.storageClassName;
  const sc = className
    ? store.get(STORAGE_CLASSES, undefined, className)
    : undefined;
  if (!sc || sc.allowVolumeExpansion !== true) {
    throw errors.forbidden(
      request.kind,
      name,
      'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  }
}

interface QuotaUsage {
  key: string;
  requested: number;
}

/** The quota resources a claim counts against, with how much it adds. */
function claimUsage(pvc: K8sObject, old: K8sObject | undefined): QuotaUsage[] {
  const className = pvc.spec?.storageClassName;
  const requestedBytes = storageOf(pvc) - storageOf(old);
  const usage: QuotaUsage[] = [
    { key: 'requests.storage', requested: requestedBytes },
  ];
  if (!old) {
    usage.push({ key: 'persistentvolumeclaims', requested: 1 });
  }
  if (className) {
    const prefix = `${className}.storageclass.storage.k8s.io/`;
    usage.push({ key: `${prefix}requests.storage`, requested: requestedBytes });
    if (!old) {
      usage.push({ key: `${prefix}persistentvolumeclaims`, requested: 1 });
    }
  }
  return usage.filter(u => u.requested > 0);
}

/** What a namespace's claims use of one quota resource. */
export function namespaceUsage(
  store: ObjectStore,
  namespace: string,
  key: string,
) {
  const claims = store.list(PVCS, namespace);
  const className = key.includes('.storageclass.storage.k8s.io/')
    ? key.split('.storageclass.storage.k8s.io/')[0]
    : undefined;
  const counted = className
    ? claims.filter(c => c.spec?.storageClassName === className)
    : claims;
  return key.endsWith('persistentvolumeclaims')
    ? counted.length
    : counted.reduce((sum, c) => sum + storageOf(c), 0);
}

function formatUsage(key: string, value: number) {
  return key.endsWith('persistentvolumeclaims')
    ? String(value)
    : formatQuantity(value);
}

function resourceQuota(store: ObjectStore, request: Admission) {
  const namespace = request.object.metadata.namespace!;
  const quotas = store.list(QUOTAS, namespace);
  if (quotas.length === 0) {
    return;
  }
  const usage = claimUsage(request.object, request.old);
  for (const quota of quotas) {
    const hard: Record<string, string> = quota.spec?.hard ?? {};
    const exceeded = usage.filter(u => {
      if (hard[u.key] === undefined) return false;
      const limit = parseQuantity(hard[u.key]) ?? 0;
      return namespaceUsage(store, namespace, u.key) + u.requested > limit;
    });
    if (exceeded.length > 0) {
      const list = (f: (u: QuotaUsage) => string) => exceeded.map(f).join(',');
      throw errors.forbidden(
        request.kind,
        request.object.metadata.name,
        `exceeded quota: ${quota.metadata.name}, requested: ${list(
          u => `${u.key}=${formatUsage(u.key, u.requested)}`,
        )}, used: ${list(
          u =>
            `${u.key}=${formatUsage(
              u.key,
              namespaceUsage(store, namespace, u.key),
            )}`,
        )}, limited: ${list(u => `${u.key}=${hard[u.key]}`)}`,
      );
    }
  }
}
