import { DriverId, VolumeMode } from '../../catalogue';
import { Finding, path } from '../findings';
import { finding } from '../rules';
import { checkAccessModes, checkName } from '../shared';

/** spec.volumeMode, Filesystem unless Block. */
export function readVolumeMode(value: unknown): VolumeMode {
  return value === 'Block' ? 'Block' : 'Filesystem';
}

/** spec.accessModes: at least one, each one the driver can serve. */
export function checkModes(
  value: unknown,
  field: string,
  driver: DriverId | undefined,
  volumeMode: VolumeMode,
  parameters: Record<string, string>,
): Finding[] {
  const modes = Array.isArray(value) ? value : [];
  if (modes.length === 0) {
    return [
      finding(
        'missing-access-modes',
        field,
        `${field}: Required value: at least 1 access mode is required`,
        'Add an access mode, e.g. ReadWriteOnce.',
      ),
    ];
  }
  return checkAccessModes(modes, field, driver, volumeMode, parameters);
}

/** The volumes of a workload's pod template. */
export function podVolumes(workload: Record<string, unknown>): unknown[] {
  const volumes = path(workload, 'spec.template.spec.volumes');
  return Array.isArray(volumes) ? volumes : [];
}

/** metadata.name of a top-level object. */
export function checkObjectName(object: unknown, kind: string): Finding[] {
  return checkName(path(object, 'metadata.name'), 'metadata.name', kind);
}
