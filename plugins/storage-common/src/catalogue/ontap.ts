import { AccessMode, ParameterError, VolumeMode } from './types';

/** Smallest volume ONTAP creates: 20 MiB. */
export const ONTAP_MIN_SIZE_BYTES = 20 * 2 ** 20;

export const ONTAP_BACKEND_TYPES = [
  'ontap-nas',
  'ontap-nas-economy',
  'ontap-nas-flexgroup',
  'ontap-san',
  'ontap-san-economy',
] as const;

const ALL_MODES: readonly AccessMode[] = [
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
];

/** NAS backends share files with everyone; a SAN file system is single-node unless used as a raw block. */
export function ontapAccessModes(
  backendType: string | undefined,
  volumeMode: VolumeMode,
): readonly AccessMode[] {
  const san = (backendType ?? '').startsWith('ontap-san');
  if (!san) return volumeMode === 'Block' ? [] : ALL_MODES;
  return volumeMode === 'Block'
    ? ALL_MODES
    : ['ReadWriteOnce', 'ReadWriteOncePod'];
}

const ENUM_ATTRIBUTES: Record<string, readonly string[]> = {
  backendType: ONTAP_BACKEND_TYPES,
  media: ['hdd', 'ssd', 'hybrid'],
  provisioningType: ['thin', 'thick'],
  snapshots: ['true', 'false'],
  clones: ['true', 'false'],
  encryption: ['true', 'false'],
};

/** Trident rejects a class whose attributes no storage pool can satisfy. */
export function checkOntapParameters(
  parameters: Record<string, string>,
): ParameterError[] {
  const errors: ParameterError[] = [];
  for (const [key, allowed] of Object.entries(ENUM_ATTRIBUTES)) {
    const value = parameters?.[key];
    if (value !== undefined && !allowed.includes(value)) {
      errors.push({
        code: 'ontap-invalid-attribute',
        key,
        message: `Invalid value ${value} for ${key}; use one of ${allowed.join(
          ', ',
        )}`,
      });
    }
  }
  const iops = parameters?.IOPS;
  if (iops !== undefined && !/^\d+$/.test(iops)) {
    errors.push({
      code: 'ontap-invalid-attribute',
      key: 'IOPS',
      message: `Invalid value ${iops} for IOPS; use a whole number`,
    });
  }
  return errors;
}
