/**
 * The storage backend plugin: storage requests, their approval and apply,
 * and live tracking of the claims in the clusters.
 *
 * @packageDocumentation
 */
export { storagePlugin as default } from './plugin';
export {
  storageClaimConditions,
  createStorageClaimConditionalDecision,
  isEntityOwner,
  storageClaimResourceRef,
} from './permissions/rules';
export type {
  StorageClaimResource,
  StorageClaimQuery,
} from './permissions/rules';
export type {
  RequestPolicy,
  PolicyDecision,
  PolicyInput,
} from './workflow/policy';
