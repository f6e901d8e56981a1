/**
 * The one key of a claim inside a cluster: `namespace/name`. Every map,
 * queue and index of the tracker uses it; Kubernetes names never contain a
 * slash, so it splits back unambiguously.
 */
export function claimKey(
  namespace: string | undefined,
  name: string | undefined,
): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

/** The namespace and name a key was made of. */
export function splitClaimKey(key: string): {
  namespace: string;
  name: string;
} {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
