/**
 * The generic registry: the semantics of every verb (create, update, patch,
 * apply, delete, list) over the object store, shared by the HTTP handlers
 * and the in-process controllers so both see the same rules.
 */
import { randomUUID } from 'node:crypto';
import { applyPatch as applyJsonPatch, Operation } from 'fast-json-patch';
import { SimClock } from '../clock';
import { ResourceKind, apiVersionOf, resourceKey } from '../kinds';
import { ObjectStore } from '../store/objectStore';
import { K8sObject, ManagedFieldsEntry } from '../store/types';
import { Selector } from '../store/selectors';
import { admit, validateAdmission } from './admission';
import { applyCreateDefaults, tracksGeneration } from './defaults';
import { ApiError, errors } from './errors';
import { clone, deepEqual, isPlainObject } from './patch/json';
import {
  ApplyConflictError,
  serverSideApply,
  trackUpdate,
} from './patch/managedFields';
import { applyMergePatch } from './patch/mergePatch';
import {
  applyStrategicMergePatch,
  PatchError,
} from './patch/strategicMergePatch';
import { validateCreate, validateName, validateUpdate } from './validation';
import { validateFields } from './fieldValidation';

export interface WriteOptions {
  /** Field manager recorded in managedFields. */
  fieldManager: string;
  dryRun?: boolean;
  subresource?: 'status';
  /** fieldValidation: Ignore, Warn (default) or Strict. */
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
  /** Collects `Warning` header texts for the response. */
  warnings?: string[];
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

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

const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function randomSuffix(length = 5) {
  let suffix = '';
  for (let i = 0; i < length; i++) {
    suffix +=
      NAME_SUFFIX_ALPHABET[
        Math.floor(Math.random() * NAME_SUFFIX_ALPHABET.length)
      ];
  }
  return suffix;
}

/** Metadata only the server sets; clients cannot change it on update. */
const SERVER_OWNED_METADATA = [
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
];

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

export class Registry {
  private nextClusterIp = 10;

  constructor(readonly store: ObjectStore, private readonly clock: SimClock) {}

  get(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
  ): K8sObject {
    const object = this.store.get(
      resourceKey(kind),
      scoped(kind, namespace),
      name,
    );
    if (!object) {
      throw errors.notFound(kind, name);
    }
    return object;
  }

  find(kind: ResourceKind, namespace: string | undefined, name: string) {
    return this.store.get(resourceKey(kind), scoped(kind, namespace), name);
  }

  /**
   * Lists as the API server does (see "Resource versions" in the API
   * concepts docs and storage/etcd3 `GetList`): the most recent state, or a
   * snapshot at a resourceVersion for `Exact` and for continued pages, so an
   * object created or deleted after the first page never shifts later pages.
   */
  list(kind: ResourceKind, options: ListOptions = {}): ListResult {
    const namespace = scoped(kind, options.namespace);
    const resource = resourceKey(kind);
    const current = this.store.currentResourceVersion();
    let listVersion = current;
    let afterKey: string | undefined;
    let snapshot: number | undefined;
    if (options.continueToken) {
      const token = decodeContinue(options.continueToken);
      afterKey = token.start;
      if (token.rv !== -1) {
        if (token.rv < this.store.oldestResumableVersion()) {
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
      const items = this.store.listAt(resource, namespace, snapshot, afterKey);
      if (items === 'expired') throw errors.expiredList();
      all = items;
      listVersion = snapshot;
    } else {
      all = this.store.listFrom(resource, namespace, afterKey);
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

  create(
    kind: ResourceKind,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions,
    appliedFields?: ManagedFieldsEntry[],
  ): K8sObject {
    const object = this.checkBody(kind, namespace, body);
    options.warnings?.push(
      ...validateFields(kind, object, options.fieldValidation),
    );
    const meta = object.metadata;
    if (!meta.name && meta.generateName) {
      meta.name = `${String(meta.generateName).slice(0, 58)}${randomSuffix()}`;
    }
    if (!meta.name) {
      throw errors.invalid(kind, '', [
        {
          reason: 'FieldValueRequired',
          message: 'Required value: name or generateName is required',
          field: 'metadata.name',
        },
      ]);
    }
    const nameCauses = validateName(kind.kind, meta.name);
    if (nameCauses.length > 0) {
      throw errors.invalid(kind, meta.name, nameCauses);
    }
    const now = this.clock.nowIso();
    meta.uid = randomUUID();
    meta.creationTimestamp = now;
    for (const field of [
      'resourceVersion',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'managedFields',
      'selfLink',
    ]) {
      delete meta[field];
    }
    // Only kinds whose strategy tracks generation (and every custom
    // resource) get one; PVCs, PVs and namespaces have none.
    if (tracksGeneration(kind.kind) || kind.custom) meta.generation = 1;
    else delete meta.generation;
    if (!kind.namespaced) {
      delete meta.namespace;
    }
    applyCreateDefaults(object, { clusterIp: () => this.allocateClusterIp() });
    admit(this.store, { operation: 'CREATE', kind, object });
    const causes = validateCreate(object);
    if (causes.length > 0) {
      throw errors.invalid(kind, meta.name, causes);
    }
    validateAdmission(this.store, { operation: 'CREATE', kind, object });
    if (this.find(kind, meta.namespace, meta.name)) {
      throw errors.alreadyExists(kind, meta.name);
    }
    meta.managedFields =
      appliedFields ??
      trackUpdate(kind.kind, [], undefined, object, {
        manager: options.fieldManager,
        apiVersion: apiVersionOf(kind),
        time: now,
      });
    if (options.dryRun) {
      return object;
    }
    return this.store.put(resourceKey(kind), object);
  }

  /** PUT: replace the object (or its status) with optimistic concurrency. */
  update(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions,
  ): K8sObject {
    const incoming = this.checkBody(kind, namespace, body);
    options.warnings?.push(
      ...validateFields(kind, incoming, options.fieldValidation),
    );
    if (
      incoming.metadata.name !== undefined &&
      incoming.metadata.name !== name
    ) {
      throw errors.badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    incoming.metadata.name = name;
    const existing = this.get(kind, namespace, name);
    const requested = incoming.metadata.resourceVersion;
    if (requested && requested !== existing.metadata.resourceVersion) {
      throw errors.conflict(kind, name);
    }
    if (!requested && kind.custom) {
      throw errors.invalid(kind, name, [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: 0x0: must be specified for an update',
          field: 'metadata.resourceVersion',
        },
      ]);
    }
    return this.commitUpdate(kind, existing, incoming, options);
  }

  patch(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    options: WriteOptions & { force?: boolean },
  ): K8sObject {
    if (patchType === 'apply') {
      return this.apply(kind, namespace, name, patch, options);
    }
    const existing = this.get(kind, namespace, name);
    let patched: unknown;
    try {
      patched = this.patchDocument(kind, existing, patchType, patch);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw errors.invalid(kind, name, [
        {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${patchErrorMessage(error)}`,
        },
      ]);
    }
    if (!isPlainObject(patched) || !isPlainObject(patched.metadata)) {
      throw errors.badRequest(
        'the patch produced an object that is not a Kubernetes object',
      );
    }
    const object = patched as K8sObject;
    options.warnings?.push(
      ...validateFields(kind, object, options.fieldValidation),
    );
    const requested = object.metadata.resourceVersion;
    if (requested && requested !== existing.metadata.resourceVersion) {
      throw errors.conflict(kind, name);
    }
    if (object.metadata.name !== name) {
      throw errors.badRequest(
        'metadata.name: Invalid value: the name of a patched object cannot change',
      );
    }
    return this.commitUpdate(kind, existing, object, options);
  }

  private patchDocument(
    kind: ResourceKind,
    existing: K8sObject,
    patchType: PatchType,
    patch: unknown,
  ) {
    switch (patchType) {
      case 'json':
        if (!Array.isArray(patch)) {
          throw errors.badRequest(
            'json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
          );
        }
        return applyJsonPatch(clone(existing), patch as Operation[], true, true)
          .newDocument;
      case 'merge':
        return applyMergePatch(existing, patch);
      default:
        if (kind.custom) {
          throw errors.unsupportedMediaType(true);
        }
        return applyStrategicMergePatch(kind.kind, existing, patch);
    }
  }

  private apply(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions & { force?: boolean },
  ): K8sObject {
    if (!options.fieldManager) {
      throw errors.badRequest('PATCH /apply requires fieldManager to be set');
    }
    const config = this.checkBody(kind, namespace, body);
    if (config.metadata.name !== undefined && config.metadata.name !== name) {
      throw errors.badRequest(
        `the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    config.metadata.name = name;
    const existing = this.find(kind, namespace, name);
    const who = {
      manager: options.fieldManager,
      apiVersion: apiVersionOf(kind),
      time: this.clock.nowIso(),
      ...(options.subresource ? { subresource: options.subresource } : {}),
    };
    const requested = config.metadata.resourceVersion;
    if (
      requested &&
      existing &&
      requested !== existing.metadata.resourceVersion
    ) {
      throw errors.conflict(kind, name);
    }
    try {
      const { object, managedFields } = serverSideApply(
        kind.kind,
        existing,
        existing?.metadata.managedFields ?? [],
        config,
        who,
        Boolean(options.force),
      );
      const merged = object as K8sObject;
      merged.apiVersion = apiVersionOf(kind);
      merged.kind = kind.kind;
      if (!existing) {
        return this.create(kind, namespace, merged, options, managedFields);
      }
      merged.metadata = { ...merged.metadata, managedFields };
      return this.commitUpdate(kind, existing, merged, options, true);
    } catch (error) {
      if (error instanceof ApplyConflictError) {
        throw new ApiError(409, 'Conflict', error.message, {
          causes: error.conflicts.map(c => ({
            reason: 'FieldManagerConflict',
            message: `conflict with ${c.manager}`,
            field: c.path,
          })),
        });
      }
      throw error;
    }
  }

  private commitUpdate(
    kind: ResourceKind,
    existing: K8sObject,
    incoming: K8sObject,
    options: WriteOptions,
    managedFieldsSet = false,
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
    admit(this.store, { operation: 'UPDATE', kind, object, old: existing });
    const causes = validateUpdate(existing, object);
    if (causes.length > 0) {
      throw errors.invalid(kind, existing.metadata.name!, causes);
    }
    validateAdmission(this.store, {
      operation: 'UPDATE',
      kind,
      object,
      old: existing,
    });
    if (!managedFieldsSet) {
      object.metadata.managedFields = trackUpdate(
        kind.kind,
        existing.metadata.managedFields ?? [],
        existing,
        object,
        {
          manager: options.fieldManager,
          apiVersion: apiVersionOf(kind),
          time: this.clock.nowIso(),
          ...(options.subresource ? { subresource: options.subresource } : {}),
        },
      );
    }
    object.metadata.resourceVersion = existing.metadata.resourceVersion;
    if (
      deepEqual(
        withoutManagedFieldTimes(object),
        withoutManagedFieldTimes(existing),
      )
    ) {
      // The API server does not write (or bump resourceVersion) for no-ops.
      return existing;
    }
    if (options.dryRun) {
      return object;
    }
    if (object.metadata.deletionTimestamp && isFinalized(object)) {
      return this.store.remove(
        resourceKey(kind),
        object.metadata.namespace,
        object.metadata.name!,
      )!;
    }
    return this.store.put(resourceKey(kind), object);
  }

  /**
   * Deletes an object: at once when nothing holds it, otherwise by setting
   * deletionTimestamp and waiting for its finalizers.
   */
  delete(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): K8sObject {
    const existing = this.get(kind, namespace, name);
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
    const finalizers = gcFinalizers(
      existing.metadata.finalizers ?? [],
      options,
    );
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
      return this.store.remove(
        resourceKey(kind),
        existing.metadata.namespace,
        name,
      )!;
    }
    if (existing.metadata.deletionTimestamp) {
      if (deepEqual(finalizers, existing.metadata.finalizers ?? [])) {
        return existing;
      }
      // A second delete may change the propagation policy's finalizers.
      const changed = clone(existing);
      changed.metadata.finalizers = finalizers;
      if (options.dryRun) return changed;
      return this.store.put(resourceKey(kind), changed);
    }
    const object = clone(existing);
    if (finalizers.length > 0) object.metadata.finalizers = finalizers;
    object.metadata.deletionTimestamp = this.clock.nowIso();
    object.metadata.deletionGracePeriodSeconds = graceful
      ? options.gracePeriodSeconds ??
        existing.spec?.terminationGracePeriodSeconds ??
        30
      : 0;
    if (kind.kind === 'Namespace') {
      object.status = { ...(object.status ?? {}), phase: 'Terminating' };
    }
    if (options.dryRun) return object;
    return this.store.put(resourceKey(kind), object);
  }

  private checkBody(
    kind: ResourceKind,
    namespace: string | undefined,
    body: unknown,
  ): K8sObject {
    if (!isPlainObject(body)) {
      throw errors.badRequest(
        `the object provided is unrecognized (must be of type ${kind.kind}): couldn't get version/kind; json parse error: expected an object`,
      );
    }
    const object = clone(body) as K8sObject;
    const expected = apiVersionOf(kind);
    if (object.apiVersion !== undefined && object.apiVersion !== expected) {
      throw errors.badRequest(
        `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`,
      );
    }
    if (object.kind !== undefined && object.kind !== kind.kind) {
      throw errors.badRequest(
        `the kind in the data (${object.kind}) does not match the expected kind (${kind.kind})`,
      );
    }
    object.apiVersion = expected;
    object.kind = kind.kind;
    if (object.metadata === undefined) {
      object.metadata = {};
    }
    if (!isPlainObject(object.metadata)) {
      throw errors.badRequest('metadata must be an object');
    }
    if (kind.namespaced) {
      if (
        object.metadata.namespace &&
        namespace &&
        object.metadata.namespace !== namespace
      ) {
        throw errors.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      object.metadata.namespace = namespace ?? object.metadata.namespace;
      if (!object.metadata.namespace) {
        throw errors.badRequest(
          'the server could not find the requested resource: a namespace is required',
        );
      }
    }
    return object;
  }

  private allocateClusterIp() {
    const n = this.nextClusterIp++;
    return `10.100.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }
}

/** Nothing holds the object any more (namespaces also wait for spec.finalizers). */
function isFinalized(object: K8sObject) {
  const namespaceFinalizers =
    object.kind === 'Namespace' ? object.spec?.finalizers ?? [] : [];
  return (
    (object.metadata.finalizers ?? []).length === 0 &&
    namespaceFinalizers.length === 0
  );
}

function scoped(kind: ResourceKind, namespace: string | undefined) {
  return kind.namespaced ? namespace : undefined;
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

function patchErrorMessage(error: unknown) {
  if (error instanceof PatchError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0];
  return 'invalid patch';
}
