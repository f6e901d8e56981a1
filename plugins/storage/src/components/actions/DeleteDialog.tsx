import { useCallback, useState } from 'react';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { storageApiRef } from '../../api';
import { claimRequestBase, validateClaimRequest } from '../../lib/claims';
import { ActionDialog } from './ActionDialog';
import { JustificationField } from './JustificationField';
import { ClaimActionDialogProps } from './types';
import { useSubmitRequest } from './useSubmitRequest';
import { TypedConfirmation, confirms } from './TypedConfirmation';

/**
 * Delete a claim: says what happens to the data, offers a snapshot first, and
 * asks for the claim's name as confirmation.
 */
export const DeleteDialog = (
  props: ClaimActionDialogProps & {
    /** Opens the snapshot dialog; absent when the driver has no snapshots. */
    onSnapshotFirst?: () => void;
  },
) => {
  const { open, onClose, claim, offering, onSubmitted, onSnapshotFirst } =
    props;
  const api = useApi(storageApiRef);
  const [confirm, setConfirm] = useState('');
  const [justification, setJustification] = useState('');
  const retained = claim.volume?.reclaimPolicy === 'Retain';
  const consequence = validateClaimRequest(
    { ...claimRequestBase(claim), operation: 'delete' },
    claim,
    offering,
  ).find(
    f => f.code === 'delete-is-permanent' || f.code === 'retain-leaves-volume',
  );
  const latestReady = claim.snapshots
    .filter(s => s.readyToUse)
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
  const confirmed = confirms(confirm, claim.name);

  const send = useCallback(
    () =>
      api.deleteClaim(claim, {
        confirm: confirm.trim(),
        ...(justification && { justification }),
      }),
    [api, claim, confirm, justification],
  );
  const state = useSubmitRequest(send, onSubmitted);

  return (
    <ActionDialog
      id="storage-delete"
      open={open}
      onClose={onClose}
      title={`Delete ${claim.name}`}
      submitLabel="Delete claim"
      destructive
      canSubmit={confirmed}
      onSubmit={state.submit}
      state={state}
    >
      {!claim.volume && (
        <Alert role="note" severity="info" style={{ marginBottom: 8 }}>
          The claim has no volume yet: no data is lost.
        </Alert>
      )}
      {claim.volume && consequence && (
        <Alert
          role="note"
          severity={retained ? 'warning' : 'error'}
          style={{ marginBottom: 8 }}
        >
          <div>
            <strong>
              {retained
                ? `The volume ${claim.volume.name} is kept and still billed.`
                : `This destroys the volume ${claim.volume.name} and all its data.`}
            </strong>
          </div>
          <div>{consequence.message}.</div>
          <div>{consequence.fix}</div>
        </Alert>
      )}
      {claim.consumers.length > 0 && (
        <Alert role="note" severity="warning" style={{ marginBottom: 8 }}>
          Pod{claim.consumers.length > 1 ? 's' : ''}{' '}
          {claim.consumers.map(c => c.pod).join(', ')} still use
          {claim.consumers.length > 1 ? '' : 's'} this claim: it stays
          Terminating until{' '}
          {claim.consumers.length > 1 ? 'they stop' : 'it stops'}.
        </Alert>
      )}
      {onSnapshotFirst && claim.volume && (
        <Alert
          role="note"
          severity="info"
          variant="outlined"
          style={{ marginBottom: 8 }}
          action={
            <Button color="primary" size="small" onClick={onSnapshotFirst}>
              Snapshot first
            </Button>
          }
        >
          {latestReady
            ? `Snapshot ${latestReady.name} is ready to restore. Take a new one to keep the latest data.`
            : 'This claim has no ready snapshot. Take one first to keep a copy of the data.'}
        </Alert>
      )}
      <TypedConfirmation
        id="storage-delete-confirm"
        name={claim.name}
        label="Claim name"
        value={confirm}
        onChange={setConfirm}
      />
      <JustificationField
        id="storage-delete-justification"
        value={justification}
        onChange={setJustification}
      />
    </ActionDialog>
  );
};
