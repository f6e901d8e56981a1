export { diagnose } from './diagnose';
export type {
  ClaimState,
  Diagnosis,
  DiagnosisInput,
  DiagnosisSeverity,
} from './types';
