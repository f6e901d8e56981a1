export { EntityStorageContent } from './EntityStorageContent';
