import Alert from '@material-ui/lab/Alert';
import { SubmitResponse } from '@eks-storage/backstage-plugin-storage-common';

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

/** The result of a submitted request, with the consequence of a delete. */
export const RequestOutcome = ({ response }: { response: SubmitResponse }) => {
  const failed =
    response.request.status === 'failed' ||
    response.request.status === 'rejected';
  return (
    <>
      <Alert severity={failed ? 'error' : 'success'} role="status">
        {outcomeText(response)}
      </Alert>
      {response.consequence && (
        <Alert role="note" severity="info" style={{ marginTop: 8 }}>
          {response.consequence}
        </Alert>
      )}
    </>
  );
};
