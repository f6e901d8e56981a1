import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { ClaimDetailResponse } from '@eks-storage/backstage-plugin-storage-common';
import { SimpleTable } from '../common/SimpleTable';

/** The pods that use the claim, with their node and zone. */
export const ConsumersCard = ({
  consumers,
}: {
  consumers: ClaimDetailResponse['consumers'];
}) => (
  <InfoCard title="Consumers">
    {consumers.length ? (
      <SimpleTable
        label="Consumers"
        headers={['Pod', 'Phase', 'Node', 'Zone']}
        items={consumers}
        rowKey={c => c.pod}
        cells={c => [
          c.pod,
          c.phase ?? '—',
          c.node ?? 'not scheduled',
          c.zone ?? '—',
        ]}
      />
    ) : (
      <Typography variant="body2" color="textSecondary">
        No pod uses this claim.
      </Typography>
    )}
  </InfoCard>
);
