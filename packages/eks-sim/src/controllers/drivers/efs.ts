/**
 * aws-efs-csi-driver: access points on an existing file system, a per file
 * system access-point limit, capacity ignored, no expansion or snapshots.
 */
import {
  DRIVERS,
  EFS_ACCESS_POINT_LIMIT,
  checkStorageClassParameters,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  CsiError,
  DriverEnv,
  hexId,
  SimulatedDriver,
  throwParameterErrors,
} from './types';
import { K8sObject } from '../../store/types';

export interface EfsOptions {
  /** Access points per file system (the driver's limit). */
  accessPointLimit?: number;
}

export function efsDriver(
  env: DriverEnv,
  options: EfsOptions = {},
): SimulatedDriver {
  const name = 'efs.csi.aws.com';
  const configured = options.accessPointLimit ?? EFS_ACCESS_POINT_LIMIT;
  // A fault may lower the limit while the cluster runs.
  const currentLimit = () => env.efsAccessPointLimit?.() ?? configured;
  const accessPoints = new Map<string, number>();
  return {
    name,
    rules: DRIVERS.efs,
    dynamic: true,
    createDelayMs: () => env.delays.provisionMs,
    createVolume(request) {
      throwParameterErrors(
        checkStorageClassParameters(name, request.parameters),
      );
      const fileSystemId =
        request.parameters.fileSystemId ?? 'fs-0123456789abcdef0';
      if (env.isIamDenied(name)) {
        throw new CsiError(
          'Unauthenticated',
          `Access Denied. Please ensure you have the right AWS permissions: Access denied`,
        );
      }
      const used = accessPoints.get(fileSystemId) ?? 0;
      const limit = currentLimit();
      if (used >= limit) {
        throw new CsiError(
          'Internal',
          `Failed to create Access point in File System ${fileSystemId} : Failed to create access point: AccessPointLimitExceeded: You have reached the maximum number of access points (${limit}) for file system ${fileSystemId}.`,
        );
      }
      accessPoints.set(fileSystemId, used + 1);
      return {
        volumeHandle: `${fileSystemId}::fsap-${hexId(17)}`,
        capacityBytes: request.capacityBytes,
        attributes: {},
      };
    },
    deleteVolume(pv: K8sObject) {
      const fileSystemId = String(pv.spec?.csi?.volumeHandle ?? '').split(
        '::',
      )[0];
      accessPoints.set(
        fileSystemId,
        Math.max(0, (accessPoints.get(fileSystemId) ?? 1) - 1),
      );
    },
  };
}
