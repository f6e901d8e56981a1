import { useCallback, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  DRIVERS,
  OfferingListItem,
  StorageRequestInput,
  SubmitResponse,
  ValidationResponse,
  WORKLOADS,
  Workload,
  hasErrors,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import { estimateClaimCost } from '../../lib/cost';
import { ActionDialog } from '../actions/ActionDialog';
import { JustificationField } from '../actions/JustificationField';
import { TextInput } from '../common/TextInput';
import {
  describeSubmitError,
  useSubmitRequest,
} from '../actions/useSubmitRequest';
import { AccessModePicker } from '../fields/AccessModePicker';
import { ClusterSelect } from '../fields/ClusterSelect';
import { CostEstimateView } from '../fields/CostEstimateView';
import { DecisionPreview } from '../fields/DecisionPreview';
import {
  FindingsList,
  fieldError,
  fieldErrorProps,
} from '../fields/FindingsList';
import { OfferingPicker } from '../fields/OfferingPicker';
import { SizeField } from '../fields/SizeField';

const WORKLOAD_LABELS: Record<Workload, string> = {
  database: 'Database',
  'message-broker': 'Message broker',
  'ci-workspace': 'CI workspace',
  'shared-files': 'Shared files',
  'ml-scratch': 'ML / HPC scratch',
  'logs-backup': 'Logs, backups, data lake',
};

/** Fields the form shows next to their input; other findings are listed below. */
const FIELD_FINDINGS = [
  'claimName',
  'size',
  'accessMode',
  'namespace',
  'cluster',
  'offering',
];

export interface RequestStorageDialogProps {
  open: boolean;
  onClose: () => void;
  entityRef: string;
  offerings: readonly OfferingListItem[];
  clusters: readonly string[];
  defaultNamespace?: string;
  defaultClaimName?: string;
  onSubmitted?: (response: SubmitResponse) => void;
}

/** Ask for new storage: the same fields, rules and estimate as the scaffolder template. */
export const RequestStorageDialog = (props: RequestStorageDialogProps) => {
  const { open, onClose, entityRef, offerings, onSubmitted } = props;
  const api = useApi(storageApiRef);
  const clusters = props.clusters.length
    ? props.clusters
    : [...new Set(offerings.flatMap(o => o.clusters ?? []))];
  const [cluster, setCluster] = useState(clusters[0] ?? '');
  const [namespace, setNamespace] = useState(
    props.defaultNamespace ?? 'default',
  );
  const [claimName, setClaimName] = useState(props.defaultClaimName ?? '');
  const [workload, setWorkload] = useState<Workload | ''>('');
  const [offeringId, setOfferingId] = useState('');
  const offering = offerings.find(o => o.id === offeringId);
  const [size, setSize] = useState('');
  const [accessMode, setAccessMode] = useState('');
  const [volumeId, setVolumeId] = useState('');
  const [justification, setJustification] = useState('');
  const [preview, setPreview] = useState<
    { result?: ValidationResponse; error?: string } | undefined
  >();
  const isStatic = offering?.capabilities
    ? !offering.capabilities.dynamic
    : false;

  const chooseOffering = (id: string) => {
    const chosen = offerings.find(o => o.id === id);
    setOfferingId(id);
    setPreview(undefined);
    if (chosen) {
      setSize(chosen.size.default);
      setAccessMode(chosen.accessModes[0]);
    }
  };

  const request = useMemo<StorageRequestInput | undefined>(
    () =>
      offering && {
        operation: 'create',
        entityRef,
        cluster,
        namespace: namespace.trim(),
        claimName: claimName.trim(),
        offering: offering.id,
        size: size.trim(),
        accessMode: accessMode as any,
        ...(workload && { workload }),
        ...(isStatic && {
          source: { type: 'existing', volumeId: volumeId.trim() },
        }),
        ...(justification && { justification }),
      },
    [
      offering,
      entityRef,
      cluster,
      namespace,
      claimName,
      size,
      accessMode,
      workload,
      isStatic,
      volumeId,
      justification,
    ],
  );
  const findings = request ? validateRequest(request, offering) : [];
  const cost = useMemo(
    () => estimateClaimCost(offering, size, accessMode),
    [offering, size, accessMode],
  );

  const send = useCallback(() => api.submitRequest(request!), [api, request]);
  const state = useSubmitRequest(send, onSubmitted);

  const runPreview = async () => {
    if (!request) return;
    try {
      setPreview({ result: await api.validateRequest(request) });
    } catch (error) {
      setPreview({ error: describeSubmitError(error) });
    }
  };

  return (
    <ActionDialog
      id="storage-request"
      open={open}
      onClose={onClose}
      title="Request storage"
      submitLabel="Submit request"
      canSubmit={!!request && !hasErrors(findings)}
      onSubmit={state.submit}
      state={state}
      maxWidth="md"
    >
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <TextInput
          id="storage-request-workload"
          fullWidth={false}
          select
          label="What is it for? (optional)"
          value={workload}
          onChange={event => setWorkload(event.target.value as Workload)}
          style={{ minWidth: 240 }}
          helperText="Marks the recommended offerings"
        >
          <MenuItem value="">Not sure</MenuItem>
          {WORKLOADS.map(w => (
            <MenuItem key={w} value={w}>
              {WORKLOAD_LABELS[w]}
            </MenuItem>
          ))}
        </TextInput>
        <ClusterSelect
          id="storage-request-cluster"
          clusters={clusters}
          value={cluster}
          onChange={setCluster}
          {...fieldErrorProps(findings, 'cluster')}
        />
        <TextInput
          id="storage-request-namespace"
          fullWidth={false}
          label="Namespace"
          value={namespace}
          onChange={event => setNamespace(event.target.value)}
          {...fieldErrorProps(findings, 'namespace')}
        />
        <TextInput
          id="storage-request-claim-name"
          fullWidth={false}
          label="Claim name"
          value={claimName}
          onChange={event => setClaimName(event.target.value)}
          {...fieldErrorProps(
            findings,
            'claimName',
            'e.g. orders-db-data',
            !!claimName,
          )}
        />
      </Box>
      <Box mt={2}>
        <OfferingPicker
          offerings={offerings}
          value={offeringId}
          onChange={chooseOffering}
          cluster={cluster}
          workload={workload || undefined}
          error={offering ? fieldError(findings, 'offering') : undefined}
        />
      </Box>
      {offering && (
        <>
          <Box display="flex" flexWrap="wrap" style={{ gap: 24 }} mt={1}>
            <Box flex="1 1 240px">
              <SizeField
                id="storage-request-size"
                value={size}
                onChange={setSize}
                min={offering.size.min}
                max={offering.size.max}
                capacityUsed={offering.capabilities?.capacityUsed ?? true}
                error={fieldError(findings, 'size')}
              />
              {isStatic && (
                <TextInput
                  id="storage-request-volume-id"
                  label={offering.driver === 's3' ? 'Bucket name' : 'Volume ID'}
                  value={volumeId}
                  onChange={event => setVolumeId(event.target.value)}
                  {...fieldErrorProps(
                    findings,
                    'source',
                    `The existing volume, e.g. ${
                      DRIVERS[offering.driver].volumeHandleExample
                    }`,
                    !!volumeId,
                  )}
                />
              )}
              <CostEstimateView cost={cost} />
            </Box>
            <Box flex="1 1 240px">
              <AccessModePicker
                modes={offering.accessModes}
                value={accessMode}
                onChange={setAccessMode}
                error={fieldError(findings, 'accessMode')}
              />
            </Box>
          </Box>
          <FindingsList
            findings={findings.filter(
              f =>
                !(
                  f.severity === 'error' &&
                  FIELD_FINDINGS.some(
                    field =>
                      f.field === field || f.field.startsWith(`${field}.`),
                  )
                ) && !(f.field === 'claimName' && !claimName),
            )}
          />
          <JustificationField
            id="storage-request-justification"
            value={justification}
            onChange={setJustification}
          />
          <Box mt={1}>
            <Button
              variant="outlined"
              size="small"
              onClick={runPreview}
              disabled={hasErrors(findings)}
            >
              Check with the cluster
            </Button>
          </Box>
          {preview?.error && (
            <Alert severity="error" role="alert" style={{ marginTop: 8 }}>
              {preview.error}
            </Alert>
          )}
          {preview?.result && (
            <Box mt={1}>
              <DecisionPreview validation={preview.result} />
              {preview.result.dryRun && (
                <Alert
                  role="note"
                  severity={preview.result.dryRun.ok ? 'success' : 'error'}
                  style={{ marginBottom: 8 }}
                >
                  {preview.result.dryRun.ok
                    ? `The cluster accepts these manifests (server-side dry run).`
                    : `The cluster rejects these manifests: ${
                        preview.result.dryRun.message ?? ''
                      }`}
                </Alert>
              )}
              <FindingsList findings={preview.result.findings} />
              <CostEstimateView
                cost={preview.result.cost}
                title="Cost at the platform's prices"
              />
              {preview.result.manifestsYaml && (
                <CodeSnippet
                  text={preview.result.manifestsYaml}
                  language="yaml"
                  showCopyCodeButton
                />
              )}
            </Box>
          )}
        </>
      )}
      {!offerings.length && (
        <Typography variant="body2" color="textSecondary">
          The platform offers no storage yet: ask the platform team to configure
          storage offerings.
        </Typography>
      )}
    </ActionDialog>
  );
};
