/** The workloads that use claims: Pods and StatefulSets. */
import { K8sObject } from '../../store/types';
import { StatusCause } from '../errors';
import { deepEqual } from '../patch/json';
import { forbiddenField, invalidValue, required } from './causes';

export function validatePod(pod: K8sObject): StatusCause[] {
  const containers = pod.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return [required('spec.containers')];
  }
  return containers.flatMap((c: any, i: number) =>
    c?.name ? [] : [required(`spec.containers[${i}].name`)],
  );
}

export function validateStatefulSet(sts: K8sObject): StatusCause[] {
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

export function validateStatefulSetUpdate(
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
