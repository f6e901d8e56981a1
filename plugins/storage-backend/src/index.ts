export { storagePlugin as default } from './plugin';
