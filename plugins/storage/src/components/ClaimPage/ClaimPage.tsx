import { useCallback, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import AspectRatioIcon from '@material-ui/icons/AspectRatio';
import CameraAltIcon from '@material-ui/icons/CameraAlt';
import DeleteIcon from '@material-ui/icons/Delete';
import RestoreIcon from '@material-ui/icons/Restore';
import {
  CodeSnippet,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ClaimDetailResponse,
  ClaimRef,
  OfferingListItem,
  STORAGE_SIGNAL_CHANNEL,
  StorageApiError,
  entitySignalChannel,
  isInFlightStatus,
} from '@eks-storage/backstage-plugin-storage-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { storageApiRef } from '../../api';
import { actionAvailability, offeringOfClaim } from '../../lib/claims';
import {
  claimStatusLabel,
  driverTitle,
  formatAccessModes,
  formatAge,
  formatDateTime,
} from '../../lib/format';
import { pendingNote } from '../../lib/rows';
import { isSignalForClaim } from '../../lib/signals';
import { useLiveRefresh } from '../../hooks/useLiveRefresh';
import { useOfferings } from '../../hooks/useOfferings';
import { DriverIcon } from '../common/DriverIcon';
import { SimpleTable } from '../common/SimpleTable';
import { VisuallyHidden } from '../common/VisuallyHidden';
import { StatusChip } from '../common/StatusChip';
import { CostEstimateView } from '../fields/CostEstimateView';
import { DeleteDialog } from '../actions/DeleteDialog';
import { ResizeDialog } from '../actions/ResizeDialog';
import { RestoreDialog } from '../actions/RestoreDialog';
import { SnapshotDialog } from '../actions/SnapshotDialog';
import { ClaimTimeline } from './ClaimTimeline';
import { DiagnosisPanel } from './DiagnosisPanel';
import { Facts } from './Facts';

type OpenDialog =
  | { kind: 'resize' }
  | { kind: 'snapshot' }
  | { kind: 'restore'; snapshotName?: string }
  | { kind: 'delete' };

export interface ClaimPageProps {
  claim: ClaimRef;
  /** Where "back" goes; relative to the page's route. */
  backTo?: string;
  backLabel?: string;
}

const ActionButton = (props: {
  label: string;
  icon: JSX.Element;
  disabledReason?: string;
  onClick: () => void;
  destructive?: boolean;
}) => {
  const { label, icon, disabledReason, onClick, destructive } = props;
  const reasonId = `storage-action-${label.toLowerCase()}-reason`;
  // Not `disabled`: a disabled button cannot be focused, and keyboard users
  // would never learn why the action is unavailable.
  return (
    <>
      <Tooltip title={disabledReason ?? ''}>
        <Button
          variant="outlined"
          color={destructive ? 'secondary' : 'primary'}
          startIcon={icon}
          onClick={disabledReason ? undefined : onClick}
          aria-disabled={disabledReason ? true : undefined}
          aria-describedby={disabledReason ? reasonId : undefined}
          style={disabledReason ? { opacity: 0.5, cursor: 'not-allowed' } : {}}
        >
          {label}
        </Button>
      </Tooltip>
      {disabledReason && (
        <VisuallyHidden id={reasonId}>{disabledReason}</VisuallyHidden>
      )}
    </>
  );
};

function encryptionText(encrypted: boolean | undefined): string {
  if (encrypted === undefined) return 'not stated by the class';
  return encrypted ? 'encrypted at rest' : 'not encrypted';
}

function snapshotStatus(s: { readyToUse: boolean; error?: string }) {
  if (s.readyToUse) return { label: 'Ready', severity: 'ok' as const };
  if (s.error) return { label: 'Failed', severity: 'error' as const };
  return { label: 'Not ready', severity: 'info' as const };
}

const ClaimDetails = ({
  claim,
  offering,
  refresh,
  backTo,
  backLabel,
}: {
  claim: ClaimDetailResponse;
  offering?: OfferingListItem;
  refresh: () => void;
  backTo: string;
  backLabel: string;
}) => {
  const [dialog, setDialog] = useState<OpenDialog | undefined>();
  const close = useCallback(() => setDialog(undefined), []);
  const availability = actionAvailability(claim, offering);
  const inFlight = claim.requests.filter(r => isInFlightStatus(r.status));
  const dialogProps = {
    open: true,
    onClose: close,
    claim,
    offering,
    onSubmitted: refresh,
  };
  const volume = claim.volume;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Link to={backTo}>
          <Box display="inline-flex" alignItems="center" style={{ gap: 4 }}>
            <ArrowBackIcon fontSize="small" aria-hidden />
            {backLabel}
          </Box>
        </Link>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          justifyContent="space-between"
          mt={1}
          style={{ gap: 16 }}
        >
          <Box display="flex" alignItems="center" style={{ gap: 12 }}>
            <DriverIcon driver={claim.driver} fontSize="large" color="action" />
            <div>
              <Typography variant="h4" component="h2">
                {claim.name}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {driverTitle(claim.driver)} · {claim.cluster} /{' '}
                {claim.namespace}
              </Typography>
            </div>
            <StatusChip
              label={claimStatusLabel(claim.diagnosis)}
              severity={claim.diagnosis.severity}
              size="medium"
            />
          </Box>
          <Box
            display="flex"
            flexWrap="wrap"
            style={{ gap: 8 }}
            role="group"
            aria-label="Claim actions"
          >
            <ActionButton
              label="Resize"
              icon={<AspectRatioIcon />}
              disabledReason={availability.resize}
              onClick={() => setDialog({ kind: 'resize' })}
            />
            <ActionButton
              label="Snapshot"
              icon={<CameraAltIcon />}
              disabledReason={availability.snapshot}
              onClick={() => setDialog({ kind: 'snapshot' })}
            />
            <ActionButton
              label="Restore"
              icon={<RestoreIcon />}
              disabledReason={availability.restore}
              onClick={() => setDialog({ kind: 'restore' })}
            />
            <ActionButton
              label="Delete"
              icon={<DeleteIcon />}
              destructive
              onClick={() => setDialog({ kind: 'delete' })}
            />
          </Box>
        </Box>
      </Grid>

      <Grid item xs={12}>
        <DiagnosisPanel diagnosis={claim.diagnosis} />
        {inFlight.map(request => (
          <Alert
            role="note"
            key={request.id}
            severity="info"
            variant="outlined"
            style={{ marginTop: 8 }}
          >
            {pendingNote(request)} (requested by {request.requestedBy},{' '}
            {formatAge(request.createdAt)} ago)
          </Alert>
        ))}
      </Grid>

      <Grid item xs={12} md={4}>
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
      </Grid>
      <Grid item xs={12} md={4}>
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
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Cost">
          {claim.cost ? (
            <CostEstimateView cost={claim.cost} title="Monthly list price" />
          ) : (
            <Typography variant="body2" color="textSecondary">
              No estimate: the claim matches no offering of the platform.
            </Typography>
          )}
        </InfoCard>
      </Grid>

      <Grid item xs={12} md={6}>
        <InfoCard title="Consumers">
          {claim.consumers.length ? (
            <SimpleTable
              label="Consumers"
              headers={['Pod', 'Phase', 'Node', 'Zone']}
              items={claim.consumers}
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
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Snapshots">
          {claim.snapshots.length ? (
            <SimpleTable
              label="Snapshots"
              headers={['Snapshot', 'Ready', 'Size', 'Created', '']}
              items={claim.snapshots}
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
                    onClick={() =>
                      setDialog({ kind: 'restore', snapshotName: s.name })
                    }
                  >
                    Restore
                  </Button>
                ),
              ]}
            />
          ) : (
            <Typography variant="body2" color="textSecondary">
              {availability.snapshot
                ? `No snapshots: ${availability.snapshot}.`
                : 'No snapshots yet.'}
            </Typography>
          )}
        </InfoCard>
      </Grid>

      <Grid item xs={12} md={6}>
        <InfoCard title="Timeline">
          <ClaimTimeline claim={claim} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Manifest">
          <CodeSnippet
            text={claim.manifestYaml}
            language="yaml"
            showCopyCodeButton
          />
        </InfoCard>
      </Grid>

      {dialog?.kind === 'resize' && <ResizeDialog {...dialogProps} />}
      {dialog?.kind === 'snapshot' && <SnapshotDialog {...dialogProps} />}
      {dialog?.kind === 'restore' && (
        <RestoreDialog {...dialogProps} snapshotName={dialog.snapshotName} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          {...dialogProps}
          onSnapshotFirst={
            availability.snapshot
              ? undefined
              : () => setDialog({ kind: 'snapshot' })
          }
        />
      )}
    </Grid>
  );
};

/** One claim: status, diagnosis and fix, volume, consumers, snapshots, timeline, manifest, cost and actions. */
export const ClaimPage = ({
  claim: ref,
  backTo = '..',
  backLabel = 'All storage',
}: ClaimPageProps) => {
  const api = useApi(storageApiRef);
  const { offerings } = useOfferings();
  const { cluster, namespace, name } = ref;
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getClaim({ cluster, namespace, name }),
    [api, cluster, namespace, name],
  );
  useLiveRefresh(
    signal => isSignalForClaim(signal, { cluster, namespace, name }),
    retry,
    {
      // The entity's channel once the claim names its entity.
      channel: value?.entityRef
        ? entitySignalChannel(value.entityRef)
        : STORAGE_SIGNAL_CHANNEL,
      failed:
        !!error && !(error instanceof StorageApiError && error.status < 500),
      loading,
    },
  );

  // A claim deleted while its page is open keeps its last known state on
  // screen, under a notice, in the same tree, so an open dialog and its
  // outcome stay put.
  const lastSeen = useRef(value);
  if (value) lastSeen.current = value;
  const gone = error instanceof StorageApiError && error.status === 404;
  const shown = value ?? (gone ? lastSeen.current : undefined);

  if (!shown && loading) return <Progress />;
  if (!shown) {
    if (gone) {
      return (
        <>
          <Link to={backTo}>{backLabel}</Link>
          <Alert severity="warning" style={{ marginTop: 16 }}>
            Claim {namespace}/{name} is not in cluster {cluster} (any more).
          </Alert>
        </>
      );
    }
    return <ResponseErrorPanel error={error ?? new Error('No claim')} />;
  }
  return (
    <>
      {gone && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          Claim {namespace}/{name} is no longer in cluster {cluster}: this is
          what it was.
        </Alert>
      )}
      <ClaimDetails
        claim={shown}
        offering={offeringOfClaim(shown, offerings)}
        refresh={retry}
        backTo={backTo}
        backLabel={backLabel}
      />
    </>
  );
};
