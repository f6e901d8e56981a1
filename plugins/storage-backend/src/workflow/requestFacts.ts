import {
  StorageOffering,
  ValidationContext,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClusterClient } from '../clusters/ClusterRegistry';
import { RequestInput } from '../service/requestInput';
import { ExistingClaim, validationContextOf } from './claimContext';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

/**
 * What the validator needs to know of the cluster for this request, read
 * only when the request needs it: the claim's own facts (day-2), the zones
 * of its nodes (a static EBS volume's zone), its snapshot classes (a
 * snapshot that names one).
 */
export async function clusterFacts(
  cluster: ClusterClient,
  input: RequestInput,
  claim: ExistingClaim | undefined,
  offering: StorageOffering | undefined,
): Promise<ValidationContext> {
  const facts: ValidationContext = claim ? validationContextOf(claim) : {};
  if (input.source?.zone !== undefined && offering?.driver === 'ebs') {
    const nodes = await cluster.core.listNode();
    facts.clusterZones = [
      ...new Set(
        nodes.items
          .map(node => node.metadata?.labels?.[ZONE_LABEL])
          .filter((zone): zone is string => Boolean(zone)),
      ),
    ].sort();
  }
  if (input.operation === 'snapshot' && input.volumeSnapshotClassName) {
    const classes = (await cluster.objects.list(
      'snapshot.storage.k8s.io/v1',
      'VolumeSnapshotClass',
    )) as { items: Array<{ metadata?: { name?: string }; driver?: string }> };
    facts.snapshotClasses = classes.items.map(c => ({
      name: c.metadata?.name ?? '',
      driver: c.driver ?? '',
    }));
  }
  return facts;
}

/** What deleting a claim does to its data, in plain words. */
export function deleteConsequence(
  claim: Pick<ExistingClaim, 'pvc' | 'reclaimPolicy'>,
): string {
  const volume = claim.pvc.spec?.volumeName;
  if (!volume) {
    return 'The claim has no volume yet: no data is lost.';
  }
  return claim.reclaimPolicy === 'Retain'
    ? `The volume ${volume} is kept (reclaim policy Retain) and still billed until the platform team removes it.`
    : `The volume ${volume} and all its data are destroyed (reclaim policy ${
        claim.reclaimPolicy ?? 'Delete'
      }).`;
}
