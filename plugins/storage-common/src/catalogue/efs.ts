import { ParameterError } from './types';

/** Access points per EFS file system (driver constant, raised from 1,000). */
export const EFS_ACCESS_POINT_LIMIT = 10000;
/** GID range the driver allocates from when the class sets none. */
export const EFS_DEFAULT_GID_RANGE_START = 50000;
export const EFS_DEFAULT_GID_RANGE_END = 60000;
export const EFS_PROVISIONING_MODES = ['efs-ap', 's3files-ap'] as const;
/** The NFS port EFS mount targets must allow from the nodes. */
export const EFS_NFS_PORT = 2049;

const FILE_SYSTEM_REFERENCE_KEYS = [
  'fileSystemId',
  'fileSystemIdConfigRef',
  'fileSystemIdSecretRef',
] as const;

function parseWholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^-?\d+$/.test(value.trim())
    ? Number(value)
    : undefined;
}

/** Errors the EFS driver raises for a StorageClass's parameters at CreateVolume. */
export function checkEfsParameters(
  parameters: Record<string, string>,
): ParameterError[] {
  const params = parameters ?? {};
  const errors: ParameterError[] = [];
  const mode = params.provisioningMode;
  if (mode === undefined) {
    errors.push({
      code: 'efs-missing-provisioning-mode',
      key: 'provisioningMode',
      message: 'Missing provisioningMode parameter',
    });
  } else if (!(EFS_PROVISIONING_MODES as readonly string[]).includes(mode)) {
    errors.push({
      code: 'efs-unsupported-provisioning-mode',
      key: 'provisioningMode',
      message: `Provisioning mode ${mode} is not supported. Only Access point provisioning 'efs-ap' or 's3files-ap' are supported`,
    });
  }

  const references = FILE_SYSTEM_REFERENCE_KEYS.filter(
    key => params[key] !== undefined && params[key] !== '',
  );
  if (references.length === 0) {
    errors.push({
      code: 'efs-missing-file-system-id',
      key: 'fileSystemId',
      message: 'Missing fileSystemId parameter',
    });
  } else if (references.length > 1) {
    errors.push({
      code: 'efs-ambiguous-file-system-id',
      key: references[1],
      message: `Only one of fileSystemId, fileSystemIdConfigRef and fileSystemIdSecretRef may be set; found ${references.join(
        ', ',
      )}`,
    });
  }
  if (params.fileSystemId && !/^fs-[0-9a-f]{8,17}$/.test(params.fileSystemId)) {
    errors.push({
      code: 'efs-invalid-file-system-id',
      key: 'fileSystemId',
      message: `fileSystemId ${params.fileSystemId} is not an EFS file system ID (fs-0123456789abcdef0)`,
    });
  }
  if (
    params.fileSystemIdSecretRef &&
    params.fileSystemIdSecretRef.split('/').length !== 3
  ) {
    errors.push({
      code: 'efs-invalid-secret-ref',
      key: 'fileSystemIdSecretRef',
      message: `fileSystemIdSecretRef ${params.fileSystemIdSecretRef} must have the form namespace/name/key`,
    });
  }

  if (params.directoryPerms === undefined) {
    errors.push({
      code: 'efs-missing-directory-perms',
      key: 'directoryPerms',
      message: 'Missing directoryPerms parameter',
    });
  } else if (!/^[0-7]{3,4}$/.test(params.directoryPerms)) {
    errors.push({
      code: 'efs-invalid-directory-perms',
      key: 'directoryPerms',
      message: `Failed to parse invalid directoryPerms: ${params.directoryPerms} (use octal such as "700")`,
    });
  }

  for (const key of ['uid', 'gid'] as const) {
    if (params[key] === undefined) continue;
    const id = parseWholeNumber(params[key]);
    if (id === undefined) {
      errors.push({
        code: 'efs-invalid-id',
        key,
        message: `Failed to parse invalid ${key}: ${params[key]}`,
      });
    } else if (id < 0) {
      errors.push({
        code: 'efs-negative-id',
        key,
        message: `${key} must be greater or equal than 0`,
      });
    }
  }

  errors.push(...checkGidRange(params.gidRangeStart, params.gidRangeEnd));
  return errors;
}

function checkGidRange(
  startText: string | undefined,
  endText: string | undefined,
): ParameterError[] {
  if (startText === undefined && endText === undefined) return [];
  if (endText === undefined) {
    return [
      {
        code: 'efs-missing-gid-range-end',
        key: 'gidRangeEnd',
        message: 'Missing gidRangeEnd parameter',
      },
    ];
  }
  if (startText === undefined) {
    return [
      {
        code: 'efs-missing-gid-range-start',
        key: 'gidRangeStart',
        message: 'Missing gidRangeStart parameter',
      },
    ];
  }
  const start = parseWholeNumber(startText);
  const end = parseWholeNumber(endText);
  if (start === undefined || end === undefined) {
    const key = start === undefined ? 'gidRangeStart' : 'gidRangeEnd';
    return [
      {
        code: 'efs-invalid-id',
        key,
        message: `Failed to parse invalid ${key}: ${
          start === undefined ? startText : endText
        }`,
      },
    ];
  }
  if (start <= 0) {
    return [
      {
        code: 'efs-gid-range-start-not-positive',
        key: 'gidRangeStart',
        message: 'gidRangeStart must be greater than 0',
      },
    ];
  }
  if (end <= start) {
    return [
      {
        code: 'efs-gid-range-end-not-greater',
        key: 'gidRangeEnd',
        message: 'gidRangeEnd must be greater than gidRangeStart',
      },
    ];
  }
  return [];
}
