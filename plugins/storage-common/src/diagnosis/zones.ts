import type {
  V1Node,
  V1PersistentVolume,
  V1Pod,
} from '@kubernetes/client-node';

/**
 * The node labels (and topology keys) that name an Availability Zone, in the
 * order they are read: the well-known label, the EBS CSI driver's own topology
 * key, and the deprecated beta label.
 */
export const ZONE_LABELS: readonly string[] = [
  'topology.kubernetes.io/zone',
  'topology.ebs.csi.aws.com/zone',
  'failure-domain.beta.kubernetes.io/zone',
];

function isZoneKey(key: string | undefined): boolean {
  return key !== undefined && ZONE_LABELS.includes(key);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The zones a PersistentVolume is pinned to: the values of its required node
 * affinity on a zone key, else its zone labels.
 */
export function volumeZones(pv: V1PersistentVolume | undefined): string[] {
  const terms = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  const fromAffinity = terms.flatMap(term =>
    (term.matchExpressions ?? [])
      .filter(expression => isZoneKey(expression.key))
      .flatMap(expression => expression.values ?? []),
  );
  if (fromAffinity.length > 0) return unique(fromAffinity);
  return unique(
    ZONE_LABELS.map(label => pv?.metadata?.labels?.[label]).filter(
      (zone): zone is string => !!zone,
    ),
  );
}

/** The (first) zone of a PersistentVolume, as shown on the claim page. */
export function volumeZone(
  pv: V1PersistentVolume | undefined,
): string | undefined {
  return volumeZones(pv)[0];
}

/** The zone a node is in, from its zone labels. */
export function nodeZone(node: V1Node | undefined): string | undefined {
  return ZONE_LABELS.map(label => node?.metadata?.labels?.[label]).find(
    (zone): zone is string => !!zone,
  );
}

/** The zones that have nodes, sorted. */
export function nodeZones(nodes: readonly V1Node[] | undefined): string[] {
  return unique(
    (nodes ?? [])
      .map(nodeZone)
      .filter((zone): zone is string => zone !== undefined),
  ).sort();
}

/** The zones a pod is pinned to by its nodeSelector or required node affinity, sorted. */
export function podZones(pod: V1Pod | undefined): string[] {
  const selected = Object.entries(pod?.spec?.nodeSelector ?? {})
    .filter(([key]) => isZoneKey(key))
    .map(([, zone]) => zone);
  const required =
    pod?.spec?.affinity?.nodeAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const fromAffinity = required.flatMap(term =>
    (term.matchExpressions ?? [])
      .filter(
        expression => isZoneKey(expression.key) && expression.operator === 'In',
      )
      .flatMap(expression => expression.values ?? []),
  );
  return unique([...selected, ...fromAffinity]).sort();
}
