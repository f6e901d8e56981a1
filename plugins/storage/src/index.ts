/**
 * The frontend of self-service Kubernetes storage on EKS: the entity Storage
 * tab, claim pages, day-2 actions and the request dialog.
 *
 * @packageDocumentation
 */
export {
  storagePlugin,
  EntityStorageContent,
  EntityStorageCard,
  StoragePage,
  StorageApprovalsPage,
  StorageRequestPage,
} from './plugin';
export {
  approvalsRouteRef,
  createFromTemplateRouteRef,
  requestRouteRef,
  rootRouteRef,
  entityContentRouteRef,
} from './routes';
export { storageApiRef, storageApiFactory } from './api';
export {
  isStorageAvailable,
  claimLabelSelector,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from './annotations';
export type { EntityStorageCardProps } from './components/EntityStorageCard';
export type { EntityStorageContentProps } from './components/EntityStorageContent';
export { ClaimPage } from './components/ClaimPage';
export type { ClaimPageProps } from './components/ClaimPage';
export { RequestStorageDialog } from './components/RequestStorageDialog';
export type { RequestStorageDialogProps } from './components/RequestStorageDialog';
export * from './components/fields';
export { StatusChip } from './components/common/StatusChip';
export { DriverIcon, DriverLabel } from './components/common/DriverIcon';
export * from './scaffolder';
