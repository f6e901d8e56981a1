/**
 * A minimal OpenAPI v3 discovery: one document per group version listing
 * each resource's PATCH operation with its GVK and query parameters. kubectl
 * reads it to learn that the server validates fields itself
 * (`fieldValidation`), so it skips client-side schema validation.
 */
import { createHash } from 'node:crypto';
import { KINDS, ResourceKind } from '../kinds';
import { KUBERNETES_VERSION } from './discovery';

const PATCH_PARAMETERS = [
  'dryRun',
  'fieldManager',
  'fieldValidation',
  'force',
  'pretty',
].map(name => ({
  name,
  in: 'query',
  description: `${name} query parameter`,
  schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
}));

function groupVersionPath(k: Pick<ResourceKind, 'group' | 'version'>) {
  return k.group ? `apis/${k.group}/${k.version}` : `api/${k.version}`;
}

function patchOperation(k: ResourceKind) {
  return {
    patch: {
      description: `partially update the specified ${k.kind}`,
      operationId: `patch${k.kind}`,
      parameters: PATCH_PARAMETERS,
      responses: {
        '200': { description: 'OK' },
        '201': { description: 'Created' },
        '401': { description: 'Unauthorized' },
      },
      tags: [groupVersionPath(k)],
      'x-kubernetes-action': 'patch',
      'x-kubernetes-group-version-kind': {
        group: k.group,
        version: k.version,
        kind: k.kind,
      },
    },
  };
}

function itemPath(k: ResourceKind) {
  const scope = k.namespaced ? '/namespaces/{namespace}' : '';
  return `/${groupVersionPath(k)}${scope}/${k.plural}/{name}`;
}

function documentFor(path: string) {
  const kinds = KINDS.filter(k => groupVersionPath(k) === path);
  if (kinds.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  for (const k of kinds) {
    paths[itemPath(k)] = patchOperation(k);
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION.gitVersion },
    paths,
    components: { schemas: {} },
  };
}

function hashOf(path: string) {
  return createHash('sha512')
    .update(JSON.stringify(documentFor(path)))
    .digest('hex')
    .slice(0, 128)
    .toUpperCase();
}

export function openApiV3Index() {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const path of new Set(KINDS.map(groupVersionPath))) {
    paths[path] = {
      serverRelativeURL: `/openapi/v3/${path}?hash=${hashOf(path)}`,
    };
  }
  return { paths };
}

/** The document for `/openapi/v3/<path>`, or undefined. */
export function openApiV3Document(path: string) {
  return documentFor(path);
}
