/** The CSI controller-service surface the simulated drivers implement. */
import { DriverRules } from '@eks-storage/backstage-plugin-storage-common';
import { SimClock } from '../../clock';
import { Delays } from '../delays';
import { K8sObject } from '../../store/types';

/** gRPC status codes the drivers answer with. */
export type GrpcCode =
  | 'InvalidArgument'
  | 'Internal'
  | 'Unauthenticated'
  | 'PermissionDenied'
  | 'ResourceExhausted'
  | 'Unimplemented'
  | 'NotFound'
  | 'DeadlineExceeded'
  | 'OutOfRange'
  | 'Unknown';

export class CsiError extends Error {
  constructor(readonly code: GrpcCode, readonly description: string) {
    super(`rpc error: code = ${code} desc = ${description}`);
  }

  /** Errors the provisioner treats as final for this request (no quick retry). */
  get infeasible() {
    return this.code === 'InvalidArgument' || this.code === 'OutOfRange';
  }
}

export interface CreateVolumeRequest {
  /** `pvc-<claim uid>`. */
  pvName: string;
  claim: K8sObject;
  storageClass: K8sObject;
  parameters: Record<string, string>;
  capacityBytes: number;
  accessModes: string[];
  volumeMode: string;
  /** Zones the volume may live in (the selected node's, or allowedTopologies). */
  zones: string[];
  /** Restore source, when the claim has a VolumeSnapshot dataSource. */
  snapshot?: { handle: string; restoreSizeBytes: number };
}

export interface CreatedVolume {
  volumeHandle: string;
  capacityBytes: number;
  /** The AZ of a zonal volume (EBS). */
  zone?: string;
  attributes: Record<string, string>;
  fsType?: string;
}

export interface ExpandedVolume {
  capacityBytes: number;
  nodeExpansionRequired: boolean;
}

export interface DriverEnv {
  clock: SimClock;
  delays: Delays;
  isIamDenied(driver: string): boolean;
  /** A lowered EFS access-point limit per file system (a fault), if set. */
  efsAccessPointLimit?(): number | undefined;
}

export interface SimulatedDriver {
  /** The provisioner / CSI driver name. */
  name: string;
  rules: DriverRules;
  /** Whether an external-provisioner sidecar runs for this driver. */
  dynamic: boolean;
  createDelayMs(request: CreateVolumeRequest): number;
  createVolume(request: CreateVolumeRequest): CreatedVolume;
  deleteVolume(pv: K8sObject): void;
  /** `parameters` are the StorageClass parameters the volume was created with. */
  expandVolume?(
    pv: K8sObject,
    newBytes: number,
    parameters: Record<string, string>,
  ): ExpandedVolume;
  createSnapshot?(pv: K8sObject): { snapshotHandle: string };
}

export function hexId(length: number) {
  let id = '';
  for (let i = 0; i < length; i++) {
    id += Math.floor(Math.random() * 16).toString(16);
  }
  return id;
}

/** Storage-common parameter errors surface as the driver's InvalidArgument. */
export function throwParameterErrors(errors: Array<{ message: string }>) {
  if (errors.length > 0) {
    throw new CsiError('InvalidArgument', errors[0].message);
  }
}
