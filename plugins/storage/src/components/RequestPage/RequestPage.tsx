import { useState } from 'react';
import { useParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import {
  CodeSnippet,
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  RequestDetailResponse,
  StorageApiError,
  renderYaml,
} from '@eks-storage/backstage-plugin-storage-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { storageApiRef } from '../../api';
import { useLiveRefresh } from '../../hooks/useLiveRefresh';
import { useClaimLink } from '../../hooks/useRequestLink';
import {
  approvalProgress,
  approverList,
  buildRequestTimeline,
  requestTitle,
  refusal,
  requirementText,
  shortRef,
} from '../../lib/approvals';
import { formatDateTime, stateLabel } from '../../lib/format';
import { DisabledReasonButton } from '../common/DisabledReasonButton';
import { StatusChip } from '../common/StatusChip';
import { Facts } from '../ClaimPage/Facts';
import { DecisionDialog, DecisionKind } from '../ApprovalsPage/DecisionDialog';
import { RequestTimeline } from './RequestTimeline';

function statusSeverity(status: string) {
  if (status === 'failed') return 'error' as const;
  if (status === 'rejected' || status === 'cancelled')
    return 'warning' as const;
  if (status === 'applied') return 'ok' as const;
  return 'info' as const;
}

const RequestDetails = ({
  detail,
  refresh,
}: {
  detail: RequestDetailResponse;
  refresh: () => void;
}) => {
  const { request, approval, actions, claim } = detail;
  const [deciding, setDeciding] = useState<DecisionKind | undefined>();
  const claimLink = useClaimLink();
  const steps = buildRequestTimeline(detail);
  const requirement = approval?.requirement;
  const { needed, given } = approvalProgress(approval);
  const manifests = request.manifests?.length
    ? renderYaml(request.manifests)
    : '';
  const pending = request.status === 'pending-approval';
  const spec = (request.spec ?? {}) as Record<string, unknown>;
  const reasonOf = (kind: DecisionKind) => refusal(actions?.[kind]);
  // Cancel is the requester's; approve and reject show only to those who
  // may take them or who are told why not (approvers).
  const shown = (kind: DecisionKind) =>
    pending &&
    !!actions?.[kind] &&
    (actions[kind].allowed || !!actions[kind].reason);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          style={{ gap: 16 }}
        >
          <Typography variant="h5" component="h2">
            {requestTitle(request)}
          </Typography>
          <StatusChip
            label={stateLabel(request.status)}
            severity={statusSeverity(request.status)}
          />
          <Box flexGrow={1} />
          {shown('approve') && (
            <DisabledReasonButton
              id="storage-request-approve"
              label="Approve"
              icon={<CheckIcon />}
              variant="contained"
              disabledReason={reasonOf('approve')}
              onClick={() => setDeciding('approve')}
            />
          )}
          {shown('reject') && (
            <DisabledReasonButton
              id="storage-request-reject"
              label="Reject"
              icon={<CloseIcon />}
              color="secondary"
              disabledReason={reasonOf('reject')}
              onClick={() => setDeciding('reject')}
            />
          )}
          {shown('cancel') && (
            <DisabledReasonButton
              id="storage-request-cancel"
              label="Cancel request"
              color="secondary"
              disabledReason={reasonOf('cancel')}
              onClick={() => setDeciding('cancel')}
            />
          )}
        </Box>
      </Grid>
      {pending && requirement && (
        <Grid item xs={12}>
          <Alert severity="info" role="note" data-testid="storage-request-rule">
            Waiting for approval by{' '}
            {approverList(requirement.approvers, requirement.mode)}
            {needed > 1 && ` (${given} of ${needed} approvals)`}:{' '}
            {requirementText(requirement)}. Expires{' '}
            {formatDateTime(requirement.expiresAt)}.
          </Alert>
        </Grid>
      )}
      {claim && claim.diagnosis.severity === 'error' && (
        <Grid item xs={12}>
          <Alert severity="error" role="alert">
            {claim.diagnosis.headline}
            {claim.diagnosis.fix && (
              <div>
                <strong>What to do:</strong> {claim.diagnosis.fix}
              </div>
            )}
          </Alert>
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <InfoCard title="Timeline">
          <RequestTimeline steps={steps} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Request">
          <Facts
            label="Request"
            rows={[
              ['Requested by', shortRef(request.requestedBy)],
              ['Entity', shortRef(request.entityRef)],
              [
                'Cluster / namespace',
                `${request.cluster} / ${request.namespace}`,
              ],
              [
                'Claim',
                claim ? (
                  <Link to={claimLink(claim)}>{claim.name}</Link>
                ) : (
                  request.claimName
                ),
              ],
              ['Offering', request.offeringId ?? ''],
              ['Size', typeof spec.size === 'string' ? spec.size : ''],
              [
                'Justification',
                typeof spec.justification === 'string'
                  ? spec.justification
                  : '',
              ],
              [
                'Decided by',
                request.decidedBy ? shortRef(request.decidedBy) : '',
              ],
              ['Reason', request.decisionReason ?? ''],
              ['Error', request.lastError ?? ''],
              ['Submitted', formatDateTime(request.createdAt)],
            ]}
          />
        </InfoCard>
        <Box mt={3}>
          <InfoCard title="Manifests">
            {manifests ? (
              <CodeSnippet
                text={manifests}
                language="yaml"
                showCopyCodeButton
              />
            ) : (
              <Typography variant="body2" color="textSecondary">
                This request has no manifests (yet).
              </Typography>
            )}
          </InfoCard>
        </Box>
      </Grid>
      {deciding && (
        <DecisionDialog
          kind={deciding}
          request={request}
          onClose={() => setDeciding(undefined)}
          onDecided={refresh}
        />
      )}
    </Grid>
  );
};

/** One request: its timeline, manifests and the decisions the caller may take; live. */
export const RequestContent = ({ id }: { id: string }) => {
  const api = useApi(storageApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getRequest(id),
    [api, id],
  );
  useLiveRefresh(retry, {
    channel: value?.signalChannel,
    failed:
      !!error && !(error instanceof StorageApiError && error.status < 500),
    loading,
  });
  if (!value && loading) return <Progress />;
  if (!value) {
    if (error instanceof StorageApiError && error.status === 404) {
      return <Alert severity="warning">There is no request {id}.</Alert>;
    }
    return <ResponseErrorPanel error={error ?? new Error('No request')} />;
  }
  return <RequestDetails detail={value} refresh={retry} />;
};

/** The request page: `<mount path>/:id`, where notifications and the Storage tab link. */
export const RequestPage = () => {
  const { id = '' } = useParams();
  return (
    <Page themeId="tool">
      <Header title="Storage request" subtitle={id} />
      <Content>
        <RequestContent id={id} />
      </Content>
    </Page>
  );
};
