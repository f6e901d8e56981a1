import { useCallback, useMemo, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  formatQuantity,
  hasErrors,
  parseQuantity,
} from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import { claimRequestBase, validateClaimRequest } from '../../lib/claims';
import { estimateClaimCost } from '../../lib/cost';
import { CostEstimateView } from '../fields/CostEstimateView';
import { FindingsList, fieldError } from '../fields/FindingsList';
import { SizeField } from '../fields/SizeField';
import { ActionDialog } from './ActionDialog';
import { JustificationField } from './JustificationField';
import { ClaimActionDialogProps } from './types';
import { useSubmitRequest } from './useSubmitRequest';

/** A sensible next size: double, at least 1Gi more. */
function suggestedSize(current: string | undefined): string {
  const bytes = parseQuantity(current);
  return bytes ? formatQuantity(Math.max(bytes * 2, bytes + 2 ** 30)) : '';
}

/** Grow a claim. Only offered where the class allows expansion. */
export const ResizeDialog = (props: ClaimActionDialogProps) => {
  const { open, onClose, claim, offering, onSubmitted } = props;
  const api = useApi(storageApiRef);
  const current = claim.capacity ?? claim.requested;
  const [size, setSize] = useState(() => suggestedSize(current));
  const [justification, setJustification] = useState('');

  const request = {
    ...claimRequestBase(claim),
    operation: 'resize' as const,
    size: size.trim(),
    ...(justification && { justification }),
  };
  const findings = validateClaimRequest(request, claim, offering);
  const unchanged = findings.some(f => f.code === 'resize-no-change');
  const cost = useMemo(
    () => estimateClaimCost(offering, size, claim.accessModes[0]),
    [offering, size, claim.accessModes],
  );

  const send = useCallback(
    () =>
      api.resizeClaim(claim, {
        size: size.trim(),
        ...(justification && { justification }),
      }),
    [api, claim, size, justification],
  );
  const state = useSubmitRequest(send, onSubmitted);

  return (
    <ActionDialog
      id="storage-resize"
      open={open}
      onClose={onClose}
      title={`Resize ${claim.name}`}
      submitLabel="Request resize"
      canSubmit={!hasErrors(findings) && !unchanged}
      onSubmit={state.submit}
      state={state}
    >
      <Typography variant="body2" paragraph>
        The claim asks for {claim.requested ?? 'no size'}
        {claim.capacity ? ` and has ${claim.capacity}` : ''}. Volumes can only
        grow.
      </Typography>
      <SizeField
        id="storage-resize-size"
        label="New size"
        value={size}
        onChange={setSize}
        min={current}
        max={offering?.size.max}
        error={fieldError(findings, 'size')}
      />
      <FindingsList
        findings={findings.filter(
          f => f.field !== 'size' || f.severity !== 'error',
        )}
      />
      <CostEstimateView
        cost={cost}
        compareTo={claim.cost}
        title="Estimated cost after the resize"
      />
      <Alert
        role="note"
        severity="info"
        variant="outlined"
        style={{ marginBottom: 8 }}
      >
        {claim.driver === 'ebs' && (
          <div>
            Amazon EBS allows one modification of a volume every six hours: a
            second resize within six hours waits until the window has passed.
          </div>
        )}
        <div>
          The volume grows in the background. If the claim then shows
          &ldquo;Restart to finish resize&rdquo;, restart the pod that uses it
          so the file system grows too.
        </div>
      </Alert>
      <JustificationField
        id="storage-resize-justification"
        value={justification}
        onChange={setJustification}
      />
    </ActionDialog>
  );
};
