/**
 * PersistentVolumeClaims and PersistentVolumes: access modes, sizes, volume
 * sources and what may change after creation.
 */
import { parseQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { K8sObject } from '../../store/types';
import { StatusCause } from '../errors';
import { deepEqual } from '../patch/json';
import { forbiddenField, invalidValue, required, unsupported } from './causes';

const ACCESS_MODES = [
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOnce',
  'ReadWriteOncePod',
];

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

export function validatePvc(pvc: K8sObject): StatusCause[] {
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
export function validatePvcUpdate(
  old: K8sObject,
  pvc: K8sObject,
): StatusCause[] {
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

export function validatePv(pv: K8sObject): StatusCause[] {
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

export function validatePvUpdate(old: K8sObject, pv: K8sObject): StatusCause[] {
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
