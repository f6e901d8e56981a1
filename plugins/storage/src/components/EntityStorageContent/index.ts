export { EntityStorageContent } from './EntityStorageContent';
export type { EntityStorageContentProps } from './EntityStorageContent';
