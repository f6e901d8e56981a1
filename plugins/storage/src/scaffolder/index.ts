export * from './extensions';
export * from './schemas';
export {
  StorageOfferingPicker,
  StorageSizePicker,
  StorageAccessModePicker,
  StorageClusterNamespacePicker,
  StorageSnapshotPicker,
  StorageExistingVolumePicker,
  StorageJustificationField,
} from './fields';
export type { ClusterNamespace } from './formData';
