import { useCallback, useRef, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
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
  StorageApiError,
  isInFlightStatus,
} from '@eks-storage/backstage-plugin-storage-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { storageApiRef } from '../../api';
import { actionAvailability, offeringOfClaim } from '../../lib/claims';
import { relativeTime } from '../../lib/fleet';
import { formatAge, formatDateTime } from '../../lib/format';
import { pendingNote } from '../../lib/rows';
import { useLiveRefresh } from '../../hooks/useLiveRefresh';
import { useRequestLink } from '../../hooks/useRequestLink';
import { useOfferings } from '../../hooks/useOfferings';
import { ClaimDialogs, OpenDialog } from './ClaimDialogs';
import { ClaimHeader } from './ClaimHeader';
import { ClaimInfoCards } from './ClaimInfoCards';
import { ClaimTimeline } from './ClaimTimeline';
import { ConsumersCard } from './ConsumersCard';
import { DiagnosisPanel } from './DiagnosisPanel';
import { SnapshotsCard } from './SnapshotsCard';
import { UsageCard } from './UsageCard';

export interface ClaimPageProps {
  claim: ClaimRef;
  /** Where "back" goes; relative to the page's route. */
  backTo?: string;
  backLabel?: string;
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
  const requestLink = useRequestLink();

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ClaimHeader
          claim={claim}
          availability={availability}
          onAction={setDialog}
          backTo={backTo}
          backLabel={backLabel}
        />
      </Grid>

      <Grid item xs={12}>
        <DiagnosisPanel diagnosis={claim.diagnosis} />
        {claim.expiresAt && (
          <Alert
            role="note"
            severity="info"
            variant="outlined"
            style={{ marginTop: 8 }}
          >
            This claim expires {relativeTime(claim.expiresAt)} (
            {formatDateTime(claim.expiresAt)}): its owners are warned a day
            before, then it is deleted through a storage request.
          </Alert>
        )}
        {inFlight.map(request => (
          <Alert
            role="note"
            key={request.id}
            severity="info"
            variant="outlined"
            style={{ marginTop: 8 }}
          >
            {pendingNote(request)} (requested by {request.requestedBy},{' '}
            {formatAge(request.createdAt)} ago) ·{' '}
            <Link to={requestLink(request.id)}>View request</Link>
          </Alert>
        ))}
      </Grid>

      <ClaimInfoCards claim={claim} offering={offering} />

      <Grid item xs={12} md={6}>
        <UsageCard claim={claim} />
      </Grid>

      <Grid item xs={12} md={6}>
        <ConsumersCard consumers={claim.consumers} />
      </Grid>
      <Grid item xs={12} md={6}>
        <SnapshotsCard
          snapshots={claim.snapshots}
          unavailableReason={availability.snapshot}
          onRestore={snapshotName =>
            setDialog({ kind: 'restore', snapshotName })
          }
        />
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

      <ClaimDialogs
        dialog={dialog}
        setDialog={setDialog}
        onClose={close}
        claim={claim}
        offering={offering}
        availability={availability}
        onSubmitted={refresh}
      />
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
  useLiveRefresh(retry, {
    // The claim's own channel, named by the API once the claim is loaded.
    channel: value?.signalChannel,
    failed:
      !!error && !(error instanceof StorageApiError && error.status < 500),
    loading,
  });

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
