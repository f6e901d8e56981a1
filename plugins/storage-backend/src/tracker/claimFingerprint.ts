import { DiagnosisInput } from '@eks-storage/backstage-plugin-storage-common';
import { VolumeSnapshot } from './ClusterCache';
import { ClaimSummary } from './claimView';
import { hash30 } from './hash';

/**
 * What the claim's pages show — the claim, its volume, its pods, its
 * snapshots, its events and the diagnosis — as one hash: any change here
 * is worth telling an open page, even when the claim's state stays the same.
 * 30 bits, a small integer kept in place per claim: a collision (once in a
 * billion changes) leaves a page untold of one change, until the next.
 */
export function claimFingerprint(
  claim: ClaimSummary,
  input: DiagnosisInput,
): number {
  const pv = input.pv;
  return hash30(
    JSON.stringify([
      claim.requested,
      claim.capacity,
      claim.phase,
      claim.volumeName,
      claim.diagnosis.state,
      claim.diagnosis.headline,
      pv?.spec?.capacity?.storage,
      pv?.status?.phase,
      (input.pods ?? []).map(p => [
        p.metadata?.name,
        p.status?.phase,
        p.spec?.nodeName,
      ]),
      (input.snapshots as VolumeSnapshot[] | undefined)?.map(s => [
        s.metadata?.name,
        s.status?.readyToUse,
      ]),
      (input.events ?? []).map(e => [e.metadata?.name, e.count]),
    ]),
  );
}
