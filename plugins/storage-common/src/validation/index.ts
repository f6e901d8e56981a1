export type { Finding, Severity } from './findings';
export { hasErrors, sortFindings } from './findings';
export { VALIDATION_RULES } from './rules';
export type { RuleCode } from './rules';
export { validateRequest } from './validateRequest';
export type { ValidationContext } from './validateRequest';
export { validateManifest, manifestContextOf } from './validateManifest';
export type { ManifestContext } from './validateManifest';
