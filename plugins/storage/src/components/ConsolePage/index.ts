export { StorageConsole } from './ConsolePage';
