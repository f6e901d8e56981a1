import { DRIVERS } from './drivers';
import { DriverId, Workload } from './types';

/** The storage the platform guides recommend for each workload, and why. */
export const DECISION_MATRIX: Readonly<
  Record<Workload, { drivers: readonly DriverId[]; reason: string }>
> = {
  database: {
    drivers: ['ebs'],
    reason:
      'one EBS volume per pod (gp3; io2 for high IOPS), ReadWriteOnce, in the same AZ as the pod',
  },
  'message-broker': {
    drivers: ['ebs'],
    reason:
      'one EBS volume per broker replica, ReadWriteOnce, in the same AZ as the pod',
  },
  'ci-workspace': {
    drivers: ['efs'],
    reason: 'several writers across nodes and AZs need EFS with ReadWriteMany',
  },
  'shared-files': {
    drivers: ['efs', 'ontap'],
    reason:
      'shared configuration and media need a regional ReadWriteMany file system (EFS)',
  },
  'ml-scratch': {
    drivers: ['fsx-lustre'],
    reason:
      'HPC and ML training scratch, and S3-linked data sets, need FSx for Lustre throughput',
  },
  'logs-backup': {
    drivers: ['s3'],
    reason:
      'logs, backups, artifacts and data lakes belong in S3 (Mountpoint, static)',
  },
};

/** Whether a driver is a recommended fit for a workload. */
export function isRecommendedFor(
  driver: DriverId,
  workload: Workload,
): boolean {
  return DECISION_MATRIX[workload]?.drivers.includes(driver) ?? false;
}

/** Titles of the recommended storage for a workload ("Amazon EBS"). */
export function recommendedStorageTitles(workload: Workload): string[] {
  return (DECISION_MATRIX[workload]?.drivers ?? []).map(
    id => DRIVERS[id].title,
  );
}
