/**
 * A simulated Amazon EKS cluster: Kubernetes API server semantics over
 * HTTP(S) plus the EBS, EFS, FSx for Lustre, S3 and ONTAP CSI drivers'
 * behaviour, with faults on demand.
 *
 * @packageDocumentation
 */

export { startEksSim } from './sim';
export type { EksSim, EksSimOptions } from './sim';
export type { AuthPolicy, AuthUser, AccessRule } from './api/auth';
export { parseAuthPolicy } from './api/auth';
export type { Delays, DelayPreset } from './controllers/delays';
export { delayPreset } from './controllers/delays';
export type { Faults, FaultState, RequestFaultSettings } from './faults';
export type { ScenarioName } from './scenarios';
export { SCENARIOS } from './scenarios';
export { kubeconfigYaml } from './kubeconfig';
export type { UsageSetting, VolumeUsage } from './kubeletStats';
export type { RequestCounter } from './api/requestCounter';
