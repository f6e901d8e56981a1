import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { Link } from '@backstage/core-components';
import {
  FleetSubmitResponse,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { useRequestLink } from '../../hooks/useRequestLink';
import { DecisionPreview } from '../fields/DecisionPreview';

/** What happens next with a submitted request, in a sentence. */
export function outcomeText(response: SubmitResponse): string {
  const { request } = response;
  const what =
    request.operation === 'create'
      ? `Request for ${request.claimName}`
      : `${
          request.operation.charAt(0).toUpperCase() + request.operation.slice(1)
        } of ${request.claimName}`;
  switch (request.status) {
    case 'pending-approval':
      return `${what} waits for the platform team's approval. This page updates when they decide.`;
    case 'rejected':
      return `${what} was rejected${
        request.decisionReason ? `: ${request.decisionReason}` : ''
      }.`;
    case 'failed':
      return `${what} failed${
        request.lastError ? `: ${request.lastError}` : ''
      }.`;
    case 'applied':
      return `${what} was applied to ${request.cluster}.`;
    default:
      return `${what} was approved and is being applied to ${request.cluster}.`;
  }
}

/** The result of a submitted request, with the consequence of a delete and a link to the request's page. */
export const RequestOutcome = ({
  response,
}: {
  response: SubmitResponse | FleetSubmitResponse;
}) => {
  // Console actions name what the backend requests after this one.
  const { followUp } = response as FleetSubmitResponse;
  const requestLink = useRequestLink();
  const pending = response.request.status === 'pending-approval';
  const failed =
    response.request.status === 'failed' ||
    response.request.status === 'rejected';
  return (
    <>
      <Alert severity={failed ? 'error' : 'success'} role="status">
        {outcomeText(response)}
      </Alert>
      {pending && response.decision && (
        <Box mt={1}>
          <DecisionPreview validation={response} />
        </Box>
      )}
      <Box mt={1}>
        <Link
          to={requestLink(response.request.id)}
          data-testid="storage-request-outcome-link"
        >
          {pending
            ? 'Follow the request and its approval'
            : 'Follow the request'}
        </Link>
      </Box>
      {followUp && (
        <Alert role="note" severity="info" style={{ marginTop: 8 }}>
          The {followUp.operation} is requested next, {followUp.when}.
        </Alert>
      )}
      {response.consequence && (
        <Alert role="note" severity="info" style={{ marginTop: 8 }}>
          {response.consequence}
        </Alert>
      )}
    </>
  );
};
