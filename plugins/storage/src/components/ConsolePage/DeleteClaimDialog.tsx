import { useCallback, useState } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  DRIVERS,
  DriverId,
} from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import { formatMonthlyUsd } from '../../lib/fleet';
import { ActionDialog } from '../actions/ActionDialog';
import { JustificationField } from '../actions/JustificationField';
import { TypedConfirmation, confirms } from '../actions/TypedConfirmation';
import { useSubmitRequest } from '../actions/useSubmitRequest';
import { VolumeDialogProps } from './DeleteVolumeDialog';

/** What deleting the claim does to its volume, by the volume's reclaim policy. */
export function reclaimConsequence(reclaimPolicy: string | undefined): string {
  if (reclaimPolicy === 'Retain') {
    return 'Its volume is kept (reclaim policy Retain) and still billed until it is deleted too.';
  }
  if (reclaimPolicy === 'Delete') {
    return 'Its volume and all its data are deleted with it (reclaim policy Delete).';
  }
  return "Its volume's reclaim policy decides the data's fate: Delete destroys it, Retain keeps it and its bill.";
}

/**
 * Delete a claim found unused, as a request: a snapshot first by default
 * (the backend requests the delete once it is ready), and the claim's name
 * typed as confirmation.
 */
export const DeleteClaimDialog = (props: VolumeDialogProps) => {
  const { finding, onClose, onSubmitted } = props;
  const api = useApi(storageApiRef);
  const { cluster, object } = finding;
  const namespace = object.namespace ?? 'default';
  const driver = finding.volume?.driver as DriverId | undefined;
  const snapshots = driver ? DRIVERS[driver]?.snapshots !== false : true;
  const [snapshotFirst, setSnapshotFirst] = useState(snapshots);
  const [confirm, setConfirm] = useState('');
  const [justification, setJustification] = useState('');
  const send = useCallback(
    () =>
      api.deleteFleetClaim(
        { cluster, namespace, name: object.name },
        {
          confirm: confirm.trim(),
          snapshotFirst,
          ...(justification && { justification }),
        },
      ),
    [
      api,
      cluster,
      namespace,
      object.name,
      confirm,
      snapshotFirst,
      justification,
    ],
  );
  const state = useSubmitRequest(send, onSubmitted);
  const reclaim = finding.volume?.reclaimPolicy;

  return (
    <ActionDialog
      id="storage-delete-claim"
      open
      onClose={onClose}
      title={`Delete claim ${namespace}/${object.name}`}
      submitLabel={snapshotFirst ? 'Snapshot, then delete' : 'Delete claim'}
      destructive
      canSubmit={confirms(confirm, object.name)}
      onSubmit={state.submit}
      state={state}
    >
      <Typography variant="body2" paragraph>
        {finding.title}
        {finding.monthlyUsd !== undefined &&
          ` It costs ${formatMonthlyUsd(finding.monthlyUsd)}.`}
      </Typography>
      <Alert
        role="note"
        severity={reclaim === 'Retain' ? 'warning' : 'error'}
        style={{ marginBottom: 8 }}
      >
        {reclaimConsequence(reclaim)}
      </Alert>
      <FormControlLabel
        control={
          <Checkbox
            id="storage-delete-claim-snapshot-first"
            checked={snapshotFirst}
            disabled={!snapshots}
            onChange={event => setSnapshotFirst(event.target.checked)}
            color="primary"
          />
        }
        label={
          snapshots
            ? 'Snapshot first: the delete is requested once the snapshot is ready'
            : 'Snapshot first (its driver takes no snapshots)'
        }
      />
      <TypedConfirmation
        id="storage-delete-claim-confirm"
        name={object.name}
        label="Claim name"
        value={confirm}
        onChange={setConfirm}
      />
      <JustificationField
        id="storage-delete-claim-justification"
        value={justification}
        onChange={setJustification}
      />
    </ActionDialog>
  );
};
