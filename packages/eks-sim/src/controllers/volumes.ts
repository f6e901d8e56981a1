/** Shared facts about claims, volumes, pods and nodes used by several controllers. */
import { parseQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { labelSelectorObjectMatches } from '../store/selectors';
import { K8sObject } from '../store/types';

export const ANN_STORAGE_PROVISIONER =
  'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER =
  'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const PROVISIONER_FINALIZER =
  'external-provisioner.volume.kubernetes.io/finalizer';

export function requestedBytes(pvc: K8sObject) {
  return parseQuantity(pvc.spec?.resources?.requests?.storage) ?? 0;
}

export function capacityBytes(object: K8sObject) {
  return (
    parseQuantity(
      object.status?.capacity?.storage ?? object.spec?.capacity?.storage,
    ) ?? 0
  );
}

/** Claim names a pod mounts. */
export function claimsOf(pod: K8sObject): string[] {
  return (pod.spec?.volumes ?? [])
    .map((v: any) => v?.persistentVolumeClaim?.claimName)
    .filter((name: unknown): name is string => typeof name === 'string');
}

export function isTerminated(pod: K8sObject) {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Pods in the claim's namespace that use it and have not terminated. */
export function podsUsing(pods: K8sObject[], claimName: string) {
  return pods.filter(p => !isTerminated(p) && claimsOf(p).includes(claimName));
}

type Requirement = { key: string; operator: string; values?: string[] };

function requirementMatches(labels: Record<string, string>, r: Requirement) {
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return value !== undefined && (r.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(r.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}

/** Whether a node satisfies a PV's required node affinity. */
export function volumeFitsNode(pv: K8sObject, node: K8sObject) {
  const terms: Array<{ matchExpressions?: Requirement[] }> =
    pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some(term =>
    (term.matchExpressions ?? []).every(r => requirementMatches(labels, r)),
  );
}

/** Whether a node satisfies a pod's nodeSelector. */
export function podFitsNode(pod: K8sObject, node: K8sObject) {
  const selector: Record<string, string> = pod.spec?.nodeSelector ?? {};
  const labels = node.metadata.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Zones a class's allowedTopologies permit (empty: any). */
export function allowedZones(sc: K8sObject | undefined): string[] {
  const zones: string[] = [];
  for (const term of sc?.allowedTopologies ?? []) {
    for (const expr of term.matchLabelExpressions ?? []) {
      if (
        expr.key === 'topology.kubernetes.io/zone' ||
        expr.key === 'topology.ebs.csi.aws.com/zone'
      ) {
        zones.push(...(expr.values ?? []));
      }
    }
  }
  return zones;
}

/** A static PV a claim could bind to, as the PV controller's matcher picks it. */
export function volumeMatchesClaim(pv: K8sObject, pvc: K8sObject) {
  if (pv.metadata.deletionTimestamp) return false;
  const claimRef = pv.spec?.claimRef;
  if (claimRef) {
    if (
      claimRef.name !== pvc.metadata.name ||
      claimRef.namespace !== pvc.metadata.namespace
    )
      return false;
    if (claimRef.uid && claimRef.uid !== pvc.metadata.uid) return false;
  } else if (pv.status?.phase !== 'Available') {
    return false;
  }
  if ((pv.spec?.storageClassName ?? '') !== (pvc.spec?.storageClassName ?? ''))
    return false;
  if (
    (pv.spec?.volumeMode ?? 'Filesystem') !==
    (pvc.spec?.volumeMode ?? 'Filesystem')
  )
    return false;
  const modes: string[] = pv.spec?.accessModes ?? [];
  if (!(pvc.spec?.accessModes ?? []).every((m: string) => modes.includes(m)))
    return false;
  if (capacityBytes(pv) < requestedBytes(pvc)) return false;
  if (
    pvc.spec?.selector &&
    !labelSelectorObjectMatches(pvc.spec.selector, pv.metadata.labels)
  ) {
    return false;
  }
  return true;
}
