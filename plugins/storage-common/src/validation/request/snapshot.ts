import { DRIVERS, DriverId } from '../../catalogue';
import { StorageOffering } from '../../model/offering';
import { Finding } from '../findings';
import { finding } from '../rules';
import { checkName } from '../shared';
import { ValidationContext } from './context';
import { claimDriver } from './fields';

/** Checks a snapshot of an existing claim: a valid name, a driver with snapshots, a bound claim. */
export function checkSnapshot(
  request: Record<string, unknown>,
  offering: StorageOffering | undefined,
  context: ValidationContext,
): Finding[] {
  const findings = checkName(
    request.snapshotName,
    'snapshotName',
    'VolumeSnapshot',
  );
  const driver = claimDriver(offering, context);
  findings.push(
    ...checkSnapshotClass(request.volumeSnapshotClassName, driver, context),
  );
  if (driver && !DRIVERS[driver].snapshots) {
    findings.push(
      finding(
        'snapshot-not-supported',
        'claimName',
        `${DRIVERS[driver].title} cannot take VolumeSnapshots`,
        driver === 'efs'
          ? 'Use AWS Backup for EFS, or copy the data to S3.'
          : 'Back the data up with the service’s own backups, or copy it to S3.',
      ),
    );
  }
  if (context.claim?.phase && context.claim.phase !== 'Bound') {
    findings.push(
      finding(
        'snapshot-claim-not-bound',
        'claimName',
        `Claim ${String(request.claimName)} is ${
          context.claim.phase
        }: the snapshot waits until it is Bound`,
        'Snapshot a Bound claim.',
      ),
    );
  }
  return findings;
}

/** A named VolumeSnapshotClass must exist and belong to the claim's driver. */
function checkSnapshotClass(
  className: unknown,
  driver: DriverId | undefined,
  context: ValidationContext,
): Finding[] {
  if (className === undefined) return [];
  const field = 'volumeSnapshotClassName';
  const invalid = checkName(className, field, 'VolumeSnapshotClass');
  if (invalid.length) return invalid;
  const classes = context.snapshotClasses;
  if (!classes) return [];
  const found = classes.find(c => c.name === className);
  const names = classes.map(c => c.name).join(', ') || 'none';
  if (!found) {
    return [
      finding(
        'snapshot-class-unknown',
        field,
        `VolumeSnapshotClass ${String(
          className,
        )} does not exist in this cluster`,
        `Leave it empty for the default class, or use one of: ${names}.`,
      ),
    ];
  }
  if (driver && !DRIVERS[driver].provisioners.includes(found.driver)) {
    return [
      finding(
        'snapshot-class-wrong-driver',
        field,
        `VolumeSnapshotClass ${found.name} is for ${found.driver}, not for ${DRIVERS[driver].title}`,
        "Leave it empty for the default class of the claim's driver.",
      ),
    ];
  }
  return [];
}
