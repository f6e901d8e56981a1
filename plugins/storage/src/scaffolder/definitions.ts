import {
  StorageAccessModePicker,
  StorageClusterNamespacePicker,
  StorageExistingVolumePicker,
  StorageJustificationField,
  StorageOfferingPicker,
  StorageSizePicker,
  StorageSnapshotPicker,
} from './fields';
import {
  StorageAccessModePickerFieldSchema,
  StorageClusterNamespacePickerFieldSchema,
  StorageExistingVolumePickerFieldSchema,
  StorageJustificationFieldSchema,
  StorageOfferingPickerFieldSchema,
  StorageSizePickerFieldSchema,
  StorageSnapshotPickerFieldSchema,
} from './schemas';
import {
  accessModePickerValidation,
  clusterNamespacePickerValidation,
  existingVolumePickerValidation,
  justificationFieldValidation,
  offeringPickerValidation,
  sizePickerValidation,
  snapshotPickerValidation,
} from './validation';

/**
 * Each storage field once: its `ui:field` name, component, validation and
 * schema, for both the legacy API and the new frontend system.
 */
export const storageFieldDefinitions = {
  offering: {
    name: 'StorageOfferingPicker',
    component: StorageOfferingPicker,
    validation: offeringPickerValidation,
    schema: StorageOfferingPickerFieldSchema,
  },
  size: {
    name: 'StorageSizePicker',
    component: StorageSizePicker,
    validation: sizePickerValidation,
    schema: StorageSizePickerFieldSchema,
  },
  accessMode: {
    name: 'StorageAccessModePicker',
    component: StorageAccessModePicker,
    validation: accessModePickerValidation,
    schema: StorageAccessModePickerFieldSchema,
  },
  clusterNamespace: {
    name: 'StorageClusterNamespacePicker',
    component: StorageClusterNamespacePicker,
    validation: clusterNamespacePickerValidation,
    schema: StorageClusterNamespacePickerFieldSchema,
  },
  snapshot: {
    name: 'StorageSnapshotPicker',
    component: StorageSnapshotPicker,
    validation: snapshotPickerValidation,
    schema: StorageSnapshotPickerFieldSchema,
  },
  existingVolume: {
    name: 'StorageExistingVolumePicker',
    component: StorageExistingVolumePicker,
    validation: existingVolumePickerValidation,
    schema: StorageExistingVolumePickerFieldSchema,
  },
  justification: {
    name: 'StorageJustificationField',
    component: StorageJustificationField,
    validation: justificationFieldValidation,
    schema: StorageJustificationFieldSchema,
  },
} as const;
