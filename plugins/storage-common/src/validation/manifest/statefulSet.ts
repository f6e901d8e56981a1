import { Finding, path, prop } from '../findings';
import { finding } from '../rules';
import { ManifestContext } from './context';
import { podVolumes } from './fields';
import { checkClaim } from './persistentVolumeClaim';

/** A StatefulSet: emptyDir volumes that should be claims, and its volumeClaimTemplates. */
export function checkStatefulSet(
  sts: Record<string, unknown>,
  context: ManifestContext,
): Finding[] {
  const findings: Finding[] = [];
  podVolumes(sts).forEach((volume, index) => {
    if (prop(volume, 'emptyDir') !== undefined) {
      findings.push(
        finding(
          'emptydir-for-stateful',
          `spec.template.spec.volumes[${index}]`,
          `Volume "${String(
            prop(volume, 'name'),
          )}" is an emptyDir: its data is lost whenever the pod is rescheduled`,
          'Move it to spec.volumeClaimTemplates so each replica gets its own persistent volume.',
        ),
      );
    }
  });
  const templates = path(sts, 'spec.volumeClaimTemplates');
  if (Array.isArray(templates)) {
    templates.forEach((template, index) => {
      findings.push(
        ...checkClaim(
          template,
          `spec.volumeClaimTemplates[${index}].`,
          context,
        ),
      );
    });
  }
  return findings;
}
