export { diagnose } from './diagnose';
export { diagnosisCanAge } from './aging';
export type {
  ClaimState,
  Diagnosis,
  DiagnosisInput,
  DiagnosisSeverity,
} from './types';
export {
  ZONE_LABELS,
  nodeZone,
  nodeZones,
  podZones,
  volumeZone,
  volumeZones,
} from './zones';
