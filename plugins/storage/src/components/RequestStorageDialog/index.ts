export { RequestStorageDialog } from './RequestStorageDialog';
export type { RequestStorageDialogProps } from './RequestStorageDialog';
