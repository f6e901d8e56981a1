/**
 * What a resource verb answers with: the object or a Table, list bodies with
 * their paging metadata, and the Status some kinds return for a delete.
 */
import { ResourceKind } from '../kinds';
import { K8sObject } from '../store/types';
import { listQuery } from './query';
import { Registry } from './registry';
import { RequestInfo, selectorsOf } from './resourceRequests';
import { toTable } from './tables';

export interface Reply {
  status: number;
  body: unknown;
  /** `Warning` header texts (RFC 7234 code 299). */
  warnings?: string[];
}

export function present(info: RequestInfo, object: K8sObject) {
  if (!info.asTable) return object;
  return toTable(info.route.kind.kind, [object], {
    now: info.now,
    resourceVersion: object.metadata.resourceVersion,
  });
}

/**
 * Kinds whose registry sets `ReturnDeletedObject: true` (pkg/registry/<group>/<resource>/storage):
 * an immediate delete answers with the object, others with a Status.
 */
const RETURNS_DELETED_OBJECT = new Set([
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Pod',
  'Service',
  'Node',
  'Namespace',
  'ResourceQuota',
  'StorageClass',
]);

export function deletedBody(kind: ResourceKind, object: K8sObject) {
  if (RETURNS_DELETED_OBJECT.has(kind.kind)) return object;
  // genericregistry.Store.finalizeDelete: a success Status naming the object.
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: object.metadata.name,
      group: kind.group,
      kind: kind.plural,
      uid: object.metadata.uid,
    },
  };
}

export function listBody(
  kind: ResourceKind,
  items: K8sObject[],
  resourceVersion: string,
  extra: Record<string, unknown> = {},
) {
  return {
    kind: kind.listKind,
    apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
    metadata: { resourceVersion, ...extra },
    items,
  };
}

export function list(registry: Registry, info: RequestInfo): Reply {
  const { kind, namespace } = info.route;
  const options = listQuery(info.query);
  const result = registry.list(kind, {
    namespace,
    ...selectorsOf(kind, info.query),
    limit: options.limit,
    continueToken: options.continueToken,
    resourceVersion: options.resourceVersion,
    resourceVersionMatch: options.resourceVersionMatch,
  });
  if (info.asTable) {
    return {
      status: 200,
      body: toTable(kind.kind, result.items, {
        now: info.now,
        resourceVersion: result.resourceVersion,
        continueToken: result.continueToken,
        remainingItemCount: result.remainingItemCount,
      }),
    };
  }
  const extra: Record<string, unknown> = {};
  if (result.continueToken) extra.continue = result.continueToken;
  if (result.remainingItemCount !== undefined)
    extra.remainingItemCount = result.remainingItemCount;
  return {
    status: 200,
    body: listBody(kind, result.items, result.resourceVersion, extra),
  };
}
