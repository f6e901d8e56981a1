/**
 * Lists with the API server's paging and resourceVersion rules: continue
 * tokens, snapshots at a version, remainingItemCount.
 */
import { ResourceKind, resourceKey } from '../kinds';
import { ObjectStore } from '../store/objectStore';
import { K8sObject } from '../store/types';
import { Selector } from '../store/selectors';
import { errors } from './errors';

export interface ListOptions {
  namespace?: string;
  labelSelector?: Selector;
  fieldSelector?: Selector;
  limit?: number;
  continueToken?: string;
  /** `resourceVersion` of the request ('' or absent: most recent). */
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
}

export interface ListResult {
  items: K8sObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

/**
 * Lists as the API server does (see "Resource versions" in the API
 * concepts docs and storage/etcd3 `GetList`): the most recent state, or a
 * snapshot at a resourceVersion for `Exact` and for continued pages, so an
 * object created or deleted after the first page never shifts later pages.
 */
export function listObjects(
  store: ObjectStore,
  kind: ResourceKind,
  options: ListOptions = {},
): ListResult {
  const namespace = scoped(kind, options.namespace);
  const resource = resourceKey(kind);
  const current = store.currentResourceVersion();
  let listVersion = current;
  let afterKey: string | undefined;
  let snapshot: number | undefined;
  if (options.continueToken) {
    const token = decodeContinue(options.continueToken);
    afterKey = token.start;
    if (token.rv !== -1) {
      if (token.rv < store.oldestResumableVersion()) {
        throw errors.expiredContinue(encodeContinue({ ...token, rv: -1 }));
      }
      snapshot = token.rv;
    }
  } else if (options.resourceVersion && options.resourceVersion !== '0') {
    const requested = parseResourceVersion(options.resourceVersion);
    if (requested > current) {
      throw errors.tooLargeResourceVersion(requested, current);
    }
    // Legacy rule: a non-zero resourceVersion with a limit and no match is Exact.
    const exact =
      options.resourceVersionMatch === 'Exact' ||
      (options.resourceVersionMatch === undefined &&
        options.limit !== undefined &&
        options.limit > 0);
    if (exact) snapshot = requested;
  }
  let all: K8sObject[];
  if (snapshot !== undefined) {
    const items = store.listAt(resource, namespace, snapshot, afterKey);
    if (items === 'expired') throw errors.expiredList();
    all = items;
    listVersion = snapshot;
  } else {
    all = store.listFrom(resource, namespace, afterKey);
  }
  const label = options.labelSelector;
  const field = options.fieldSelector;
  const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
  const items: K8sObject[] = [];
  let index = 0;
  for (; index < all.length && items.length < limit; index++) {
    const object = all[index];
    if ((!label || label(object)) && (!field || field(object))) {
      items.push(object);
    }
  }
  const result: ListResult = { items, resourceVersion: String(listVersion) };
  if (index < all.length && items.length >= limit) {
    const last = items[items.length - 1].metadata;
    result.continueToken = encodeContinue({
      v: 'meta.k8s.io/v1',
      rv: listVersion,
      start: `${last.namespace ?? ''}/${last.name}`,
    });
    if (!label && !field) {
      result.remainingItemCount = all.length - index;
    }
  }
  return result;
}

/** Cluster-scoped kinds ignore the namespace they are asked for. */
export function scoped(kind: ResourceKind, namespace: string | undefined) {
  return kind.namespaced ? namespace : undefined;
}

function encodeContinue(token: ContinueToken) {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function parseResourceVersion(text: string): number {
  if (!/^\d+$/.test(text)) {
    throw errors.badRequest(
      `resourceVersion: Invalid value: ${JSON.stringify(
        text,
      )}: strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`,
    );
  }
  return Number(text);
}

function decodeContinue(text: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof token.rv === 'number' && typeof token.start === 'string') {
      return token;
    }
  } catch {
    // fall through to the error below
  }
  throw errors.badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}
