import { Finding, Severity } from './findings';

interface RuleDoc {
  severity: Severity;
  /** What the rule checks, in one line. */
  summary: string;
}

/**
 * Every rule the validator applies, by code. Driver rules that come from the
 * catalogue (`ebs-…`, `efs-…`, `fsx-…`, `ontap-…`) are errors and keep the
 * catalogue's code; see `checkStorageClassParameters`.
 */
export const VALIDATION_RULES = {
  'request-invalid': {
    severity: 'error',
    summary: 'The request is not an object with a known operation.',
  },
  'missing-field': {
    severity: 'error',
    summary: 'A required field of the request is missing.',
  },
  'invalid-field': {
    severity: 'error',
    summary: 'A field does not match the request schema.',
  },
  'invalid-name': {
    severity: 'error',
    summary: 'Object, claim or snapshot names must be DNS-1123 subdomains.',
  },
  'invalid-namespace': {
    severity: 'error',
    summary: 'Namespaces must be DNS-1123 labels.',
  },
  'invalid-entity-ref': {
    severity: 'error',
    summary: 'The owner must be an entity reference.',
  },
  'offering-missing': {
    severity: 'error',
    summary: 'The offering asked for does not exist.',
  },
  'invalid-quantity': {
    severity: 'error',
    summary: 'Sizes use Kubernetes quantity syntax.',
  },
  'size-not-positive': {
    severity: 'error',
    summary: 'A size must be greater than zero.',
  },
  'size-below-minimum': {
    severity: 'error',
    summary: "The size is below the offering's minimum.",
  },
  'size-above-maximum': {
    severity: 'error',
    summary: "The size is above the offering's maximum.",
  },
  'access-mode-not-offered': {
    severity: 'error',
    summary: 'The offering does not allow this access mode.',
  },
  'access-mode-unsupported': {
    severity: 'error',
    summary:
      'The driver cannot serve this access mode (EBS RWX/ROX, S3 RWO, …).',
  },
  'invalid-access-mode': {
    severity: 'error',
    summary: 'Not a Kubernetes access mode.',
  },
  'rwop-mixed': {
    severity: 'error',
    summary: 'ReadWriteOncePod cannot be combined with other access modes.',
  },
  'volume-mode-not-offered': {
    severity: 'error',
    summary: 'The offering does not allow this volume mode.',
  },
  'volume-mode-unsupported': {
    severity: 'error',
    summary: 'The driver has no raw block volumes (EFS, FSx for Lustre, S3).',
  },
  'ebs-for-multi-writer': {
    severity: 'warning',
    summary: 'EBS chosen for a workload with several writers.',
  },
  'workload-mismatch': {
    severity: 'warning',
    summary:
      'The offering is not what the decision matrix recommends for the workload.',
  },
  's3-dynamic': {
    severity: 'error',
    summary:
      'Mountpoint for S3 is static only: no StorageClass can create buckets.',
  },
  'static-needs-existing-volume': {
    severity: 'error',
    summary: 'A static offering needs an existing volume as source.',
  },
  'invalid-volume-id': {
    severity: 'error',
    summary: "The existing volume's ID does not match the driver's format.",
  },
  'fsx-missing-mount-attributes': {
    severity: 'error',
    summary:
      'A static FSx for Lustre volume needs its DNS name and mount name.',
  },
  'invalid-zone': {
    severity: 'error',
    summary:
      "A static EBS volume's zone must be an Availability Zone of the cluster.",
  },
  'invalid-dns-name': {
    severity: 'error',
    summary:
      "A static FSx for Lustre volume's DNS name must be the file system's.",
  },
  'invalid-mount-name': {
    severity: 'error',
    summary:
      'An FSx for Lustre mount name is 1 to 8 lower-case letters and digits.',
  },
  'mount-option-not-allowed': {
    severity: 'error',
    summary:
      "Requesters may add only the driver's safe mount options; the platform sets the rest.",
  },
  'field-not-used': {
    severity: 'error',
    summary: 'A field was given that the driver does not use.',
  },
  'source-not-found': {
    severity: 'error',
    summary: 'The snapshot or claim to restore or clone from does not exist.',
  },
  'source-not-ready': {
    severity: 'warning',
    summary: 'The snapshot to restore from is not ready yet.',
  },
  'snapshot-class-unknown': {
    severity: 'error',
    summary: 'The VolumeSnapshotClass named does not exist in the cluster.',
  },
  'snapshot-class-wrong-driver': {
    severity: 'error',
    summary:
      "The VolumeSnapshotClass belongs to another driver than the claim's.",
  },
  'ebs-static-without-zone': {
    severity: 'warning',
    summary:
      'A static EBS volume without its AZ invites node affinity conflicts.',
  },
  'efs-capacity-ignored': {
    severity: 'warning',
    summary: 'EFS ignores the size; it bills by use.',
  },
  's3-capacity-ignored': {
    severity: 'info',
    summary: 'S3 ignores the size; it bills by use.',
  },
  'fsx-size-rounded': {
    severity: 'info',
    summary: 'FSx for Lustre rounds the size up to its capacity steps.',
  },
  'restore-not-supported': {
    severity: 'error',
    summary: 'The driver has no snapshots to restore from.',
  },
  'clone-not-supported': {
    severity: 'error',
    summary: 'The driver (or a static offering) cannot clone a claim.',
  },
  'expiry-in-past': {
    severity: 'error',
    summary: 'The expiry date has already passed.',
  },
  'resize-below-current': {
    severity: 'error',
    summary: 'A claim cannot shrink.',
  },
  'resize-no-change': {
    severity: 'info',
    summary: 'The new size equals the current size.',
  },
  'resize-not-supported': {
    severity: 'error',
    summary: 'The driver or StorageClass does not allow expansion.',
  },
  'resize-claim-not-bound': {
    severity: 'error',
    summary: 'Only bound claims can be expanded.',
  },
  'fsx-resize-step': {
    severity: 'error',
    summary: 'FSx for Lustre grows in fixed steps, and SCRATCH_1 not at all.',
  },
  'snapshot-not-supported': {
    severity: 'error',
    summary: 'The driver cannot take snapshots.',
  },
  'snapshot-claim-not-bound': {
    severity: 'warning',
    summary: 'A snapshot of an unbound claim waits until it binds.',
  },
  'delete-is-permanent': {
    severity: 'warning',
    summary: 'Deleting a claim with reclaimPolicy Delete destroys the data.',
  },
  'retain-leaves-volume': {
    severity: 'info',
    summary: 'reclaimPolicy Retain leaves the volume (and its bill) behind.',
  },
  'not-an-object': {
    severity: 'error',
    summary: 'A manifest document is not a Kubernetes object.',
  },
  'missing-access-modes': {
    severity: 'error',
    summary: 'A PVC needs at least one access mode.',
  },
  'missing-storage-request': {
    severity: 'error',
    summary: 'A PVC needs spec.resources.requests.storage.',
  },
  'no-storage-class': {
    severity: 'warning',
    summary:
      'A PVC without storageClassName depends on a default StorageClass.',
  },
  'static-claim-without-volume': {
    severity: 'warning',
    summary: 'storageClassName "" binds only to a pre-created PV.',
  },
  'invalid-data-source': {
    severity: 'error',
    summary: 'dataSource must be a VolumeSnapshot or a PVC.',
  },
  'in-tree-provisioner': {
    severity: 'error',
    summary:
      'In-tree provisioners (kubernetes.io/aws-ebs) do nothing on current EKS.',
  },
  'unknown-provisioner': {
    severity: 'info',
    summary: 'A provisioner this catalogue does not know.',
  },
  'immediate-binding-zonal': {
    severity: 'warning',
    summary: 'Zonal volumes should bind WaitForFirstConsumer.',
  },
  'expansion-not-supported': {
    severity: 'warning',
    summary: 'allowVolumeExpansion on a driver that cannot expand.',
  },
  'pv-missing-capacity': {
    severity: 'error',
    summary: 'A PV needs spec.capacity.storage.',
  },
  'pv-not-csi': {
    severity: 'info',
    summary: 'A PV that does not use a CSI driver.',
  },
  's3-pv-storage-class': {
    severity: 'error',
    summary: 'S3 PVs (and their PVCs) must use storageClassName "".',
  },
  's3-missing-bucket': {
    severity: 'error',
    summary: 'An S3 PV needs csi.volumeAttributes.bucketName.',
  },
  'snapshot-source-invalid': {
    severity: 'error',
    summary: 'A VolumeSnapshot needs exactly one source.',
  },
  'snapshot-class-missing': {
    severity: 'info',
    summary: 'No volumeSnapshotClassName: the default snapshot class is used.',
  },
  'emptydir-for-stateful': {
    severity: 'warning',
    summary: 'emptyDir in a StatefulSet loses data when the pod moves.',
  },
  'rwo-shared-by-replicas': {
    severity: 'warning',
    summary:
      'A ReadWriteOnce claim mounted by a Deployment with several replicas.',
  },
} as const satisfies Record<string, RuleDoc>;

export type RuleCode = keyof typeof VALIDATION_RULES;

export function finding(
  code: RuleCode,
  field: string,
  message: string,
  fix: string,
): Finding {
  return {
    severity: VALIDATION_RULES[code].severity,
    field,
    code,
    message,
    fix,
  };
}

/** A driver's own error (from the catalogue) as a finding. */
export function driverFinding(
  error: { code: string; message: string; key?: string },
  field: string,
  fix: string,
): Finding {
  return {
    severity: 'error',
    field,
    code: error.code,
    message: error.message,
    fix,
  };
}
