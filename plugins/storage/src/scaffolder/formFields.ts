import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { storageFieldDefinitions as fields } from './definitions';

// The new frontend system's form fields, loaded when the scaffolder needs them.
export const storageOfferingPickerFormField = createFormField(fields.offering);
export const storageSizePickerFormField = createFormField(fields.size);
export const storageAccessModePickerFormField = createFormField(
  fields.accessMode,
);
export const storageClusterNamespacePickerFormField = createFormField(
  fields.clusterNamespace,
);
export const storageSnapshotPickerFormField = createFormField(fields.snapshot);
export const storageExistingVolumePickerFormField = createFormField(
  fields.existingVolume,
);
export const storageJustificationFormField = createFormField(
  fields.justification,
);
