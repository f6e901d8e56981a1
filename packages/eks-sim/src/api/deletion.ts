/**
 * Delete semantics: preconditions, the garbage-collection finalizers a
 * propagation policy asks for, graceful pod deletion and namespaces that
 * wait for their spec.finalizers.
 */
import { SimClock } from '../clock';
import { ResourceKind, resourceKey } from '../kinds';
import { ObjectStore } from '../store/objectStore';
import { K8sObject } from '../store/types';
import { errors } from './errors';
import { clone, deepEqual } from './patch/json';

export interface DeleteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  gracePeriodSeconds?: number;
  dryRun?: boolean;
  /** Deprecated DeleteOptions field; false asks for foreground deletion. */
  orphanDependents?: boolean;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
}

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

/**
 * The garbage-collection finalizers a delete asks for
 * (genericregistry `deletionFinalizersForGarbageCollection`): foreground
 * adds `foregroundDeletion`, orphan adds `orphan`, background removes both.
 */
function gcFinalizers(existing: string[], options: DeleteOptions): string[] {
  const foreground =
    options.propagationPolicy === 'Foreground' ||
    options.orphanDependents === false;
  const orphan =
    options.propagationPolicy === 'Orphan' || options.orphanDependents === true;
  const background = options.propagationPolicy === 'Background';
  let finalizers = [...existing];
  if (foreground || background) {
    finalizers = finalizers.filter(f => f !== ORPHAN_FINALIZER);
  }
  if (orphan || background) {
    finalizers = finalizers.filter(f => f !== FOREGROUND_FINALIZER);
  }
  if (foreground && !finalizers.includes(FOREGROUND_FINALIZER)) {
    finalizers.push(FOREGROUND_FINALIZER);
  }
  if (orphan && !finalizers.includes(ORPHAN_FINALIZER)) {
    finalizers.push(ORPHAN_FINALIZER);
  }
  return finalizers;
}

/**
 * Deletes an object: at once when nothing holds it, otherwise by setting
 * deletionTimestamp and waiting for its finalizers.
 */
export function deleteObject(
  store: ObjectStore,
  clock: SimClock,
  kind: ResourceKind,
  existing: K8sObject,
  options: DeleteOptions,
): K8sObject {
  const name = existing.metadata.name!;
  const pre = options.preconditions ?? {};
  if (pre.uid && pre.uid !== existing.metadata.uid) {
    throw errors.conflictWithMessage(
      kind,
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`,
    );
  }
  if (
    pre.resourceVersion &&
    pre.resourceVersion !== existing.metadata.resourceVersion
  ) {
    throw errors.conflictWithMessage(
      kind,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
    );
  }
  const finalizers = gcFinalizers(existing.metadata.finalizers ?? [], options);
  const graceful =
    kind.kind === 'Pod' &&
    existing.spec?.nodeName &&
    options.gracePeriodSeconds !== 0;
  const namespaceFinalizers =
    kind.kind === 'Namespace' ? existing.spec?.finalizers ?? [] : [];
  if (
    finalizers.length === 0 &&
    !graceful &&
    namespaceFinalizers.length === 0
  ) {
    if (options.dryRun) return existing;
    return store.remove(resourceKey(kind), existing.metadata.namespace, name)!;
  }
  if (existing.metadata.deletionTimestamp) {
    if (deepEqual(finalizers, existing.metadata.finalizers ?? [])) {
      return existing;
    }
    // A second delete may change the propagation policy's finalizers.
    const changed = clone(existing);
    changed.metadata.finalizers = finalizers;
    if (options.dryRun) return changed;
    return store.put(resourceKey(kind), changed);
  }
  const object = clone(existing);
  if (finalizers.length > 0) object.metadata.finalizers = finalizers;
  object.metadata.deletionTimestamp = clock.nowIso();
  object.metadata.deletionGracePeriodSeconds = graceful
    ? options.gracePeriodSeconds ??
      existing.spec?.terminationGracePeriodSeconds ??
      30
    : 0;
  if (kind.kind === 'Namespace') {
    object.status = { ...(object.status ?? {}), phase: 'Terminating' };
  }
  if (options.dryRun) return object;
  return store.put(resourceKey(kind), object);
}

export /** Nothing holds the object any more (namespaces also wait for spec.finalizers). */
function isFinalized(object: K8sObject) {
  const namespaceFinalizers =
    object.kind === 'Namespace' ? object.spec?.finalizers ?? [] : [];
  return (
    (object.metadata.finalizers ?? []).length === 0 &&
    namespaceFinalizers.length === 0
  );
}
