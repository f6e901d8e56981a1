import { ParameterError } from './types';

/** Mountpoint for S3 has no CreateVolume: every dynamic request fails. */
export function checkS3Parameters(): ParameterError[] {
  return [
    {
      code: 's3-dynamic-not-supported',
      message:
        'Mountpoint for Amazon S3 supports static provisioning only: create a PersistentVolume with csi.volumeAttributes.bucketName and bind a PVC to it with storageClassName ""',
    },
  ];
}

/** S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens. */
export const S3_BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
