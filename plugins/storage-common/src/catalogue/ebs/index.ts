export * from './volumeTypes';
export * from './parameters';
export * from './volume';
export * from './classLimits';
