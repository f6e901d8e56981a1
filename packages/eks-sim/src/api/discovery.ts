/**
 * Discovery documents (`/version`, `/api`, `/api/v1`, `/apis`, `/apis/<g>`,
 * `/apis/<g>/<v>`) in the legacy format every client understands; clients
 * asking for aggregated discovery fall back to it as they do against older
 * servers.
 */
import { createHash } from 'node:crypto';
import { KINDS, ResourceKind, apiGroups } from '../kinds';

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5-eks-5d4a308',
  gitCommit: '5d4a3085f5ee1c5cbd10bb1a4c6ea3c0fa8b7b4d',
  gitTreeState: 'clean',
  buildDate: '2025-05-21T18:12:18Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Groups served outside the object store (access reviews). */
const AUTHORIZATION_GROUP = 'authorization.k8s.io';

function storageVersionHash(k: ResourceKind) {
  return createHash('sha256')
    .update(`${k.group}/${k.version}/${k.kind}`)
    .digest('base64')
    .slice(0, 11);
}

function resourceEntries(k: ResourceKind) {
  const main = {
    name: k.plural,
    singularName: k.singular,
    namespaced: k.namespaced,
    kind: k.kind,
    verbs: k.verbs,
    ...(k.shortNames.length ? { shortNames: k.shortNames } : {}),
    ...(k.categories.length ? { categories: k.categories } : {}),
    storageVersionHash: storageVersionHash(k),
  };
  const subresources = k.subresources.map(sub => ({
    name: `${k.plural}/${sub}`,
    singularName: '',
    namespaced: k.namespaced,
    kind: k.kind,
    verbs: ['get', 'patch', 'update'],
  }));
  return [main, ...subresources];
}

export function coreVersions() {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [
      { clientCIDR: '0.0.0.0/0', serverAddress: '172.16.0.10:443' },
    ],
  };
}

function groupDocument(name: string, versions: string[]) {
  const list = versions.map(v => ({
    groupVersion: `${name}/${v}`,
    version: v,
  }));
  return { name, versions: list, preferredVersion: list[0] };
}

function allGroups() {
  return [...apiGroups(), { name: AUTHORIZATION_GROUP, versions: ['v1'] }];
}

export function groupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: allGroups().map(g => groupDocument(g.name, g.versions)),
  };
}

export function group(name: string) {
  const found = allGroups().find(g => g.name === name);
  return found
    ? {
        kind: 'APIGroup',
        apiVersion: 'v1',
        ...groupDocument(found.name, found.versions),
      }
    : undefined;
}

export function resourceList(groupName: string, version: string) {
  const groupVersion = groupName ? `${groupName}/${version}` : version;
  if (groupName === AUTHORIZATION_GROUP && version === 'v1') {
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion,
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'].map(
        name => ({
          name,
          singularName: name.slice(0, -1),
          namespaced: false,
          kind:
            name === 'selfsubjectaccessreviews'
              ? 'SelfSubjectAccessReview'
              : 'SelfSubjectRulesReview',
          verbs: ['create'],
        }),
      ),
    };
  }
  const kinds = KINDS.filter(
    k => k.group === groupName && k.version === version,
  );
  if (kinds.length === 0) {
    return undefined;
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: kinds.flatMap(resourceEntries),
  };
}
