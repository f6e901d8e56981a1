import { useMemo } from 'react';
import Typography from '@material-ui/core/Typography';
import {
  OfferingListItem,
  Workload,
  isRecommendedFor,
} from '@eks-storage/backstage-plugin-storage-common';
import { OfferingPicker } from '../../components/fields/OfferingPicker';
import { useEntityClaims, useStorageForm } from '../hooks';
import { StorageOfferingPickerFieldSchema } from '../schemas';
import { FieldStatus } from './FieldStatus';

/**
 * The offerings a template may offer: of the allowed drivers, served by at
 * least one of the entity's clusters, the workload's recommendations first.
 */
export function offeringsToShow(
  offerings: readonly OfferingListItem[],
  options: {
    drivers?: readonly string[];
    clusters?: readonly string[];
    workload?: Workload;
  },
): OfferingListItem[] {
  const { drivers, clusters, workload } = options;
  const recommended = (o: OfferingListItem) =>
    workload &&
    (isRecommendedFor(o.driver, workload) ||
      o.recommendedFor.includes(workload))
      ? 0
      : 1;
  return offerings
    .filter(o => !drivers?.length || drivers.includes(o.driver))
    .filter(o => !clusters || o.clusters.some(c => clusters.includes(c)))
    .map((o, index) => ({ o, index }))
    .sort((a, b) => recommended(a.o) - recommended(b.o) || a.index - b.index)
    .map(({ o }) => o);
}

/** `StorageOfferingPicker`: the platform's offerings as cards. */
export const StorageOfferingPicker = (
  props: typeof StorageOfferingPickerFieldSchema.TProps,
) => {
  const { formData, onChange, schema, uiSchema, disabled } = props;
  const form = useStorageForm(props);
  const { answers } = form;
  const claims = useEntityClaims(answers.entityRef);
  const drivers = uiSchema?.['ui:options']?.drivers;
  const clusters = claims.value?.clusters.map(c => c.name);
  const shown = useMemo(
    () =>
      offeringsToShow(form.offerings, {
        drivers,
        clusters,
        workload: answers.workload,
      }),
    // The cluster list is rebuilt each render; its contents are the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form.offerings, drivers, clusters?.join(','), answers.workload],
  );
  // Without the entity's clusters (e.g. not allowed to read its storage)
  // every offering is shown; the backend checks the cluster on submit.
  if (form.loading || claims.loading || form.error) {
    return (
      <FieldStatus
        loading={form.loading || claims.loading}
        error={form.error}
      />
    );
  }
  if (!shown.length) {
    return (
      <Typography variant="body2" color="error" role="alert">
        No storage offering fits{' '}
        {drivers?.length ? `(${drivers.join(', ')}) ` : ''}
        {clusters ? `in the clusters of ${answers.entityRef}` : ''}: ask the
        platform team.
      </Typography>
    );
  }
  return (
    <OfferingPicker
      offerings={shown}
      value={formData}
      onChange={onChange}
      workload={answers.workload}
      label={schema.title ?? 'Offering'}
      disabled={disabled}
    />
  );
};
