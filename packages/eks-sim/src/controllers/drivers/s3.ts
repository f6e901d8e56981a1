/**
 * Mountpoint for Amazon S3: static provisioning only. No external
 * provisioner runs for it, so a dynamic claim waits forever.
 */
import { DRIVERS } from '@eks-storage/backstage-plugin-storage-common';
import { CsiError, SimulatedDriver } from './types';

export function s3Driver(): SimulatedDriver {
  return {
    name: 's3.csi.aws.com',
    rules: DRIVERS.s3,
    dynamic: false,
    createDelayMs: () => 0,
    createVolume() {
      throw new CsiError('Unimplemented', 'CreateVolume is not implemented');
    },
    deleteVolume() {},
  };
}
