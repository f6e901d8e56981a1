import { Finding, path } from '../findings';
import { finding } from '../rules';
import { ManifestContext } from './context';
import { podVolumes } from './fields';

/** A Deployment with several replicas sharing a single-node claim. */
export function checkDeployment(
  deployment: Record<string, unknown>,
  context: ManifestContext,
): Finding[] {
  const replicas = path(deployment, 'spec.replicas');
  if (typeof replicas !== 'number' || replicas <= 1) return [];
  const findings: Finding[] = [];
  podVolumes(deployment).forEach((volume, index) => {
    const claimName = path(volume, 'persistentVolumeClaim.claimName');
    if (typeof claimName !== 'string') return;
    const knownModes = context.claims?.[claimName]?.accessModes;
    const singleNode =
      knownModes === undefined ||
      knownModes.some(
        mode => mode === 'ReadWriteOnce' || mode === 'ReadWriteOncePod',
      );
    if (singleNode) {
      findings.push(
        finding(
          'rwo-shared-by-replicas',
          `spec.template.spec.volumes[${index}]`,
          `${replicas} replicas mount claim "${claimName}": if it is ReadWriteOnce (EBS), replicas on other nodes fail with "Multi-Attach error"`,
          'Use a StatefulSet with volumeClaimTemplates (one volume per replica), or an EFS claim with ReadWriteMany.',
        ),
      );
    }
  });
  return findings;
}
