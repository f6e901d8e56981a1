/**
 * Object validation as the API server's registry strategies do it, with the
 * field paths and messages of the real `field.ErrorList`; one module per
 * group of kinds, dispatched here.
 */
import { K8sObject } from '../../store/types';
import { StatusCause } from '../errors';
import { validateLabels } from './metadata';
import {
  validateVolumeSnapshot,
  validateVolumeSnapshotUpdate,
} from './snapshots';
import {
  validateStorageClass,
  validateStorageClassUpdate,
} from './storageClasses';
import {
  validatePv,
  validatePvc,
  validatePvcUpdate,
  validatePvUpdate,
} from './volumes';
import {
  validatePod,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from './workloads';

export { forbiddenField, invalidValue, required } from './causes';
export { validateName } from './metadata';

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
