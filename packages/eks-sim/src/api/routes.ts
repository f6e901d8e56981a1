/**
 * Parses Kubernetes REST paths (`/api/v1/namespaces/x/persistentvolumeclaims/y/status`)
 * into the resource, scope, name and subresource they address.
 */
import { ResourceKind, findKind } from '../kinds';

export interface ResourceRoute {
  type: 'resource';
  kind: ResourceKind;
  group: string;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type Route =
  | ResourceRoute
  | { type: 'discovery'; group?: string; version?: string; legacy: boolean }
  | { type: 'access-review'; resource: string }
  | { type: 'not-found' };

function resourceRoute(
  group: string,
  version: string,
  segments: string[],
): Route {
  let namespace: string | undefined;
  let rest = segments;
  if (
    segments[0] === 'namespaces' &&
    segments.length >= 3 &&
    !['status', 'finalize'].includes(segments[2])
  ) {
    namespace = segments[1];
    rest = segments.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  const kind = findKind(group, plural);
  if (!kind || kind.version !== version || extra.length > 0) {
    return { type: 'not-found' };
  }
  if (namespace !== undefined && !kind.namespaced) {
    return { type: 'not-found' };
  }
  if (subresource !== undefined && !kind.subresources.includes(subresource)) {
    return { type: 'not-found' };
  }
  return {
    type: 'resource',
    kind,
    group,
    version,
    namespace,
    name,
    subresource,
  };
}

export function parseRoute(pathname: string): Route {
  const segments = pathname
    .split('/')
    .filter(s => s.length > 0)
    .map(decodeURIComponent);
  if (segments[0] === 'api') {
    if (segments.length === 1) return { type: 'discovery', legacy: true };
    if (segments[1] !== 'v1') return { type: 'not-found' };
    if (segments.length === 2)
      return { type: 'discovery', legacy: true, group: '', version: 'v1' };
    return resourceRoute('', 'v1', segments.slice(2));
  }
  if (segments[0] === 'apis') {
    const [, group, version, ...rest] = segments;
    if (!group) return { type: 'discovery', legacy: false };
    if (!version) return { type: 'discovery', legacy: false, group };
    if (rest.length === 0)
      return { type: 'discovery', legacy: false, group, version };
    if (
      group === 'authorization.k8s.io' &&
      version === 'v1' &&
      rest.length === 1
    ) {
      return { type: 'access-review', resource: rest[0] };
    }
    return resourceRoute(group, version, rest);
  }
  return { type: 'not-found' };
}
