import Alert from '@material-ui/lab/Alert';
import { ValidationResponse } from '@eks-storage/backstage-plugin-storage-common';
import { decisionSeverity, decisionText } from '../../lib/approvals';

/**
 * What policy would decide for the request, before it is submitted:
 * applied at once, needs approval by whom and why, or denied.
 */
export const DecisionPreview = ({
  validation,
}: {
  validation: Pick<ValidationResponse, 'decision' | 'approval'>;
}) => {
  const { decision, approval } = validation;
  if (!decision && !approval) return null;
  const text = decision
    ? decisionText(decision)
    : `Needs approval by the platform team: ${approval!.reason}`;
  return (
    <Alert
      role="note"
      severity={decision ? decisionSeverity(decision) : 'info'}
      data-testid="storage-request-decision"
      style={{ marginBottom: 8 }}
    >
      {text}
    </Alert>
  );
};
