/**
 * aws-fsx-csi-driver: file systems rounded up to the deployment type's
 * capacity steps, slow to create, expandable in fixed steps only.
 */
import {
  DRIVERS,
  GIB,
  checkStorageClassParameters,
  fsxLustreExpansionError,
  roundFsxLustreCapacityGiB,
} from '@eks-storage/backstage-plugin-storage-common';
import { ACCOUNT_ID, REGION } from '../context';
import {
  CsiError,
  DriverEnv,
  hexId,
  SimulatedDriver,
  throwParameterErrors,
} from './types';
import { K8sObject } from '../../store/types';

function classShape(parameters: Record<string, string>) {
  const throughput = Number(parameters.perUnitStorageThroughput);
  return {
    deploymentType: parameters.deploymentType ?? 'SCRATCH_1',
    storageType: parameters.storageType ?? 'SSD',
    throughput: Number.isFinite(throughput) ? throughput : undefined,
  };
}

export function fsxLustreDriver(env: DriverEnv): SimulatedDriver {
  const name = 'fsx.csi.aws.com';
  return {
    name,
    rules: DRIVERS['fsx-lustre'],
    dynamic: true,
    createDelayMs: () => env.delays.fsxCreateMs,
    createVolume(request) {
      throwParameterErrors(
        checkStorageClassParameters(name, request.parameters),
      );
      if (env.isIamDenied(name)) {
        throw new CsiError(
          'Internal',
          `Could not create volume "${request.pvName}": CreateFileSystem failed: AccessDeniedException: User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/AmazonEKS_FSx_Lustre_CSI_DriverRole/aws-go-sdk is not authorized to perform: fsx:CreateFileSystem`,
        );
      }
      const shape = classShape(request.parameters);
      const sizeGiB = roundFsxLustreCapacityGiB(
        request.capacityBytes / GIB,
        shape.deploymentType,
        shape.storageType,
        shape.throughput,
      );
      const id = `fs-${hexId(17)}`;
      return {
        volumeHandle: id,
        capacityBytes: sizeGiB * GIB,
        attributes: {
          dnsname: `${id}.fsx.${REGION}.amazonaws.com`,
          mountname: hexId(8),
        },
      };
    },
    deleteVolume() {},
    expandVolume(
      _pv: K8sObject,
      newBytes: number,
      parameters: Record<string, string>,
    ) {
      const shape = classShape(parameters);
      const newGiB = Math.ceil(newBytes / GIB);
      const problem = fsxLustreExpansionError(
        shape.deploymentType,
        newGiB,
        shape.storageType,
        shape.throughput,
      );
      if (problem) {
        throw new CsiError('InvalidArgument', problem);
      }
      return { capacityBytes: newGiB * GIB, nodeExpansionRequired: false };
    },
  };
}
