import { useCallback, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  ConsoleFinding,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import { formatMonthlyUsd } from '../../lib/fleet';
import { ActionDialog } from '../actions/ActionDialog';
import { JustificationField } from '../actions/JustificationField';
import { TypedConfirmation, confirms } from '../actions/TypedConfirmation';
import { useSubmitRequest } from '../actions/useSubmitRequest';
import { VolumeFacts } from './VolumeFacts';

export interface VolumeDialogProps {
  /** A waste finding about a PersistentVolume no claim holds. */
  finding: ConsoleFinding;
  onClose: () => void;
  /** Told when the backend accepted the request. */
  onSubmitted?: (response: SubmitResponse) => void;
}

/**
 * Delete a volume no claim holds, as a request (policy and approval
 * apply): its facts and cost, the way to keep a copy first, and the
 * volume's name typed as confirmation.
 */
export const DeleteVolumeDialog = (
  props: VolumeDialogProps & {
    /** Opens the adopt dialog: the way to a snapshot of the data. */
    onAdoptFirst?: () => void;
  },
) => {
  const { finding, onClose, onSubmitted, onAdoptFirst } = props;
  const api = useApi(storageApiRef);
  const name = finding.volume?.name ?? finding.object.name;
  const [confirm, setConfirm] = useState('');
  const [justification, setJustification] = useState('');
  const send = useCallback(
    () =>
      api.deleteFleetVolume(
        { cluster: finding.cluster, name },
        {
          confirm: confirm.trim(),
          ...(justification && { justification }),
        },
      ),
    [api, finding.cluster, name, confirm, justification],
  );
  const state = useSubmitRequest(send, onSubmitted);
  const handle = finding.volume?.volumeHandle;

  return (
    <ActionDialog
      id="storage-delete-volume"
      open
      onClose={onClose}
      title={`Delete volume ${name}`}
      submitLabel="Delete volume"
      destructive
      canSubmit={confirms(confirm, name)}
      onSubmit={state.submit}
      state={state}
    >
      <Box mb={1}>
        <VolumeFacts finding={finding} />
      </Box>
      <Alert role="note" severity="error" style={{ marginBottom: 8 }}>
        <strong>
          This deletes PersistentVolume {name}; a volume its CSI driver
          provisioned goes with all its data
          {handle ? ` (${handle})` : ''}. It cannot be undone.
        </strong>{' '}
        A volume created outside Kubernetes keeps its cloud volume, to delete in
        AWS. The request&apos;s outcome says which.
        {finding.monthlyUsd !== undefined &&
          ` Deleting the cloud volume stops ${formatMonthlyUsd(
            finding.monthlyUsd,
          )} of charges.`}
      </Alert>
      <Alert
        role="note"
        severity="info"
        variant="outlined"
        style={{ marginBottom: 8 }}
        action={
          onAdoptFirst && (
            <Button color="primary" size="small" onClick={onAdoptFirst}>
              Adopt first
            </Button>
          )
        }
      >
        Kubernetes snapshots claims, not volumes on their own. To keep a copy,
        adopt the volume into a claim, snapshot that claim, then delete it.
      </Alert>
      <TypedConfirmation
        id="storage-delete-volume-confirm"
        name={name}
        label="Volume name"
        value={confirm}
        onChange={setConfirm}
      />
      <JustificationField
        id="storage-delete-volume-justification"
        value={justification}
        onChange={setJustification}
      />
    </ActionDialog>
  );
};
