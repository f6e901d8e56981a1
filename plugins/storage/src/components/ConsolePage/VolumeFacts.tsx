import { ConsoleFinding } from '@eks-storage/backstage-plugin-storage-common';
import { shortRef } from '../../lib/approvals';
import { formatDays, formatMonthlyUsd } from '../../lib/fleet';
import { driverTitle } from '../../lib/format';
import { Facts } from '../ClaimPage/Facts';

/** Whole days since an ISO time, or undefined. */
export function daysSince(iso: string | undefined, now = Date.now()) {
  const then = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(then)
    ? undefined
    : Math.max(0, Math.floor((now - then) / 86_400_000));
}

/** What is known of the volume a waste finding is about. */
export const VolumeFacts = ({ finding }: { finding: ConsoleFinding }) => {
  const { volume } = finding;
  const lastClaim = finding.lastClaim ?? volume?.lastClaim;
  return (
    <Facts
      label="Volume"
      rows={[
        ['Cluster', finding.cluster],
        ['Volume', volume?.name ?? finding.object.name],
        [
          'Size',
          volume?.capacity &&
            `${volume.capacity}${
              volume.driver ? ` of ${driverTitle(volume.driver)}` : ''
            }`,
        ],
        ['Cloud volume', volume?.volumeHandle],
        ['Zone', volume?.zone],
        ['Reclaim policy', volume?.reclaimPolicy],
        ['Phase', volume?.phase],
        ['Last claim', lastClaim && `${lastClaim.namespace}/${lastClaim.name}`],
        ['Entity', finding.entityRef && shortRef(finding.entityRef)],
        ['Owner', finding.ownerRef && shortRef(finding.ownerRef)],
        [
          'Released',
          volume?.releasedAt &&
            `${formatDays(daysSince(volume.releasedAt))} ago`,
        ],
        ['Cost', formatMonthlyUsd(finding.monthlyUsd)],
      ]}
    />
  );
};
