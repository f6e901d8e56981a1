/**
 * How each list field of the served kinds merges, shared by strategic merge
 * patch (patchMergeKey) and server-side apply (listType/listMapKeys).
 */

export type ListType =
  | { type: 'map'; key: string }
  | { type: 'set' }
  | { type: 'atomic' };

const POD_SPEC_LISTS: Record<string, ListType> = {
  containers: { type: 'map', key: 'name' },
  initContainers: { type: 'map', key: 'name' },
  ephemeralContainers: { type: 'map', key: 'name' },
  'containers.env': { type: 'map', key: 'name' },
  'containers.ports': { type: 'map', key: 'containerPort' },
  'containers.volumeMounts': { type: 'map', key: 'mountPath' },
  'containers.volumeDevices': { type: 'map', key: 'devicePath' },
  'initContainers.env': { type: 'map', key: 'name' },
  'initContainers.volumeMounts': { type: 'map', key: 'mountPath' },
  volumes: { type: 'map', key: 'name' },
  imagePullSecrets: { type: 'map', key: 'name' },
};

const COMMON_LISTS: Record<string, ListType> = {
  'metadata.finalizers': { type: 'set' },
  'metadata.ownerReferences': { type: 'map', key: 'uid' },
  'status.conditions': { type: 'map', key: 'type' },
};

function withPrefix(prefix: string, lists: Record<string, ListType>) {
  return Object.fromEntries(
    Object.entries(lists).map(([path, t]) => [`${prefix}.${path}`, t]),
  );
}

const KIND_LISTS: Record<string, Record<string, ListType>> = {
  Pod: withPrefix('spec', POD_SPEC_LISTS),
  StatefulSet: withPrefix('spec.template.spec', POD_SPEC_LISTS),
  Service: { 'spec.ports': { type: 'map', key: 'port' } },
  Node: { 'status.addresses': { type: 'map', key: 'type' } },
};

/** The list type at a field path (field names only, no indices). */
export function listTypeAt(kind: string, path: string[]): ListType {
  const joined = path.join('.');
  return (
    KIND_LISTS[kind]?.[joined] ?? COMMON_LISTS[joined] ?? { type: 'atomic' }
  );
}
