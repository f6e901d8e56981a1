import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  ApprovalItem,
  ApprovalsResponse,
  STORAGE_SIGNAL_CHANNEL,
} from '@eks-storage/backstage-plugin-storage-common';
import { useLiveRefresh } from '../../hooks/useLiveRefresh';
import { useRequestLink } from '../../hooks/useRequestLink';
import { ApprovalCard } from './ApprovalCard';
import { DecisionDialog, DecisionKind } from './DecisionDialog';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The queue: for approvers, the pending requests they may decide; for
 * everyone else, their own pending requests and who decides them.
 */
export const PendingApprovals = (props: {
  value?: ApprovalsResponse;
  loading: boolean;
  error?: Error;
  retry: () => void;
}) => {
  const { value, loading, error, retry } = props;
  const requestLink = useRequestLink();
  const [deciding, setDeciding] = useState<
    { item: ApprovalItem; kind: DecisionKind } | undefined
  >();
  const { live } = useLiveRefresh(retry, {
    channel: value?.signalChannel,
    failed: !!error,
    loading,
  });
  // Requests land in the queue from anywhere: the shared channel too.
  useLiveRefresh(retry, { channel: STORAGE_SIGNAL_CHANNEL, loading });

  if (!value && loading) return <Progress />;
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No answer')} />;
  }
  const { items, approver } = value;
  return (
    <>
      {error && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          Could not refresh: {error.message}. Showing the last answer.
        </Alert>
      )}
      {!approver && (
        <Alert
          severity="info"
          role="note"
          data-testid="storage-approvals-explanation"
          style={{ marginBottom: 16 }}
        >
          You are not a storage approver. Requests that the platform's policy
          sends for approval are decided by the approvers its rule names (the
          platform team unless a rule names others); nobody approves their own
          request. Below are your own requests waiting for a decision, with who
          decides each.
        </Alert>
      )}
      <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
        <Typography variant="body1" data-testid="storage-approvals-count">
          {approver
            ? `${plural(items.length, 'request')} waiting for a decision`
            : `${plural(
                items.length,
                'request',
              )} of yours waiting for approval`}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={live ? 'Live' : 'Refreshes every 30 s'}
        />
      </Box>
      {items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          {approver
            ? 'Nothing to decide: the queue is empty.'
            : 'You have no request waiting for approval.'}
        </Typography>
      )}
      <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
        {items.map(item => (
          <ApprovalCard
            key={item.request.id}
            item={item}
            approver={approver}
            requestLink={requestLink(item.request.id)}
            onDecide={kind => setDeciding({ item, kind })}
          />
        ))}
      </Box>
      {deciding && (
        <DecisionDialog
          kind={deciding.kind}
          request={deciding.item.request}
          onClose={() => setDeciding(undefined)}
          onDecided={retry}
        />
      )}
    </>
  );
};
