export {
  StorageOfferingPicker,
  offeringsToShow,
} from './StorageOfferingPicker';
export { StorageSizePicker, capacityStepsText } from './StorageSizePicker';
export { StorageAccessModePicker } from './StorageAccessModePicker';
export { StorageClusterNamespacePicker } from './StorageClusterNamespacePicker';
export { StorageSnapshotPicker } from './StorageSnapshotPicker';
export { StorageExistingVolumePicker } from './StorageExistingVolumePicker';
export { StorageJustificationField } from './StorageJustificationField';
