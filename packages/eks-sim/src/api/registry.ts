/**
 * The generic registry: the semantics of every verb (create, update, patch,
 * apply, delete, list) over the object store, shared by the HTTP handlers
 * and the in-process controllers so both see the same rules.
 */
import { randomUUID } from 'node:crypto';
import { SimClock } from '../clock';
import { ResourceKind, apiVersionOf, resourceKey } from '../kinds';
import { ObjectStore } from '../store/objectStore';
import { K8sObject, ManagedFieldsEntry } from '../store/types';
import { admit, validateAdmission } from './admission';
import { DeleteOptions, deleteObject, isFinalized } from './deletion';
import { applyCreateDefaults, tracksGeneration } from './defaults';
import { ApiError, errors } from './errors';
import { validateFields } from './fieldValidation';
import { ListOptions, ListResult, listObjects, scoped } from './listing';
import { isPlainObject } from './patch/json';
import {
  ApplyConflictError,
  serverSideApply,
  trackUpdate,
} from './patch/managedFields';
import { PatchType, patchDocument, patchErrorMessage } from './patchDocument';
import { assertNameMatchesUrl, checkBody, randomSuffix } from './requestBody';
import { isNoOpUpdate, prepareUpdate } from './updateRules';
import { validateCreate, validateName, validateUpdate } from './validation';

export type { ListOptions, ListResult } from './listing';
export type { PatchType } from './patchDocument';

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

  /** See listing.ts: paging, continue tokens and snapshots at a version. */
  list(kind: ResourceKind, options: ListOptions = {}): ListResult {
    return listObjects(this.store, kind, options);
  }

  create(
    kind: ResourceKind,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions,
    appliedFields?: ManagedFieldsEntry[],
  ): K8sObject {
    const object = checkBody(kind, namespace, body);
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
    const incoming = checkBody(kind, namespace, body);
    options.warnings?.push(
      ...validateFields(kind, incoming, options.fieldValidation),
    );
    assertNameMatchesUrl(incoming, name);
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
      patched = patchDocument(kind, existing, patchType, patch);
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
    const config = checkBody(kind, namespace, body);
    assertNameMatchesUrl(config, name);
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
    const object = prepareUpdate(kind, existing, incoming, options);
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
    if (isNoOpUpdate(object, existing)) {
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
   * deletionTimestamp and waiting for its finalizers (see deletion.ts).
   */
  delete(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): K8sObject {
    const existing = this.get(kind, namespace, name);
    return deleteObject(this.store, this.clock, kind, existing, options);
  }

  private allocateClusterIp() {
    const n = this.nextClusterIp++;
    return `10.100.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }
}
