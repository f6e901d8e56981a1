import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { storagePlugin } from '../plugin';
import { storageFieldDefinitions as fields } from './definitions';

/**
 * `ui:field: StorageOfferingPicker`: the platform's offerings as cards,
 * filtered to the entity's clusters (and `ui:options.drivers`), the
 * workload's recommendation marked. Value: the offering id.
 */
export const StorageOfferingPickerFieldExtension = storagePlugin.provide(
  createScaffolderFieldExtension({
    ...fields.offering,
    schema: fields.offering.schema.schema,
  }),
);

/**
 * `ui:field: StorageSizePicker`: a size within the offering's bounds with
 * the monthly estimate and policy's decision. Value: a quantity, e.g. 20Gi.
 */
export const StorageSizePickerFieldExtension = storagePlugin.provide(
  createScaffolderFieldExtension({
    ...fields.size,
    schema: fields.size.schema.schema,
  }),
);

/** `ui:field: StorageAccessModePicker`: the modes the offering supports. */
export const StorageAccessModePickerFieldExtension = storagePlugin.provide(
  createScaffolderFieldExtension({
    ...fields.accessMode,
    schema: fields.accessMode.schema.schema,
  }),
);

/**
 * `ui:field: StorageClusterNamespacePicker`: a cluster that serves the
 * offering and the entity's namespace. Value: `{ cluster, namespace }`.
 */
export const StorageClusterNamespacePickerFieldExtension =
  storagePlugin.provide(
    createScaffolderFieldExtension({
      ...fields.clusterNamespace,
      schema: fields.clusterNamespace.schema.schema,
    }),
  );

/** `ui:field: StorageSnapshotPicker`: one of the entity's ready snapshots, or none. */
export const StorageSnapshotPickerFieldExtension = storagePlugin.provide(
  createScaffolderFieldExtension({
    ...fields.snapshot,
    schema: fields.snapshot.schema.schema,
  }),
);

/** `ui:field: StorageExistingVolumePicker`: one of the offering's existing volumes (S3 buckets). */
export const StorageExistingVolumePickerFieldExtension = storagePlugin.provide(
  createScaffolderFieldExtension({
    ...fields.existingVolume,
    schema: fields.existingVolume.schema.schema,
  }),
);

/** `ui:field: StorageJustificationField`: shown, and required, only when policy asks for approval. */
export const StorageJustificationFieldExtension = storagePlugin.provide(
  createScaffolderFieldExtension({
    ...fields.justification,
    schema: fields.justification.schema.schema,
  }),
);
