import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { shortRef } from '../../lib/approvals';
import { useStorageForm } from '../hooks';
import { StorageExistingVolumePickerFieldSchema } from '../schemas';
import { FieldStatus } from './FieldStatus';

/** "Analytics data lake (acme-analytics-datalake) · team-data" */
function ownersText(owners: readonly string[]): string {
  return owners.length
    ? `For ${owners
        .map(shortRef)
        .join(', ')}; others wait for the platform team`
    : 'For everyone';
}

/** `StorageExistingVolumePicker`: one of the volumes the offering lists (e.g. S3 buckets). */
export const StorageExistingVolumePicker = (
  props: typeof StorageExistingVolumePickerFieldSchema.TProps,
) => {
  const { formData, onChange, schema, disabled } = props;
  const form = useStorageForm(props);
  const { offering } = form;
  if (form.loading || form.error) {
    return <FieldStatus loading={form.loading} error={form.error} />;
  }
  if (!offering) return <FieldStatus waitingFor="an offering" />;
  const label =
    schema.title ?? (offering.driver === 's3' ? 'Bucket' : 'Volume');
  if (!offering.existingVolumes.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {offering.title} lists no existing volumes
        {offering.capabilities.dynamic
          ? ': it creates a new volume for the claim.'
          : ': ask the platform team to add the one you need.'}
      </Typography>
    );
  }
  return (
    <FormControl component="fieldset" fullWidth>
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup
        aria-label={label}
        name="existingVolume"
        value={formData ?? ''}
        onChange={event => onChange(event.target.value)}
      >
        {offering.existingVolumes.map(volume => (
          <FormControlLabel
            key={volume.id}
            value={volume.id}
            disabled={disabled}
            control={<Radio />}
            label={
              <>
                <Typography variant="body2" component="span">
                  {volume.title ? `${volume.title} (${volume.id})` : volume.id}
                </Typography>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="span"
                  display="block"
                >
                  {ownersText(volume.owners)}
                </Typography>
              </>
            }
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
};
