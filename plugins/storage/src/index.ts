export { storagePlugin, StoragePage } from './plugin';
