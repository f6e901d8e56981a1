/**
 * The catalogue of resources the simulated API server serves, with the
 * metadata discovery, routing and kubectl need (names, scope, verbs).
 */

export interface ResourceKind {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** Lower-case plural used in URLs, e.g. `persistentvolumeclaims`. */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresources served besides the main resource (only `status` here). */
  subresources: string[];
  /** True for kinds served from CustomResourceDefinitions on a real cluster. */
  custom: boolean;
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function kind(
  group: string,
  version: string,
  kindName: string,
  plural: string,
  options: Partial<ResourceKind> = {},
): ResourceKind {
  return {
    group,
    version,
    kind: kindName,
    listKind: `${kindName}List`,
    plural,
    singular: kindName.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    subresources: [],
    custom: false,
    ...options,
  };
}

const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';

export const KINDS: ResourceKind[] = [
  kind('', 'v1', 'Namespace', 'namespaces', {
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
  }),
  kind('', 'v1', 'Node', 'nodes', {
    namespaced: false,
    shortNames: ['no'],
    subresources: ['status'],
  }),
  kind('', 'v1', 'Pod', 'pods', {
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['status'],
  }),
  kind('', 'v1', 'Event', 'events', { shortNames: ['ev'] }),
  kind('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', {
    shortNames: ['pvc'],
    subresources: ['status'],
  }),
  kind('', 'v1', 'PersistentVolume', 'persistentvolumes', {
    namespaced: false,
    shortNames: ['pv'],
    subresources: ['status'],
  }),
  kind('', 'v1', 'ResourceQuota', 'resourcequotas', {
    shortNames: ['quota'],
    subresources: ['status'],
  }),
  kind('', 'v1', 'Service', 'services', {
    shortNames: ['svc'],
    categories: ['all'],
    subresources: ['status'],
  }),
  kind('apps', 'v1', 'StatefulSet', 'statefulsets', {
    shortNames: ['sts'],
    categories: ['all'],
    subresources: ['status'],
  }),
  kind('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', {
    namespaced: false,
    shortNames: ['sc'],
  }),
  kind('storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', {
    namespaced: false,
  }),
  kind(SNAPSHOT_GROUP, 'v1', 'VolumeSnapshot', 'volumesnapshots', {
    shortNames: ['vs'],
    subresources: ['status'],
    custom: true,
  }),
  kind(SNAPSHOT_GROUP, 'v1', 'VolumeSnapshotClass', 'volumesnapshotclasses', {
    namespaced: false,
    shortNames: ['vsclass', 'vsclasses'],
    custom: true,
  }),
  kind(
    SNAPSHOT_GROUP,
    'v1',
    'VolumeSnapshotContent',
    'volumesnapshotcontents',
    {
      namespaced: false,
      shortNames: ['vsc', 'vscs'],
      subresources: ['status'],
      custom: true,
    },
  ),
];

/** `group/plural` (core group: `/plural`), the store's key for a resource. */
export function resourceKey(k: Pick<ResourceKind, 'group' | 'plural'>) {
  return `${k.group}/${k.plural}`;
}

export function apiVersionOf(k: Pick<ResourceKind, 'group' | 'version'>) {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

const byKey = new Map(KINDS.map(k => [resourceKey(k), k]));
const byKind = new Map(KINDS.map(k => [k.kind, k]));

export function findKind(group: string, plural: string) {
  return byKey.get(`${group}/${plural}`);
}

export function kindByName(kindName: string): ResourceKind {
  const found = byKind.get(kindName);
  if (!found) {
    throw new Error(`unknown kind ${kindName}`);
  }
  return found;
}

/** Human readable `plural.group` as used in API error messages. */
export function qualifiedResource(k: ResourceKind) {
  return k.group ? `${k.plural}.${k.group}` : k.plural;
}

/** The API groups (besides core) in the order discovery lists them. */
export function apiGroups(): Array<{ name: string; versions: string[] }> {
  const groups = new Map<string, Set<string>>();
  for (const k of KINDS) {
    if (k.group) {
      const versions = groups.get(k.group) ?? new Set<string>();
      versions.add(k.version);
      groups.set(k.group, versions);
    }
  }
  return [...groups].map(([name, versions]) => ({
    name,
    versions: [...versions],
  }));
}
