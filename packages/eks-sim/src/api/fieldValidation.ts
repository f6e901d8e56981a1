/**
 * Server-side field validation (GA since 1.27): fields the schema does not
 * know are dropped from built-in objects as the typed decoder drops them;
 * `fieldValidation=Strict` refuses them with a 400, `Warn` (the default)
 * answers with a `Warning: 299` header per field, `Ignore` says nothing
 * (apiserver endpoints/handlers: strict decoding errors become
 * `errors.NewBadRequest("strict decoding error: …")`).
 *
 * The simulator knows the schema of the top level and metadata of every
 * kind and of a PersistentVolumeClaim's spec; deeper fields pass as sent.
 */
import { K8sObject } from '../store/types';
import { ResourceKind } from '../kinds';
import { errors } from './errors';
import { OBJECT_META_FIELDS } from './objectMeta';

const TOP: Record<string, string[]> = {
  StorageClass: [
    'provisioner',
    'parameters',
    'reclaimPolicy',
    'mountOptions',
    'allowVolumeExpansion',
    'volumeBindingMode',
    'allowedTopologies',
  ],
  VolumeSnapshotClass: ['driver', 'parameters', 'deletionPolicy'],
  Event: [
    'involvedObject',
    'reason',
    'message',
    'source',
    'firstTimestamp',
    'lastTimestamp',
    'count',
    'type',
    'eventTime',
    'series',
    'action',
    'related',
    'reportingComponent',
    'reportingInstance',
  ],
};

const SPEC: Record<string, string[]> = {
  PersistentVolumeClaim: [
    'accessModes',
    'selector',
    'resources',
    'volumeName',
    'storageClassName',
    'volumeMode',
    'dataSource',
    'dataSourceRef',
    'volumeAttributesClassName',
  ],
};

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** Paths of the fields the schema does not declare, e.g. `spec.foo`. */
function unknownFields(object: K8sObject): string[] {
  const paths: string[] = [];
  const top = ['apiVersion', 'kind', 'metadata', 'spec', 'status'].concat(
    TOP[object.kind] ?? [],
  );
  for (const key of Object.keys(object)) {
    if (!top.includes(key)) paths.push(key);
  }
  for (const key of Object.keys(object.metadata ?? {})) {
    if (!OBJECT_META_FIELDS.includes(key)) paths.push(`metadata.${key}`);
  }
  const spec = SPEC[object.kind];
  if (spec && object.spec && typeof object.spec === 'object') {
    for (const key of Object.keys(object.spec)) {
      if (!spec.includes(key)) paths.push(`spec.${key}`);
    }
    const resources = object.spec.resources;
    if (resources && typeof resources === 'object') {
      for (const key of Object.keys(resources)) {
        if (!['limits', 'requests'].includes(key)) {
          paths.push(`spec.resources.${key}`);
        }
      }
    }
  }
  return paths;
}

function drop(object: K8sObject, path: string) {
  const parts = path.split('.');
  let parent: any = object;
  for (const part of parts.slice(0, -1)) parent = parent?.[part];
  if (parent) delete parent[parts[parts.length - 1]];
}

/**
 * Applies the request's field validation to a decoded body (in place) and
 * returns the warnings to send.
 */
export function validateFields(
  kind: ResourceKind,
  object: K8sObject,
  mode: FieldValidation | undefined,
): string[] {
  const unknown = unknownFields(object);
  if (unknown.length === 0) return [];
  if (mode === 'Strict') {
    throw errors.badRequest(
      `strict decoding error: ${unknown
        .map(path => `unknown field "${path}"`)
        .join(', ')}`,
    );
  }
  // Custom resources keep what their (here unknown) schema preserves.
  if (kind.custom) return [];
  unknown.forEach(path => drop(object, path));
  return mode === 'Ignore'
    ? []
    : unknown.map(path => `unknown field "${path}"`);
}
