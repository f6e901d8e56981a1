import { useCallback, useState } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { storageApiRef } from '../../api';
import { useOfferings } from '../../hooks/useOfferings';
import { ActionDialog } from '../actions/ActionDialog';
import { JustificationField } from '../actions/JustificationField';
import { useSubmitRequest } from '../actions/useSubmitRequest';
import { TextInput } from '../common/TextInput';
import { VolumeDialogProps } from './DeleteVolumeDialog';
import { VolumeFacts } from './VolumeFacts';

/** Whether the text is a full entity ref (kind, optional namespace, name). */
function isEntityRef(text: string): boolean {
  try {
    parseEntityRef(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adopt a volume no claim holds into a new claim for the entity that owned
 * it, as a create request (policy and approval apply). The backend fills in
 * what is left empty from the volume's last claim.
 */
export const AdoptVolumeDialog = (props: VolumeDialogProps) => {
  const { finding, onClose, onSubmitted } = props;
  const api = useApi(storageApiRef);
  const { offerings } = useOfferings();
  const name = finding.volume?.name ?? finding.object.name;
  const lastClaim = finding.lastClaim ?? finding.volume?.lastClaim;
  const [entityRef, setEntityRef] = useState(finding.entityRef ?? '');
  const [namespace, setNamespace] = useState(lastClaim?.namespace ?? '');
  const [claimName, setClaimName] = useState(lastClaim?.name ?? '');
  const [offering, setOffering] = useState('');
  const [justification, setJustification] = useState('');
  const entityOk = !entityRef.trim() || isEntityRef(entityRef.trim());
  // Without a last claim or an owner the backend cannot fill them in.
  const complete =
    (!!entityRef.trim() || !!finding.entityRef) &&
    (!!namespace.trim() || !!lastClaim) &&
    (!!claimName.trim() || !!lastClaim);
  const driver = finding.volume?.driver;
  const candidates = offerings.filter(
    o =>
      (!driver || o.driver === driver) && o.clusters.includes(finding.cluster),
  );

  const send = useCallback(
    () =>
      api.adoptFleetVolume(
        { cluster: finding.cluster, name },
        {
          ...(entityRef.trim() && { entityRef: entityRef.trim() }),
          ...(namespace.trim() && { namespace: namespace.trim() }),
          ...(claimName.trim() && { claimName: claimName.trim() }),
          ...(offering && { offering }),
          ...(justification && { justification }),
        },
      ),
    [
      api,
      finding.cluster,
      name,
      entityRef,
      namespace,
      claimName,
      offering,
      justification,
    ],
  );
  const state = useSubmitRequest(send, onSubmitted);

  return (
    <ActionDialog
      id="storage-adopt-volume"
      open
      onClose={onClose}
      title={`Adopt volume ${name}`}
      submitLabel="Request claim"
      canSubmit={entityOk && complete}
      onSubmit={state.submit}
      state={state}
    >
      <Box mb={1}>
        <VolumeFacts finding={finding} />
      </Box>
      <Typography variant="body2" paragraph>
        A new claim binds this volume and its data, so the entity can mount it
        again (and snapshot it). It is a storage request like any other: the
        platform&apos;s policy may send it for approval.
      </Typography>
      <TextInput
        id="storage-adopt-entity"
        label="Entity"
        placeholder="component:default/payments-api"
        value={entityRef}
        onChange={event => setEntityRef(event.target.value)}
        error={!entityOk}
        helperText={
          entityOk
            ? 'The entity the claim is for; its owners may then use it.'
            : 'An entity ref such as component:default/payments-api'
        }
      />
      <TextInput
        id="storage-adopt-namespace"
        label="Namespace"
        value={namespace}
        onChange={event => setNamespace(event.target.value)}
      />
      <TextInput
        id="storage-adopt-claim"
        label="Claim name"
        value={claimName}
        onChange={event => setClaimName(event.target.value)}
        helperText={
          lastClaim
            ? 'The last claim’s name lets workloads that used it find it again.'
            : ' '
        }
      />
      <TextInput
        id="storage-adopt-offering"
        select
        label="Offering"
        value={offering}
        onChange={event => setOffering(event.target.value)}
        helperText="Left as chosen by the platform: an offering of the volume's driver that binds existing volumes."
      >
        <MenuItem value="">Chosen by the platform</MenuItem>
        {candidates.map(o => (
          <MenuItem key={o.id} value={o.id}>
            {o.title}
          </MenuItem>
        ))}
      </TextInput>
      <JustificationField
        id="storage-adopt-justification"
        value={justification}
        onChange={setJustification}
      />
    </ActionDialog>
  );
};
