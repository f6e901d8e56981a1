/**
 * aws-ebs-csi-driver: zonal volumes, parameter checks from the catalogue,
 * IAM denial, online expansion with the one-modification-per-six-hours rule.
 */
import {
  DRIVERS,
  GIB,
  checkStorageClassParameters,
  readEbsClassParameters,
} from '@eks-storage/backstage-plugin-storage-common';
import { ACCOUNT_ID, REGION } from '../context';
import {
  CreateVolumeRequest,
  CsiError,
  DriverEnv,
  hexId,
  SimulatedDriver,
  throwParameterErrors,
} from './types';
import { K8sObject } from '../../store/types';

const SIX_HOURS_MS = 6 * 3600 * 1000;
const ROLE = 'AmazonEKS_EBS_CSI_DriverRole';

function unauthorized(action: string) {
  return `UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/${ROLE}/aws-go-sdk is not authorized to perform: ${action} on resource: arn:aws:ec2:${REGION}:${ACCOUNT_ID}:volume/* because no identity-based policy allows the ${action} action`;
}

export function ebsDriver(
  env: DriverEnv,
  name = 'ebs.csi.aws.com',
): SimulatedDriver {
  /** Last modification time per volume handle, on the simulated clock. */
  const lastModified = new Map<string, number>();
  return {
    name,
    rules: DRIVERS.ebs,
    dynamic: true,
    createDelayMs: () => env.delays.provisionMs,
    createVolume(request: CreateVolumeRequest) {
      const multiAttach =
        request.volumeMode === 'Block' &&
        request.accessModes.includes('ReadWriteMany');
      // controller.go CreateVolume checks capabilities first: RWX is valid
      // only on raw block (multi-attach), ROX never. Since the multi-attach
      // release the message no longer lists the modes.
      if (
        request.accessModes.includes('ReadOnlyMany') ||
        (request.accessModes.includes('ReadWriteMany') && !multiAttach)
      ) {
        throw new CsiError(
          'InvalidArgument',
          'Volume capabilities not supported',
        );
      }
      throwParameterErrors(
        checkStorageClassParameters(name, request.parameters, {
          capacityBytes: request.capacityBytes,
          multiAttach,
        }),
      );
      if (env.isIamDenied(name)) {
        throw new CsiError(
          'Internal',
          `Could not create volume "${
            request.pvName
          }": could not create volume in EC2: ${unauthorized(
            'ec2:CreateVolume',
          )}`,
        );
      }
      if (
        request.snapshot &&
        request.capacityBytes < request.snapshot.restoreSizeBytes
      ) {
        throw new CsiError(
          'InvalidArgument',
          `Could not create volume "${request.pvName}": requested size is less than the size of the snapshot`,
        );
      }
      const sizeGiB = Math.max(1, Math.ceil(request.capacityBytes / GIB));
      const zone = request.zones[0];
      const params = readEbsClassParameters(request.parameters);
      return {
        volumeHandle: `vol-${hexId(17)}`,
        capacityBytes: sizeGiB * GIB,
        zone,
        fsType: params.fsType,
        attributes: {},
      };
    },
    deleteVolume(pv: K8sObject) {
      if (env.isIamDenied(name)) {
        throw new CsiError(
          'Internal',
          `Could not delete volume ID "${
            pv.spec?.csi?.volumeHandle
          }": ${unauthorized('ec2:DeleteVolume')}`,
        );
      }
    },
    expandVolume(pv: K8sObject, newBytes: number) {
      const handle = pv.spec?.csi?.volumeHandle;
      if (env.isIamDenied(name)) {
        throw new CsiError(
          'Internal',
          `Could not resize volume "${handle}": ${unauthorized(
            'ec2:ModifyVolume',
          )}`,
        );
      }
      const now = env.clock.now();
      const last = lastModified.get(handle);
      if (last !== undefined && now - last < SIX_HOURS_MS) {
        throw new CsiError(
          'Internal',
          `Could not resize volume "${handle}": rpc error: code = Internal desc = Could not modify volume "${handle}": operation error EC2: ModifyVolume, api error VolumeModificationRateExceeded: You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.`,
        );
      }
      lastModified.set(handle, now);
      return {
        capacityBytes: Math.ceil(newBytes / GIB) * GIB,
        nodeExpansionRequired: true,
      };
    },
    createSnapshot() {
      return { snapshotHandle: `snap-${hexId(17)}` };
    },
  };
}
