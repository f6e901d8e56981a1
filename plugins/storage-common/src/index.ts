/**
 * The pure core of the EKS storage plugins: request model, driver catalogue,
 * validator, renderer, cost estimate, diagnosis and permissions.
 *
 * @packageDocumentation
 */

export * from './quantity';
export * from './catalogue';
export * from './model';
export * from './validation';
export * from './render';
export * from './permissions';
export * from './cost';
export * from './diagnosis';
export * from './signals';
export * from './api';
export * from './policy';
export * from './fleet';
