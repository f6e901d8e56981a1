/***/
/**
 * The storage module for @backstage/plugin-scaffolder-backend.
 *
 * @packageDocumentation
 */

export { scaffolderModuleStorage as default } from './module';
