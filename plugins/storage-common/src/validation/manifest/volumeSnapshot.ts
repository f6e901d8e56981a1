import { Finding, path } from '../findings';
import { finding } from '../rules';
import { checkName } from '../shared';
import { checkObjectName } from './fields';

/** A VolumeSnapshot: exactly one source, and a snapshot class. */
export function checkVolumeSnapshot(
  snapshot: Record<string, unknown>,
): Finding[] {
  const findings = checkObjectName(snapshot, 'VolumeSnapshot');
  const fromClaim = path(snapshot, 'spec.source.persistentVolumeClaimName');
  const fromContent = path(snapshot, 'spec.source.volumeSnapshotContentName');
  if ((fromClaim === undefined) === (fromContent === undefined)) {
    findings.push(
      finding(
        'snapshot-source-invalid',
        'spec.source',
        'spec.source must set exactly one of persistentVolumeClaimName and volumeSnapshotContentName',
        'Set spec.source.persistentVolumeClaimName to the claim to snapshot.',
      ),
    );
  } else if (fromClaim !== undefined) {
    findings.push(
      ...checkName(
        fromClaim,
        'spec.source.persistentVolumeClaimName',
        'PersistentVolumeClaim',
      ),
    );
  }
  if (path(snapshot, 'spec.volumeSnapshotClassName') === undefined) {
    findings.push(
      finding(
        'snapshot-class-missing',
        'spec.volumeSnapshotClassName',
        'spec.volumeSnapshotClassName is not set: the snapshot uses the class annotated snapshot.storage.k8s.io/is-default-class, and fails if there is none',
        'Set spec.volumeSnapshotClassName, e.g. ebs-csi-snapclass.',
      ),
    );
  }
  return findings;
}
