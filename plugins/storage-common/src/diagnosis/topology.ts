import type { CoreV1Event } from '@kubernetes/client-node';
import { ClaimFacts, eventTime, isoOf, podName, quote } from './facts';
import { Diagnosis, DiagnosisInput } from './types';
import { nodeZones, podZones, volumeZones } from './zones';

/**
 * Explains a "volume node affinity conflict": the pod is pinned away from the
 * volume's zone, or no node runs in that zone.
 */
export function diagnoseZoneConflict(
  input: DiagnosisInput,
  facts: ClaimFacts,
  affinity: CoreV1Event,
): Diagnosis {
  const zones = volumeZones(input.pv);
  const nodes = nodeZones(input.nodes);
  const volume = input.pv?.metadata?.name ?? `of claim ${facts.ref}`;
  const pod = (input.pods ?? []).find(
    p => p.metadata?.name === podName(affinity),
  );
  const pinned = podZones(pod);
  if (pinned.length && zones.length && !pinned.some(z => zones.includes(z))) {
    return {
      state: 'bound',
      severity: 'error',
      headline: `Pod ${podName(affinity)} is pinned to ${pinned.join(
        ', ',
      )} but its volume ${volume} is in ${zones.join(', ')}`,
      explanation: `An EBS volume lives in one Availability Zone and can only attach to nodes in that zone; the pod's nodeSelector or node affinity keeps it out of that zone. ${quote(
        affinity,
      )}`,
      fix: `Remove the pod's zone constraint (or allow ${zones.join(
        ', ',
      )}), or move the data: snapshot the volume and restore it into a new claim used from ${pinned.join(
        ', ',
      )}.`,
      since: isoOf(eventTime(affinity)),
    };
  }
  return {
    state: 'bound',
    severity: 'error',
    headline: `Pod ${podName(
      affinity,
    )} cannot be scheduled: volume ${volume} is in ${
      zones.length ? `zone ${zones.join(', ')}` : 'another zone'
    }${
      nodes.length
        ? `, where no node can take it (nodes are in ${nodes.join(', ')})`
        : ''
    }`,
    explanation: `An EBS volume lives in one Availability Zone and can only attach to nodes in that zone. No schedulable node is in the volume's zone. ${quote(
      affinity,
    )}`,
    fix: `Add nodes in ${
      zones.join(', ') || "the volume's zone"
    } (a node group or Karpenter NodePool covering it), or snapshot the volume and restore it in a zone with nodes. Use volumeBindingMode: WaitForFirstConsumer so new volumes follow the pod.`,
    since: isoOf(eventTime(affinity)),
  };
}
