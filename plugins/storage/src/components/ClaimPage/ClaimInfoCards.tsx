import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  ClaimDetailResponse,
  OfferingListItem,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  driverTitle,
  formatAccessModes,
  formatAge,
  formatDateTime,
} from '../../lib/format';
import { relativeTime } from '../../lib/fleet';
import { CostEstimateView } from '../fields/CostEstimateView';
import { Facts } from './Facts';

function encryptionText(encrypted: boolean | undefined): string {
  if (encrypted === undefined) return 'not stated by the class';
  return encrypted ? 'encrypted at rest' : 'not encrypted';
}

const ClaimCard = (props: {
  claim: ClaimDetailResponse;
  offering?: OfferingListItem;
}) => {
  const { claim, offering } = props;
  return (
    <InfoCard title="Claim">
      <Facts
        label="Claim"
        rows={[
          ['Offering', offering?.title],
          ['Storage class', claim.storageClassName ?? 'none'],
          ['Driver', claim.provisioner ?? driverTitle(claim.driver)],
          ['Requested', claim.requested],
          ['Capacity', claim.capacity ?? 'not provisioned yet'],
          ['Access modes', formatAccessModes(claim.accessModes)],
          ['Volume mode', claim.volumeMode],
          ['Phase', claim.phase],
          ['Owner', claim.entityRef],
          ['Request', claim.requestId],
          [
            'Expires',
            claim.expiresAt
              ? `${formatDateTime(claim.expiresAt)} (${relativeTime(
                  claim.expiresAt,
                )})`
              : undefined,
          ],
          [
            'Created',
            claim.createdAt
              ? `${formatDateTime(claim.createdAt)} (${formatAge(
                  claim.createdAt,
                )} ago)`
              : undefined,
          ],
        ]}
      />
    </InfoCard>
  );
};

const VolumeCard = ({ volume }: { volume: ClaimDetailResponse['volume'] }) => (
  <InfoCard title="Volume">
    {volume ? (
      <Facts
        label="Volume"
        rows={[
          ['PersistentVolume', volume.name],
          ['Volume handle', volume.volumeHandle],
          ['Zone', volume.zone ?? 'any (regional)'],
          ['Reclaim policy', volume.reclaimPolicy],
          ['Encryption', encryptionText(volume.encrypted)],
          ['Capacity', volume.capacity],
          ['Phase', volume.phase],
          ['CSI driver', volume.driver],
        ]}
      />
    ) : (
      <Typography variant="body2" color="textSecondary">
        No volume is bound to this claim yet.
      </Typography>
    )}
  </InfoCard>
);

const CostCard = ({ cost }: { cost: ClaimDetailResponse['cost'] }) => (
  <InfoCard title="Cost">
    {cost ? (
      <CostEstimateView cost={cost} title="Monthly list price" />
    ) : (
      <Typography variant="body2" color="textSecondary">
        No estimate: the claim matches no offering of the platform.
      </Typography>
    )}
  </InfoCard>
);

/** The claim, its volume and its cost, side by side. */
export const ClaimInfoCards = (props: {
  claim: ClaimDetailResponse;
  offering?: OfferingListItem;
}) => (
  <>
    <Grid item xs={12} md={4}>
      <ClaimCard claim={props.claim} offering={props.offering} />
    </Grid>
    <Grid item xs={12} md={4}>
      <VolumeCard volume={props.claim.volume} />
    </Grid>
    <Grid item xs={12} md={4}>
      <CostCard cost={props.claim.cost} />
    </Grid>
  </>
);
