import { DRIVERS, driverForProvisioner } from '../../catalogue';
import { Finding, isRecord, path, prop, stringRecord } from '../findings';
import { finding } from '../rules';
import { checkQuantity, checkVolumeMode } from '../shared';
import { checkModes, checkObjectName, readVolumeMode } from './fields';

/** A PersistentVolume of a pre-existing volume: capacity, modes, and the driver's volume handle and attributes. */
export function checkPersistentVolume(pv: Record<string, unknown>): Finding[] {
  const findings = checkObjectName(pv, 'PersistentVolume');
  const capacity = path(pv, 'spec.capacity.storage');
  const csiDriver = path(pv, 'spec.csi.driver');
  const driver =
    typeof csiDriver === 'string' ? driverForProvisioner(csiDriver) : undefined;
  if (capacity === undefined) {
    findings.push(
      finding(
        'pv-missing-capacity',
        'spec.capacity.storage',
        'spec.capacity.storage: Required value',
        'Set spec.capacity.storage (S3 and EFS ignore it, but Kubernetes needs it), e.g. 1Gi.',
      ),
    );
  } else {
    findings.push(...checkQuantity(capacity, 'spec.capacity.storage').findings);
  }
  const volumeMode = readVolumeMode(path(pv, 'spec.volumeMode'));
  // A pre-existing EBS volume's type is not in the PV: allow what io2 (multi-attach) allows.
  const classParameters =
    driver === 'ebs'
      ? { type: 'io2' }
      : stringRecord(path(pv, 'spec.csi.volumeAttributes'));
  findings.push(
    ...checkModes(
      path(pv, 'spec.accessModes'),
      'spec.accessModes',
      driver,
      volumeMode,
      classParameters,
    ),
  );
  if (!isRecord(path(pv, 'spec.csi'))) {
    findings.push(
      finding(
        'pv-not-csi',
        'spec',
        'This PersistentVolume does not use a CSI driver; the linter does not check it further',
        'Use the CSI driver of the storage (ebs.csi.aws.com, efs.csi.aws.com, …).',
      ),
    );
    return findings;
  }
  if (!driver) return findings;
  findings.push(...checkVolumeMode(volumeMode, 'spec.volumeMode', driver));
  const handle = path(pv, 'spec.csi.volumeHandle');
  const attributes = stringRecord(path(pv, 'spec.csi.volumeAttributes'));
  const rules = DRIVERS[driver];
  if (driver === 's3') {
    if (
      pv.spec &&
      prop(pv.spec, 'storageClassName') !== '' &&
      prop(pv.spec, 'storageClassName') !== undefined
    ) {
      findings.push(
        finding(
          's3-pv-storage-class',
          'spec.storageClassName',
          `spec.storageClassName is "${String(
            prop(pv.spec, 'storageClassName'),
          )}": Mountpoint for S3 volumes are static, so the PV and its PVC must use storageClassName ""`,
          'Set spec.storageClassName: "" on the PV and the PVC.',
        ),
      );
    }
    if (!attributes.bucketName) {
      findings.push(
        finding(
          's3-missing-bucket',
          'spec.csi.volumeAttributes.bucketName',
          'spec.csi.volumeAttributes.bucketName is missing: Mountpoint does not know which bucket to mount',
          'Set spec.csi.volumeAttributes.bucketName to the bucket name.',
        ),
      );
    }
  } else if (
    typeof handle !== 'string' ||
    !rules.volumeHandlePattern.test(handle)
  ) {
    findings.push(
      finding(
        'invalid-volume-id',
        'spec.csi.volumeHandle',
        `spec.csi.volumeHandle "${String(handle ?? '')}" is not a valid ${
          rules.title
        } volume ID`,
        `Use the form ${rules.volumeHandleExample}.`,
      ),
    );
  }
  if (
    driver === 'fsx-lustre' &&
    (!attributes.dnsname || !attributes.mountname)
  ) {
    findings.push(
      finding(
        'fsx-missing-mount-attributes',
        'spec.csi.volumeAttributes',
        'A static FSx for Lustre PV needs spec.csi.volumeAttributes.dnsname and mountname',
        'Copy DNSName and LustreConfiguration.MountName from `aws fsx describe-file-systems`.',
      ),
    );
  }
  if (driver === 'ebs' && !isRecord(path(pv, 'spec.nodeAffinity'))) {
    findings.push(
      finding(
        'ebs-static-without-zone',
        'spec.nodeAffinity',
        'spec.nodeAffinity is missing: pods may be scheduled in another AZ than the EBS volume ("volume node affinity conflict")',
        "Add a nodeAffinity on topology.kubernetes.io/zone with the volume's AZ.",
      ),
    );
  }
  return findings;
}
