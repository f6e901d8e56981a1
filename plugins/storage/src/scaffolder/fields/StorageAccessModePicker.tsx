import { useEffect } from 'react';
import { AccessMode } from '@eks-storage/backstage-plugin-storage-common';
import { AccessModePicker } from '../../components/fields/AccessModePicker';
import { useStorageForm } from '../hooks';
import { StorageAccessModePickerFieldSchema } from '../schemas';
import { FieldStatus } from './FieldStatus';

/** `StorageAccessModePicker`: only the modes the chosen offering supports. */
export const StorageAccessModePicker = (
  props: typeof StorageAccessModePickerFieldSchema.TProps,
) => {
  const { formData, onChange, schema, disabled } = props;
  const form = useStorageForm(props);
  const modes = form.offering?.accessModes;

  // The offering's first mode until one is chosen, and again when the
  // offering changes to one that does not support the chosen mode.
  useEffect(() => {
    if (modes?.length && !modes.includes(formData as AccessMode)) {
      onChange(modes[0]);
    }
  }, [modes, formData, onChange]);

  if (form.loading || form.error) {
    return <FieldStatus loading={form.loading} error={form.error} />;
  }
  if (!modes) return <FieldStatus waitingFor="an offering" />;
  return (
    <AccessModePicker
      modes={modes}
      value={formData}
      onChange={mode => onChange(mode as AccessMode)}
      label={schema.title ?? 'Access mode'}
      disabled={disabled}
    />
  );
};
