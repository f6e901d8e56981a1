export * from './names';
export * from './offering';
export * from './request';
export * from './exampleOfferings';
export * from './labelSelector';
export * from './annotations';
export * from './status';
export * from './duration';
