import { DRIVERS, DriverId } from '../../catalogue';
import { STATIC_STORAGE_CLASS, StorageOffering } from '../../model/offering';
import { Finding, prop } from '../findings';
import { finding } from '../rules';
import { checkName } from '../shared';
import { ValidationContext } from './context';
import { checkStaticVolumeFields } from './staticVolume';

/**
 * Checks where a new claim's data comes from: a new volume, a snapshot (for
 * restore), a clone of another claim, or an existing volume.
 */
export function checkSource(
  request: Record<string, unknown>,
  offering: StorageOffering,
  context: ValidationContext = {},
): Finding[] {
  const driver = offering.driver;
  const rules = DRIVERS[driver];
  const source =
    request.operation === 'restore'
      ? { type: 'snapshot', snapshotName: request.snapshotName }
      : request.source ?? { type: 'new' };
  const type = prop(source, 'type');
  const field = request.operation === 'restore' ? 'snapshotName' : 'source';
  const isStatic = offering.storageClassName === STATIC_STORAGE_CLASS;

  if (driver === 's3' && type !== 'existing') {
    return [
      finding(
        's3-dynamic',
        field,
        'Mountpoint for S3 cannot create buckets: it supports static provisioning only, so this claim would stay Pending',
        'Choose "existing volume" and give the bucket name: a PersistentVolume and a PVC with storageClassName "" are rendered for it.',
      ),
    ];
  }
  if (isStatic && type !== 'existing') {
    return [
      finding(
        'static-needs-existing-volume',
        field,
        `"${offering.title}" binds pre-existing volumes only; source must be an existing volume`,
        `Set source to {type: existing, volumeId: ${rules.volumeHandleExample}}.`,
      ),
    ];
  }
  switch (type) {
    case 'snapshot': {
      const findings = checkName(
        request.operation === 'restore'
          ? request.snapshotName
          : prop(source, 'snapshotName'),
        request.operation === 'restore'
          ? 'snapshotName'
          : 'source.snapshotName',
        'VolumeSnapshot',
      );
      findings.push(
        ...checkDataSource(
          context,
          request.operation === 'restore'
            ? 'snapshotName'
            : 'source.snapshotName',
        ),
      );
      if (!rules.snapshots) {
        findings.push(
          finding(
            'restore-not-supported',
            field,
            `${rules.title} has no snapshots, so a claim cannot be restored from one`,
            'Restore with the backup tool of the file system (e.g. AWS Backup), or choose a new volume.',
          ),
        );
      }
      return findings;
    }
    case 'clone': {
      const findings = checkName(
        prop(source, 'claimName'),
        'source.claimName',
        'PersistentVolumeClaim',
      );
      findings.push(...checkDataSource(context, 'source.claimName'));
      if (!rules.clones || isStatic) {
        findings.push(
          finding(
            'clone-not-supported',
            'source',
            `${rules.title} cannot clone a claim${
              isStatic ? ' through a static offering' : ''
            }`,
            'Copy the data with a Job, or choose a new volume.',
          ),
        );
      }
      return findings;
    }
    case 'existing':
      return [
        ...checkExistingVolume(source, driver),
        ...checkStaticVolumeFields(source, driver, context),
      ];
    default:
      return [];
  }
}

function checkExistingVolume(source: unknown, driver: DriverId): Finding[] {
  const rules = DRIVERS[driver];
  const volumeId = prop(source, 'volumeId');
  if (typeof volumeId !== 'string' || volumeId === '') {
    return [
      finding(
        'missing-field',
        'source.volumeId',
        'source.volumeId is required for an existing volume',
        `Give the volume ID, e.g. ${rules.volumeHandleExample}.`,
      ),
    ];
  }
  const findings: Finding[] = [];
  if (!rules.volumeHandlePattern.test(volumeId)) {
    findings.push(
      finding(
        'invalid-volume-id',
        'source.volumeId',
        `source.volumeId "${volumeId.slice(0, 80)}" is not a valid ${
          rules.title
        } ${driver === 's3' ? 'bucket name' : 'volume ID'}`,
        `Use the form ${rules.volumeHandleExample}.`,
      ),
    );
  }
  if (
    driver === 'fsx-lustre' &&
    (!prop(source, 'dnsName') || !prop(source, 'mountName'))
  ) {
    findings.push(
      finding(
        'fsx-missing-mount-attributes',
        'source',
        'A static FSx for Lustre volume needs source.dnsName and source.mountName',
        'Copy DNSName and LustreConfiguration.MountName from `aws fsx describe-file-systems`.',
      ),
    );
  }
  if (driver === 'ebs' && !prop(source, 'zone')) {
    findings.push(
      finding(
        'ebs-static-without-zone',
        'source.zone',
        'source.zone is not set: without it pods may be scheduled in another AZ than the EBS volume ("volume node affinity conflict")',
        "Set source.zone to the volume's Availability Zone, e.g. us-east-1a.",
      ),
    );
  }
  return findings;
}

/** The snapshot or claim the data comes from must exist (else: Pending forever). */
function checkDataSource(context: ValidationContext, field: string): Finding[] {
  const source = context.dataSource;
  if (!source) return [];
  const what = source.kind === 'VolumeSnapshot' ? 'VolumeSnapshot' : 'claim';
  if (!source.exists) {
    return [
      finding(
        'source-not-found',
        field,
        `${what} ${source.name.slice(
          0,
          80,
        )} does not exist in this namespace: the new claim would stay Pending`,
        source.kind === 'VolumeSnapshot'
          ? "Pick one of the claim's snapshots listed on its page."
          : 'Pick a claim of the same namespace listed on the Storage tab.',
      ),
    ];
  }
  if (source.kind === 'VolumeSnapshot' && source.readyToUse === false) {
    return [
      finding(
        'source-not-ready',
        field,
        `VolumeSnapshot ${source.name.slice(
          0,
          80,
        )} is not ready to use yet: the claim stays Pending until it is`,
        'Wait until the snapshot is ready, or pick a ready one.',
      ),
    ];
  }
  return [];
}
