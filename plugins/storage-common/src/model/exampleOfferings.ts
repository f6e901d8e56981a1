import {
  StorageOffering,
  StorageOfferingInput,
  storageOfferingSchema,
} from './offering';

/**
 * A typical EKS platform's offerings: the same list the README shows as
 * `storage.offerings` config. Useful for demos and tests.
 */
export const EXAMPLE_OFFERING_INPUTS: readonly StorageOfferingInput[] = [
  {
    id: 'ebs-gp3',
    title: 'Block storage (EBS gp3)',
    description: 'One volume per pod, in the pod’s AZ. Databases and brokers.',
    driver: 'ebs',
    storageClassName: 'gp3',
    parameters: {
      type: 'gp3',
      encrypted: 'true',
      'csi.storage.k8s.io/fstype': 'ext4',
    },
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
    size: { min: '1Gi', max: '2Ti', default: '20Gi' },
    recommendedFor: ['database', 'message-broker'],
  },
  {
    id: 'ebs-io2',
    title: 'High-IOPS block storage (EBS io2)',
    driver: 'ebs',
    storageClassName: 'io2',
    parameters: {
      type: 'io2',
      iopsPerGB: '50',
      allowAutoIOPSPerGBIncrease: 'true',
      encrypted: 'true',
    },
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany'],
    volumeModes: ['Filesystem', 'Block'],
    size: { min: '4Gi', max: '16Ti', default: '100Gi' },
    recommendedFor: ['database'],
  },
  {
    id: 'efs-shared',
    title: 'Shared file system (EFS)',
    driver: 'efs',
    storageClassName: 'efs-sc',
    parameters: {
      provisioningMode: 'efs-ap',
      fileSystemId: 'fs-0123456789abcdef0',
      directoryPerms: '700',
    },
    accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
    size: { default: '1Gi' },
    recommendedFor: ['ci-workspace', 'shared-files'],
  },
  {
    id: 'fsx-scratch',
    title: 'High-throughput scratch (FSx for Lustre SCRATCH_2)',
    driver: 'fsx-lustre',
    storageClassName: 'fsx-scratch',
    parameters: {
      subnetId: 'subnet-0123456789abcdef0',
      securityGroupIds: 'sg-0123456789abcdef0',
      deploymentType: 'SCRATCH_2',
    },
    accessModes: ['ReadWriteMany'],
    size: { min: '1200Gi', max: '48000Gi', default: '1200Gi' },
    recommendedFor: ['ml-scratch'],
  },
  {
    id: 's3-bucket',
    title: 'S3 bucket mount (Mountpoint)',
    driver: 's3',
    storageClassName: 'static',
    accessModes: ['ReadOnlyMany', 'ReadWriteMany'],
    size: { default: '1Gi' },
    recommendedFor: ['logs-backup'],
  },
  {
    id: 'ontap-nas',
    title: 'NetApp ONTAP NFS (Trident)',
    driver: 'ontap',
    storageClassName: 'ontap-gold',
    parameters: { backendType: 'ontap-nas', snapshots: 'true' },
    accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany'],
    size: { min: '1Gi', default: '10Gi' },
    recommendedFor: ['shared-files'],
  },
];

export const EXAMPLE_OFFERINGS: readonly StorageOffering[] =
  EXAMPLE_OFFERING_INPUTS.map(input => storageOfferingSchema.parse(input));

/** An example offering by id (throws for an unknown id: for demos and tests only). */
export function exampleOffering(id: string): StorageOffering {
  const offering = EXAMPLE_OFFERINGS.find(candidate => candidate.id === id);
  if (!offering) throw new Error(`No example offering ${id}`);
  return offering;
}
