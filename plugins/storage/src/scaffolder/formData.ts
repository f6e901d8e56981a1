import {
  AccessMode,
  OfferingListItem,
  WORKLOADS,
  Workload,
  isDns1123Subdomain,
  parseEntityRef,
} from '@eks-storage/backstage-plugin-storage-common';
import type { StorageFieldUiOptions } from './schemas';

/** The names of the other answers a storage field reads. */
export interface StorageFieldNames {
  entity: string;
  workload: string;
  offering: string;
  size: string;
  accessMode: string;
  /** Unset: the first answer shaped { cluster, namespace }. */
  clusterNamespace?: string;
  claimName: string;
  snapshot: string;
  volume: string;
}

export function fieldNames(
  options: StorageFieldUiOptions | undefined,
): StorageFieldNames {
  return {
    entity: options?.entityField ?? 'entityRef',
    workload: options?.workloadField ?? 'workload',
    offering: options?.offeringField ?? 'offering',
    size: options?.sizeField ?? 'size',
    accessMode: options?.accessModeField ?? 'accessMode',
    clusterNamespace: options?.clusterNamespaceField,
    claimName: options?.claimNameField ?? 'claimName',
    snapshot: options?.snapshotField ?? 'snapshot',
    volume: options?.volumeField ?? 'volumeId',
  };
}

export interface ClusterNamespace {
  cluster: string;
  namespace: string;
}

/** The storage answers of a form, each only when it is there and a string. */
export interface StorageAnswers {
  entityRef?: string;
  workload?: Workload;
  offering?: string;
  size?: string;
  accessMode?: string;
  cluster?: string;
  namespace?: string;
  claimName?: string;
  snapshot?: string;
  volumeId?: string;
}

type FormData = Record<string, unknown> | undefined;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

export function isClusterNamespace(value: unknown): value is ClusterNamespace {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ClusterNamespace).cluster === 'string' &&
    typeof (value as ClusterNamespace).namespace === 'string'
  );
}

function clusterNamespaceOf(
  formData: FormData,
  field: string | undefined,
): Partial<ClusterNamespace> {
  const value = field
    ? formData?.[field]
    : Object.values(formData ?? {}).find(isClusterNamespace);
  if (typeof value !== 'object' || value === null) return {};
  const { cluster, namespace } = value as Record<string, unknown>;
  return { cluster: text(cluster), namespace: text(namespace) };
}

/** Reads the other answers a field depends on. */
export function readAnswers(
  formData: FormData,
  names: StorageFieldNames,
): StorageAnswers {
  const workload = text(formData?.[names.workload]);
  return {
    entityRef: text(formData?.[names.entity]),
    workload: WORKLOADS.includes(workload as Workload)
      ? (workload as Workload)
      : undefined,
    offering: text(formData?.[names.offering]),
    size: text(formData?.[names.size]),
    accessMode: text(formData?.[names.accessMode]),
    ...clusterNamespaceOf(formData, names.clusterNamespace),
    claimName: text(formData?.[names.claimName]),
    snapshot: text(formData?.[names.snapshot]),
    volumeId: text(formData?.[names.volume]),
  };
}

/**
 * The request as far as the form has answered it, for storage-common's
 * validator; fields not answered yet are left out, and a field's validator
 * reads only the findings about its own field.
 */
export function draftRequest(
  answers: StorageAnswers,
  offering: OfferingListItem | undefined,
): Record<string, unknown> {
  const isStatic = offering?.capabilities && !offering.capabilities.dynamic;
  return {
    operation: 'create',
    entityRef: answers.entityRef,
    cluster: answers.cluster,
    namespace: answers.namespace,
    claimName: answers.claimName,
    offering: answers.offering,
    size: answers.size,
    accessMode: answers.accessMode,
    ...(answers.workload && { workload: answers.workload }),
    source: sourceOf(answers, !!isStatic),
  };
}

function sourceOf(answers: StorageAnswers, isStatic: boolean) {
  if (answers.snapshot) {
    return { type: 'snapshot', snapshotName: answers.snapshot };
  }
  if (isStatic) return { type: 'existing', volumeId: answers.volumeId ?? '' };
  return { type: 'new' };
}

/** A claim name no one uses, for questions to the backend before the name is chosen. */
const placeholderClaimName = (entityRef: string) =>
  `${parseEntityRef(entityRef)?.name ?? 'storage'}-policy-check`.slice(0, 63);

/**
 * A complete request to ask the backend what policy decides, filling what
 * the form has not answered yet with what the request will most likely
 * carry (the offering's first cluster and access mode, the entity's
 * namespace, a placeholder claim name). Undefined until the entity, the
 * offering and the size are known.
 */
export function policyProbe(
  answers: StorageAnswers,
  offering: OfferingListItem | undefined,
  defaults: { namespace?: string },
): Record<string, unknown> | undefined {
  const { entityRef, size } = answers;
  if (!entityRef || !offering || !size) return undefined;
  const cluster = answers.cluster ?? offering.clusters[0];
  const namespace = answers.namespace ?? defaults.namespace;
  if (!cluster || !namespace) return undefined;
  const isStatic = offering.capabilities && !offering.capabilities.dynamic;
  const volumeId = answers.volumeId ?? offering.existingVolumes[0]?.id;
  if (isStatic && !volumeId) return undefined;
  const accessMode = offering.accessModes.includes(
    answers.accessMode as AccessMode,
  )
    ? answers.accessMode
    : offering.accessModes[0];
  return {
    operation: 'create',
    entityRef,
    cluster,
    namespace,
    claimName:
      answers.claimName && isDns1123Subdomain(answers.claimName)
        ? answers.claimName
        : placeholderClaimName(entityRef),
    offering: offering.id,
    size,
    accessMode,
    ...(answers.workload && { workload: answers.workload }),
    ...(answers.snapshot && {
      source: { type: 'snapshot', snapshotName: answers.snapshot },
    }),
    ...(isStatic && { source: { type: 'existing', volumeId } }),
  };
}
