import { useCallback, useMemo, useState } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { hasErrors } from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import { claimRequestBase, validateClaimRequest } from '../../lib/claims';
import { estimateClaimCost } from '../../lib/cost';
import { AccessModePicker } from '../fields/AccessModePicker';
import { CostEstimateView } from '../fields/CostEstimateView';
import {
  FindingsList,
  fieldError,
  fieldErrorProps,
} from '../fields/FindingsList';
import { SizeField } from '../fields/SizeField';
import { ActionDialog } from './ActionDialog';
import { JustificationField } from './JustificationField';
import { ClaimActionDialogProps } from './types';
import { useSubmitRequest } from './useSubmitRequest';
import { TextInput } from '../common/TextInput';

const SHOWN_FIELDS = ['claimName', 'size', 'snapshotName', 'accessMode'];

/** Restore a ready snapshot of a claim into a new claim. */
export const RestoreDialog = (
  props: ClaimActionDialogProps & { snapshotName?: string },
) => {
  const { open, onClose, claim, offering, onSubmitted } = props;
  const api = useApi(storageApiRef);
  const ready = claim.snapshots.filter(s => s.readyToUse);
  const [snapshotName, setSnapshotName] = useState(
    props.snapshotName ?? ready[0]?.name ?? '',
  );
  const snapshot = ready.find(s => s.name === snapshotName);
  const [claimName, setClaimName] = useState(`${claim.name}-restore`);
  const [size, setSize] = useState(
    snapshot?.restoreSize ?? claim.capacity ?? claim.requested ?? '',
  );
  const modes = offering?.accessModes ?? claim.accessModes;
  const [accessMode, setAccessMode] = useState(
    claim.accessModes[0] ?? modes[0] ?? 'ReadWriteOnce',
  );
  const [justification, setJustification] = useState('');

  const findings = validateClaimRequest(
    {
      ...claimRequestBase(claim),
      operation: 'restore',
      claimName: claimName.trim(),
      snapshotName,
      offering: offering?.id ?? '',
      size: size.trim(),
      accessMode: accessMode as any,
    },
    claim,
    offering,
  );
  const cost = useMemo(
    () => estimateClaimCost(offering, size, accessMode),
    [offering, size, accessMode],
  );

  const send = useCallback(
    () =>
      api.restoreClaim(claim, {
        snapshotName,
        claimName: claimName.trim(),
        size: size.trim(),
        accessMode,
        ...(offering && { offering: offering.id }),
        ...(justification && { justification }),
      }),
    [
      api,
      claim,
      snapshotName,
      claimName,
      size,
      accessMode,
      offering,
      justification,
    ],
  );
  const state = useSubmitRequest(send, onSubmitted);

  return (
    <ActionDialog
      id="storage-restore"
      open={open}
      onClose={onClose}
      title={`Restore a snapshot of ${claim.name}`}
      submitLabel="Request restore"
      canSubmit={!hasErrors(findings) && !!snapshot}
      onSubmit={state.submit}
      state={state}
    >
      <Typography variant="body2" paragraph>
        The snapshot's data goes into a new claim in {claim.namespace} on{' '}
        {claim.cluster}; {claim.name} stays as it is.
      </Typography>
      <TextInput
        id="storage-restore-snapshot"
        select
        label="Snapshot"
        value={snapshotName}
        onChange={event => {
          setSnapshotName(event.target.value);
          const chosen = ready.find(s => s.name === event.target.value);
          if (chosen?.restoreSize) setSize(chosen.restoreSize);
        }}
        error={!snapshot}
        helperText={
          snapshot
            ? `Restores ${snapshot.restoreSize ?? 'the volume'}`
            : 'Pick a snapshot that is ready to use'
        }
      >
        {ready.map(s => (
          <MenuItem key={s.name} value={s.name}>
            {s.name}
          </MenuItem>
        ))}
      </TextInput>
      <TextInput
        id="storage-restore-claim-name"
        label="New claim name"
        value={claimName}
        onChange={event => setClaimName(event.target.value)}
        {...fieldErrorProps(
          findings,
          'claimName',
          'Lower-case letters, digits, "-" and "."',
        )}
      />
      <SizeField
        id="storage-restore-size"
        value={size}
        onChange={setSize}
        min={snapshot?.restoreSize}
        max={offering?.size.max}
        capacityUsed={offering?.capabilities?.capacityUsed ?? true}
        error={fieldError(findings, 'size')}
      />
      <AccessModePicker
        modes={modes}
        value={accessMode}
        onChange={setAccessMode}
        error={fieldError(findings, 'accessMode')}
      />
      <FindingsList
        findings={findings.filter(
          f => !(f.severity === 'error' && SHOWN_FIELDS.includes(f.field)),
        )}
      />
      <CostEstimateView cost={cost} />
      <JustificationField
        id="storage-restore-justification"
        value={justification}
        onChange={setJustification}
      />
    </ActionDialog>
  );
};
