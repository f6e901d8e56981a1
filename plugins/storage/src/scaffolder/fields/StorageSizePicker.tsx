import { useEffect, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  DRIVERS,
  OfferingListItem,
  fsxLustreCapacitySteps,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { CostEstimateView } from '../../components/fields/CostEstimateView';
import { DecisionPreview } from '../../components/fields/DecisionPreview';
import { FindingsList } from '../../components/fields/FindingsList';
import { SizeField } from '../../components/fields/SizeField';
import { estimateClaimCost } from '../../lib/cost';
import { draftRequest, policyProbe } from '../formData';
import { useBackendCheck, useCatalogEntity, useStorageForm } from '../hooks';
import { entityNamespace } from '../namespaces';
import { StorageSizePickerFieldSchema } from '../schemas';
import { findingText } from '../validation';
import { FieldStatus } from './FieldStatus';

const UNITS = ['Gi', 'Ti'] as const;

/** FSx for Lustre's capacity steps for the offering's class, in words. */
export function capacityStepsText(
  offering: OfferingListItem,
): string | undefined {
  if (offering.driver !== 'fsx-lustre') return undefined;
  const { parameters } = offering;
  const { firstSizes, step } = fsxLustreCapacitySteps(
    parameters.deploymentType,
    parameters.storageType,
    parameters.perUnitStorageThroughput
      ? Number(parameters.perUnitStorageThroughput)
      : undefined,
  );
  const sizes = [
    ...firstSizes.map(gib => `${gib} GiB`),
    `then steps of ${step} GiB`,
  ];
  return `FSx for Lustre creates ${sizes.join(
    ', ',
  )}; other sizes are rounded up and billed at the rounded size.`;
}

/** What policy will decide for this size, asked of the backend as the size settles. */
const PolicyOutcome = ({ probe }: { probe?: Record<string, unknown> }) => {
  const { answer, loading, error } = useBackendCheck(probe);
  if (!probe) return null;
  if (loading) {
    return (
      <Typography variant="caption" color="textSecondary" display="block">
        Asking policy about this size…
      </Typography>
    );
  }
  if (error || !answer) {
    return (
      <Typography variant="caption" color="textSecondary" display="block">
        Policy could not be asked now ({error?.message ?? 'no answer'}); it
        decides when you submit.
      </Typography>
    );
  }
  if (!answer.decision && !answer.approval) {
    const problem = answer.findings.find(f => f.severity === 'error');
    return problem ? (
      <Typography variant="caption" color="textSecondary" display="block">
        Policy decides once the request is complete ({problem.message}).
      </Typography>
    ) : null;
  }
  return (
    <Box mt={1}>
      <Typography variant="caption" color="textSecondary" display="block">
        Policy for {String(probe.cluster)}/{String(probe.namespace)}:
      </Typography>
      <DecisionPreview validation={answer} />
    </Box>
  );
};

/**
 * `StorageSizePicker`: a size within the offering's bounds, with the
 * driver's notes (rounding, billed by use), the monthly estimate and
 * policy's decision for it.
 */
export const StorageSizePicker = (
  props: typeof StorageSizePickerFieldSchema.TProps,
) => {
  const { formData, onChange, schema, disabled, idSchema } = props;
  const form = useStorageForm(props);
  const { offering, answers } = form;
  const entity = useCatalogEntity(answers.entityRef);
  const size = formData ?? '';

  // A new offering brings its default size, unless one was given.
  useEffect(() => {
    if (offering && formData === undefined) onChange(offering.size.default);
  }, [offering, formData, onChange]);

  const withSize = { ...answers, size: size || undefined };
  const findings = useMemo(
    () =>
      offering
        ? validateRequest(draftRequest(withSize, offering), offering).filter(
            f => f.field === 'size',
          )
        : [],
    // withSize is derived from these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [offering, size, answers.accessMode],
  );
  const error = findings.find(f => f.severity === 'error');
  const cost = useMemo(
    () => estimateClaimCost(offering, size, answers.accessMode),
    [offering, size, answers.accessMode],
  );
  const probe =
    offering && !error
      ? policyProbe(withSize, offering, {
          namespace: entityNamespace(entity.value),
        })
      : undefined;

  if (form.loading || form.error) {
    return <FieldStatus loading={form.loading} error={form.error} />;
  }
  if (!offering) return <FieldStatus waitingFor="an offering" />;
  const rules = DRIVERS[offering.driver];
  return (
    <Box>
      <SizeField
        id={idSchema?.$id ?? 'storage-size'}
        label={schema.title ?? 'Size'}
        value={size}
        onChange={value => onChange(value)}
        min={offering.size.min}
        max={offering.size.max}
        units={UNITS}
        capacityUsed={rules.capacityUsed}
        error={error && findingText(error)}
        disabled={disabled}
      />
      {capacityStepsText(offering) && (
        <Typography variant="body2" color="textSecondary">
          {capacityStepsText(offering)}
        </Typography>
      )}
      {!rules.billedByProvisionedSize && (
        <Typography variant="body2" color="textSecondary">
          Billed by use: {rules.title} charges for the data you store, not for
          this size.
        </Typography>
      )}
      <FindingsList
        findings={findings.filter(
          f => f.severity !== 'error' && !f.code.endsWith('capacity-ignored'),
        )}
      />
      <CostEstimateView cost={cost} title="Estimated monthly cost" />
      <PolicyOutcome probe={probe} />
    </Box>
  );
};
