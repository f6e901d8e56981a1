export { storagePlugin, EntityStorageContent } from './plugin';
export {
  isStorageAvailable,
  claimLabelSelector,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from './annotations';
