import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { ClaimDetailResponse } from '@eks-storage/backstage-plugin-storage-common';
import { formatDateTime } from '../../lib/format';
import { SimpleTable } from '../common/SimpleTable';
import { StatusChip } from '../common/StatusChip';

function snapshotStatus(s: { readyToUse: boolean; error?: string }) {
  if (s.readyToUse) return { label: 'Ready', severity: 'ok' as const };
  if (s.error) return { label: 'Failed', severity: 'error' as const };
  return { label: 'Not ready', severity: 'info' as const };
}

/** The claim's snapshots; a ready one can be restored into a new claim. */
export const SnapshotsCard = (props: {
  snapshots: ClaimDetailResponse['snapshots'];
  /** Why the claim cannot be snapshotted, when it cannot. */
  unavailableReason?: string;
  onRestore: (snapshotName: string) => void;
}) => {
  const { snapshots, unavailableReason, onRestore } = props;
  return (
    <InfoCard title="Snapshots">
      {snapshots.length ? (
        <SimpleTable
          label="Snapshots"
          headers={['Snapshot', 'Ready', 'Size', 'Created', '']}
          items={snapshots}
          rowKey={s => s.name}
          cells={s => [
            s.name,
            <>
              <StatusChip {...snapshotStatus(s)} />
              {s.error && (
                <Typography variant="caption" display="block">
                  {s.error}
                </Typography>
              )}
            </>,
            s.restoreSize ?? '—',
            formatDateTime(s.createdAt),
            s.readyToUse && (
              <Button
                size="small"
                color="primary"
                aria-label={`Restore ${s.name}`}
                onClick={() => onRestore(s.name)}
              >
                Restore
              </Button>
            ),
          ]}
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          {unavailableReason
            ? `No snapshots: ${unavailableReason}.`
            : 'No snapshots yet.'}
        </Typography>
      )}
    </InfoCard>
  );
};
