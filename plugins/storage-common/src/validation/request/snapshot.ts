import { DRIVERS } from '../../catalogue';
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
