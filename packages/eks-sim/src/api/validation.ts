/**
 * Object validation as the API server's registry strategies do it, with the
 * field paths and messages of the real `field.ErrorList`.
 */
import { parseQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { StatusCause } from './errors';
import { K8sObject } from '../store/types';
import { deepEqual } from './patch/json';

const SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const ACCESS_MODES = [
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOnce',
  'ReadWriteOncePod',
];

export function invalidValue(
  field: string,
  value: unknown,
  detail: string,
): StatusCause {
  const shown =
    typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return {
    reason: 'FieldValueInvalid',
    message: `Invalid value: ${shown}: ${detail}`,
    field,
  };
}

export function required(field: string, detail = ''): StatusCause {
  return {
    reason: 'FieldValueRequired',
    message: detail ? `Required value: ${detail}` : 'Required value',
    field,
  };
}

export function forbiddenField(field: string, detail: string): StatusCause {
  return {
    reason: 'FieldValueForbidden',
    message: `Forbidden: ${detail}`,
    field,
  };
}

function unsupported(field: string, value: unknown, supported: string[]) {
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: "${String(
      value,
    )}": supported values: ${supported.map(s => `"${s}"`).join(', ')}`,
    field,
  };
}

/** Names of Namespaces and Services are DNS labels; everything else subdomains. */
export function validateName(kind: string, name: string): StatusCause[] {
  if (kind === 'Namespace' || kind === 'Service') {
    if (name.length > 63 || !LABEL.test(name)) {
      return [
        invalidValue(
          'metadata.name',
          name,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        ),
      ];
    }
    return [];
  }
  if (name.length > 253 || !SUBDOMAIN.test(name)) {
    return [
      invalidValue(
        'metadata.name',
        name,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    ];
  }
  return [];
}

function validateLabels(object: K8sObject): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [field, map] of [
    ['metadata.labels', object.metadata.labels],
    ['metadata.annotations', object.metadata.annotations],
  ] as const) {
    if (map === undefined) continue;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      causes.push(invalidValue(field, map, 'must be a map of strings'));
      continue;
    }
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== 'string') {
        causes.push(
          invalidValue(`${field}[${key}]`, value, 'must be a string'),
        );
      }
    }
  }
  return causes;
}

function validateStorageRequest(field: string, value: unknown): StatusCause[] {
  const bytes = parseQuantity(value);
  if (bytes === undefined) {
    return [
      invalidValue(
        field,
        value,
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ),
    ];
  }
  if (bytes <= 0) {
    return [invalidValue(field, value, 'must be greater than zero')];
  }
  return [];
}

function validateAccessModes(field: string, modes: unknown): StatusCause[] {
  if (!Array.isArray(modes) || modes.length === 0) {
    return [required(field, 'at least 1 access mode is required')];
  }
  const causes: StatusCause[] = modes
    .filter(mode => !ACCESS_MODES.includes(mode))
    .map(mode => unsupported(field, mode, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    causes.push(
      forbiddenField(
        field,
        'may not use ReadWriteOncePod with other access modes',
      ),
    );
  }
  return causes;
}

function validatePvc(pvc: K8sObject): StatusCause[] {
  const spec = pvc.spec ?? {};
  const causes = validateAccessModes('spec.accessModes', spec.accessModes);
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) {
    causes.push(required('spec.resources[storage]'));
  } else {
    causes.push(
      ...validateStorageRequest('spec.resources.requests[storage]', storage),
    );
  }
  if (
    spec.volumeMode !== undefined &&
    !['Filesystem', 'Block'].includes(spec.volumeMode)
  ) {
    causes.push(
      unsupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']),
    );
  }
  const dataSource = spec.dataSource;
  if (dataSource !== undefined && !dataSource?.name) {
    causes.push(required('spec.dataSource.name'));
  }
  return causes;
}

/**
 * A claim's spec is immutable except the storage request of a bound claim
 * (which may grow, never shrink), a first volumeName and a first class.
 */
function validatePvcUpdate(old: K8sObject, pvc: K8sObject): StatusCause[] {
  const causes = validatePvc(pvc);
  const oldSpec = old.spec ?? {};
  const newSpec = pvc.spec ?? {};
  const comparable = { ...newSpec };
  if (!oldSpec.volumeName) {
    comparable.volumeName = oldSpec.volumeName;
  }
  if (oldSpec.storageClassName === undefined) {
    comparable.storageClassName = oldSpec.storageClassName;
  }
  comparable.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
  const bound = old.status?.phase === 'Bound';
  if (bound) {
    comparable.resources = {
      ...(newSpec.resources ?? {}),
      requests: {
        ...(newSpec.resources?.requests ?? {}),
        storage: oldSpec.resources?.requests?.storage,
      },
    };
  }
  const clean = (spec: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined));
  if (!deepEqual(clean(comparable), clean(oldSpec))) {
    causes.push(
      forbiddenField(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    );
  } else if (bound) {
    // ValidatePersistentVolumeClaimUpdate with RecoverVolumeExpansionFailure
    // (beta, on by default since 1.32): a request may shrink to recover from
    // a failed expansion, but must stay above status.capacity.
    const before = parseQuantity(oldSpec.resources?.requests?.storage) ?? 0;
    const after = parseQuantity(newSpec.resources?.requests?.storage);
    const capacity = parseQuantity(old.status?.capacity?.storage);
    if (
      after !== undefined &&
      after < before &&
      (capacity === undefined || after <= capacity)
    ) {
      causes.push(
        forbiddenField(
          'spec.resources.requests.storage',
          'field can not be less than status.capacity',
        ),
      );
    }
  }
  return causes;
}

function validatePv(pv: K8sObject): StatusCause[] {
  const spec = pv.spec ?? {};
  const causes = validateAccessModes('spec.accessModes', spec.accessModes);
  const storage = spec.capacity?.storage;
  if (storage === undefined) {
    causes.push(required('spec.capacity'));
  } else {
    causes.push(...validateStorageRequest('spec.capacity[storage]', storage));
  }
  const sources = [
    'csi',
    'hostPath',
    'nfs',
    'local',
    'awsElasticBlockStore',
  ].filter(source => spec[source] !== undefined);
  if (sources.length === 0) {
    causes.push(required('spec', 'must specify a volume type'));
  } else if (sources.length > 1) {
    causes.push(
      forbiddenField(
        `spec.${sources[1]}`,
        'may not specify more than 1 volume type',
      ),
    );
  }
  if (spec.csi) {
    if (!spec.csi.driver) causes.push(required('spec.csi.driver'));
    if (!spec.csi.volumeHandle) causes.push(required('spec.csi.volumeHandle'));
  }
  const policy = spec.persistentVolumeReclaimPolicy;
  if (
    policy !== undefined &&
    !['Delete', 'Retain', 'Recycle'].includes(policy)
  ) {
    causes.push(
      unsupported('spec.persistentVolumeReclaimPolicy', policy, [
        'Delete',
        'Recycle',
        'Retain',
      ]),
    );
  }
  return causes;
}

function validatePvUpdate(old: K8sObject, pv: K8sObject): StatusCause[] {
  const causes = validatePv(pv);
  if (
    old.spec?.csi &&
    !deepEqual(old.spec.csi.volumeHandle, pv.spec?.csi?.volumeHandle)
  ) {
    causes.push(
      invalidValue(
        'spec.persistentvolumesource',
        pv.spec?.csi,
        'spec.persistentvolumesource is immutable after creation',
      ),
    );
  }
  return causes;
}

function validateStorageClass(sc: K8sObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!sc.provisioner) {
    causes.push(required('provisioner'));
  }
  const mode = sc.volumeBindingMode;
  if (
    mode !== undefined &&
    !['Immediate', 'WaitForFirstConsumer'].includes(mode)
  ) {
    causes.push(
      unsupported('volumeBindingMode', mode, [
        'Immediate',
        'WaitForFirstConsumer',
      ]),
    );
  }
  const params = sc.parameters;
  if (params !== undefined) {
    for (const [key, value] of Object.entries(params ?? {})) {
      if (typeof value !== 'string') {
        causes.push(
          invalidValue(`parameters[${key}]`, value, 'must be a string'),
        );
      }
    }
  }
  return causes;
}

function validateStorageClassUpdate(
  old: K8sObject,
  sc: K8sObject,
): StatusCause[] {
  const causes = validateStorageClass(sc);
  for (const field of [
    'provisioner',
    'parameters',
    'reclaimPolicy',
    'volumeBindingMode',
  ]) {
    if (!deepEqual(old[field], sc[field])) {
      causes.push(forbiddenField(field, `updates to ${field} are forbidden.`));
    }
  }
  return causes;
}

function validatePod(pod: K8sObject): StatusCause[] {
  const containers = pod.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return [required('spec.containers')];
  }
  return containers.flatMap((c: any, i: number) =>
    c?.name ? [] : [required(`spec.containers[${i}].name`)],
  );
}

function validateVolumeSnapshot(vs: K8sObject): StatusCause[] {
  const source = vs.spec?.source ?? {};
  const hasPvc = Boolean(source.persistentVolumeClaimName);
  const hasContent = Boolean(source.volumeSnapshotContentName);
  if (hasPvc === hasContent) {
    return [
      {
        reason: 'FieldValueInvalid',
        message:
          'Invalid value: "object": Exactly one of volumeSnapshotContentName and persistentVolumeClaimName must be set.',
        field: 'spec.source',
      },
    ];
  }
  return [];
}

function validateVolumeSnapshotUpdate(
  old: K8sObject,
  vs: K8sObject,
): StatusCause[] {
  if (!deepEqual(old.spec?.source, vs.spec?.source)) {
    return [
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "object": source is immutable',
        field: 'spec.source',
      },
    ];
  }
  return validateVolumeSnapshot(vs);
}

function validateStatefulSet(sts: K8sObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!sts.spec?.selector) causes.push(required('spec.selector'));
  if (!sts.spec?.template) causes.push(required('spec.template'));
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 0)) {
    causes.push(
      invalidValue(
        'spec.replicas',
        replicas,
        'must be greater than or equal to 0',
      ),
    );
  }
  return causes;
}

function validateStatefulSetUpdate(
  old: K8sObject,
  sts: K8sObject,
): StatusCause[] {
  const causes = validateStatefulSet(sts);
  const allowed = [
    'replicas',
    'template',
    'updateStrategy',
    'persistentVolumeClaimRetentionPolicy',
    'minReadySeconds',
    'ordinals',
  ];
  const strip = (spec: Record<string, unknown> = {}) =>
    Object.fromEntries(
      Object.entries(spec).filter(([k]) => !allowed.includes(k)),
    );
  if (!deepEqual(strip(old.spec), strip(sts.spec))) {
    causes.push(
      forbiddenField(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return causes;
}

type Validator = (object: K8sObject) => StatusCause[];
type UpdateValidator = (old: K8sObject, object: K8sObject) => StatusCause[];

const CREATE: Record<string, Validator> = {
  PersistentVolumeClaim: validatePvc,
  PersistentVolume: validatePv,
  StorageClass: validateStorageClass,
  Pod: validatePod,
  VolumeSnapshot: validateVolumeSnapshot,
  StatefulSet: validateStatefulSet,
};

const UPDATE: Record<string, UpdateValidator> = {
  PersistentVolumeClaim: validatePvcUpdate,
  PersistentVolume: validatePvUpdate,
  StorageClass: validateStorageClassUpdate,
  VolumeSnapshot: validateVolumeSnapshotUpdate,
  StatefulSet: validateStatefulSetUpdate,
};

export function validateCreate(object: K8sObject): StatusCause[] {
  return [...validateLabels(object), ...(CREATE[object.kind]?.(object) ?? [])];
}

export function validateUpdate(
  old: K8sObject,
  object: K8sObject,
): StatusCause[] {
  const update = UPDATE[object.kind];
  return [
    ...validateLabels(object),
    ...(update ? update(old, object) : CREATE[object.kind]?.(object) ?? []),
  ];
}
