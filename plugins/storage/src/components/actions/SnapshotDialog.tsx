import { useCallback, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { hasErrors } from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import {
  claimRequestBase,
  defaultSnapshotName,
  validateClaimRequest,
} from '../../lib/claims';
import { FindingsList, fieldError } from '../fields/FindingsList';
import { ActionDialog } from './ActionDialog';
import { JustificationField } from './JustificationField';
import { ClaimActionDialogProps } from './types';
import { useSubmitRequest } from './useSubmitRequest';
import { TextInput } from '../common/TextInput';

/** Take a VolumeSnapshot of a claim. Only offered where the driver has snapshots. */
export const SnapshotDialog = (props: ClaimActionDialogProps) => {
  const { open, onClose, claim, offering, onSubmitted } = props;
  const api = useApi(storageApiRef);
  const [snapshotName, setSnapshotName] = useState(() =>
    defaultSnapshotName(claim.name),
  );
  const [justification, setJustification] = useState('');

  const findings = validateClaimRequest(
    {
      ...claimRequestBase(claim),
      operation: 'snapshot',
      snapshotName: snapshotName.trim(),
    },
    claim,
    offering,
  );
  const nameError = fieldError(findings, 'snapshotName');
  const taken = claim.snapshots.some(s => s.name === snapshotName.trim());

  const send = useCallback(
    () =>
      api.snapshotClaim(claim, {
        snapshotName: snapshotName.trim(),
        ...(justification && { justification }),
      }),
    [api, claim, snapshotName, justification],
  );
  const state = useSubmitRequest(send, onSubmitted);

  return (
    <ActionDialog
      id="storage-snapshot"
      open={open}
      onClose={onClose}
      title={`Snapshot ${claim.name}`}
      submitLabel="Request snapshot"
      canSubmit={!hasErrors(findings) && !taken}
      onSubmit={state.submit}
      state={state}
    >
      <Typography variant="body2" paragraph>
        A VolumeSnapshot copies the volume as it is now. You can restore it into
        a new claim later. Snapshots are incremental and billed by the changed
        blocks they store.
      </Typography>
      <TextInput
        id="storage-snapshot-name"
        label="Snapshot name"
        value={snapshotName}
        onChange={event => setSnapshotName(event.target.value)}
        error={!!nameError || taken}
        helperText={
          taken
            ? `Snapshot ${snapshotName} already exists`
            : nameError ??
              'Lower-case letters, digits, "-" and "."; unique in the namespace'
        }
      />
      <FindingsList
        findings={findings.filter(f => f.field !== 'snapshotName')}
      />
      <JustificationField
        id="storage-snapshot-justification"
        value={justification}
        onChange={setJustification}
      />
    </ActionDialog>
  );
};
