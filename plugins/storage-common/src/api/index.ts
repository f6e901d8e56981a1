export * from './types';
export * from './StorageClient';
