import useAsync from 'react-use/esm/useAsync';
import MenuItem from '@material-ui/core/MenuItem';
import { useApi } from '@backstage/core-plugin-api';
import { storageApiRef } from '../../api';
import { TextInput } from '../../components/common/TextInput';
import { formatDateTime } from '../../lib/format';
import { useStorageForm } from '../hooks';
import { StorageSnapshotPickerFieldSchema } from '../schemas';
import { readySnapshots } from '../validation';
import { FieldStatus } from './FieldStatus';

const NONE = '';

/**
 * `StorageSnapshotPicker`: optionally restore one of the entity's ready
 * VolumeSnapshots (in the chosen cluster and namespace, once chosen).
 */
export const StorageSnapshotPicker = (
  props: typeof StorageSnapshotPickerFieldSchema.TProps,
) => {
  const { formData, onChange, schema, disabled, idSchema } = props;
  const api = useApi(storageApiRef);
  const { answers } = useStorageForm(props);
  const { entityRef, cluster, namespace } = answers;
  const snapshots = useAsync(
    async () =>
      entityRef ? readySnapshots(api, entityRef, { cluster, namespace }) : [],
    [api, entityRef, cluster, namespace],
  );
  if (!entityRef) return <FieldStatus waitingFor="the entity" />;
  if (snapshots.loading || snapshots.error) {
    return <FieldStatus loading={snapshots.loading} error={snapshots.error} />;
  }
  const list = snapshots.value ?? [];
  return (
    <TextInput
      id={idSchema?.$id ?? 'storage-snapshot'}
      select
      label={schema.title ?? 'Restore from a snapshot (optional)'}
      value={formData ?? NONE}
      disabled={disabled}
      onChange={event => onChange(event.target.value || undefined)}
      helperText={
        list.length
          ? 'The new claim starts with the snapshot’s data; it must be at least the snapshot’s size'
          : `No ready snapshots of ${entityRef}${
              cluster && namespace ? ` in ${cluster}/${namespace}` : ''
            }: the claim starts empty`
      }
    >
      <MenuItem value={NONE}>None: start empty</MenuItem>
      {list.map(s => (
        <MenuItem key={`${s.cluster}/${s.namespace}/${s.name}`} value={s.name}>
          {s.name} — of {s.claim}
          {s.restoreSize ? `, ${s.restoreSize}` : ''}
          {s.createdAt ? `, ${formatDateTime(s.createdAt)}` : ''}
          {cluster ? '' : ` (${s.cluster}/${s.namespace})`}
        </MenuItem>
      ))}
    </TextInput>
  );
};
