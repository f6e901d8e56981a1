/**
 * The rules every update (PUT, patch, apply) follows before admission:
 * server-owned metadata is kept, status moves only through its subresource,
 * a deleting object takes no new finalizers, and spec changes bump generation.
 */
import { ResourceKind } from '../kinds';
import { K8sObject } from '../store/types';
import { tracksGeneration } from './defaults';
import { errors } from './errors';
import { clone, deepEqual } from './patch/json';

/** Metadata only the server sets; clients cannot change it on update. */
const SERVER_OWNED_METADATA = [
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
];

export function prepareUpdate(
  kind: ResourceKind,
  existing: K8sObject,
  incoming: K8sObject,
  options: { subresource?: 'status' },
): K8sObject {
  const object = clone(incoming);
  for (const field of SERVER_OWNED_METADATA) {
    if (existing.metadata[field] !== undefined) {
      object.metadata[field] = existing.metadata[field];
    } else {
      delete object.metadata[field];
    }
  }
  object.metadata.namespace = existing.metadata.namespace;
  if (!kind.namespaced) delete object.metadata.namespace;
  object.apiVersion = existing.apiVersion;
  object.kind = existing.kind;
  if (options.subresource === 'status') {
    // Status writes change status only (ResetObjectMetaForStatus).
    const status = object.status;
    Object.keys(object).forEach(key => delete object[key]);
    Object.assign(object, clone(existing), { status });
    object.metadata.managedFields =
      incoming.metadata.managedFields ?? existing.metadata.managedFields;
  } else if (kind.subresources.includes('status')) {
    if (existing.status === undefined) delete object.status;
    else object.status = clone(existing.status);
  }
  if (existing.metadata.deletionTimestamp) {
    const added = (object.metadata.finalizers ?? []).filter(
      (f: string) => !(existing.metadata.finalizers ?? []).includes(f),
    );
    if (added.length > 0) {
      throw errors.invalid(kind, existing.metadata.name!, [
        {
          reason: 'FieldValueForbidden',
          message:
            'Forbidden: no new finalizers can be added if the object is being deleted',
          field: 'metadata.finalizers',
        },
      ]);
    }
  }
  const oldSpec = stripForGeneration(existing);
  if (
    tracksGeneration(kind.kind) &&
    !deepEqual(oldSpec, stripForGeneration(object))
  ) {
    object.metadata.generation = (existing.metadata.generation ?? 1) + 1;
  }
  return object;
}

/** The API server does not write (or bump resourceVersion) for no-ops. */
export function isNoOpUpdate(object: K8sObject, existing: K8sObject) {
  return deepEqual(
    withoutManagedFieldTimes(object),
    withoutManagedFieldTimes(existing),
  );
}

function stripForGeneration(object: K8sObject) {
  const { metadata: _m, status: _s, ...rest } = object;
  return rest;
}

function withoutManagedFieldTimes(object: K8sObject) {
  return {
    ...object,
    metadata: {
      ...object.metadata,
      managedFields: (object.metadata.managedFields ?? []).map(e => ({
        ...e,
        time: '',
      })),
    },
  };
}
