/** VolumeSnapshots: exactly one source, and the source never changes. */
import { K8sObject } from '../../store/types';
import { StatusCause } from '../errors';
import { deepEqual } from '../patch/json';

export function validateVolumeSnapshot(vs: K8sObject): StatusCause[] {
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

export function validateVolumeSnapshotUpdate(
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
