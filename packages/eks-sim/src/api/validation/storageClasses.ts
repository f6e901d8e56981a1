/** StorageClasses: a provisioner, a known binding mode, immutable after creation. */
import { K8sObject } from '../../store/types';
import { StatusCause } from '../errors';
import { deepEqual } from '../patch/json';
import { forbiddenField, invalidValue, required, unsupported } from './causes';

export function validateStorageClass(sc: K8sObject): StatusCause[] {
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

export function validateStorageClassUpdate(
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
