/**
 * The EBS volume types and each type's limits (size, IOPS, throughput),
 * as the EBS documentation and the CSI driver state them.
 */
export type EbsVolumeType =
  | 'gp3'
  | 'gp2'
  | 'io1'
  | 'io2'
  | 'st1'
  | 'sc1'
  | 'standard';

export const EBS_VOLUME_TYPES: readonly EbsVolumeType[] = [
  'gp3',
  'gp2',
  'io1',
  'io2',
  'st1',
  'sc1',
  'standard',
];

export const EBS_DEFAULT_VOLUME_TYPE: EbsVolumeType = 'gp3';

/** Limits of one EBS volume type. IOPS in operations/s, throughput in MiB/s. */
export interface EbsVolumeLimits {
  type: EbsVolumeType;
  title: string;
  minSizeGiB: number;
  maxSizeGiB: number;
  /** Whether `iops` / `iopsPerGB` may be set in the StorageClass. */
  iopsSettable: boolean;
  minIops?: number;
  maxIops?: number;
  maxIopsPerGiB?: number;
  /** IOPS included without extra charge (gp3: 3,000; gp2: 3 per GiB, min 100). */
  baselineIops?: number;
  baselineIopsPerGiB?: number;
  /** Whether `throughput` may be set in the StorageClass (gp3 only). */
  throughputSettable: boolean;
  minThroughput?: number;
  maxThroughput: number;
  /** gp3: throughput may not exceed 0.25 MiB/s per provisioned IOPS. */
  maxThroughputPerIops?: number;
  baselineThroughput?: number;
  /** Multi-attach (RWX on raw block) is io2 only. */
  multiAttach: boolean;
}

const TIB_IN_GIB = 1024;

/**
 * EBS volume types. gp3 uses the 2025 limits AWS publishes (64 TiB, 80,000
 * IOPS, 2,000 MiB/s); older regions and drivers cap at 16 TiB/16,000/1,000.
 */
export const EBS_VOLUME_LIMITS: Readonly<
  Record<EbsVolumeType, EbsVolumeLimits>
> = {
  gp3: {
    type: 'gp3',
    title: 'General Purpose SSD (gp3)',
    minSizeGiB: 1,
    maxSizeGiB: 64 * TIB_IN_GIB,
    iopsSettable: true,
    minIops: 3000,
    maxIops: 80000,
    maxIopsPerGiB: 500,
    baselineIops: 3000,
    throughputSettable: true,
    minThroughput: 125,
    maxThroughput: 2000,
    maxThroughputPerIops: 0.25,
    baselineThroughput: 125,
    multiAttach: false,
  },
  gp2: {
    type: 'gp2',
    title: 'General Purpose SSD (gp2)',
    minSizeGiB: 1,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: false,
    minIops: 100,
    maxIops: 16000,
    baselineIopsPerGiB: 3,
    throughputSettable: false,
    maxThroughput: 250,
    multiAttach: false,
  },
  io1: {
    type: 'io1',
    title: 'Provisioned IOPS SSD (io1)',
    minSizeGiB: 4,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: true,
    minIops: 100,
    maxIops: 64000,
    maxIopsPerGiB: 50,
    throughputSettable: false,
    maxThroughput: 1000,
    multiAttach: false,
  },
  io2: {
    type: 'io2',
    title: 'Provisioned IOPS SSD (io2 Block Express)',
    minSizeGiB: 4,
    maxSizeGiB: 64 * TIB_IN_GIB,
    iopsSettable: true,
    minIops: 100,
    maxIops: 256000,
    maxIopsPerGiB: 1000,
    throughputSettable: false,
    maxThroughput: 4000,
    multiAttach: true,
  },
  st1: {
    type: 'st1',
    title: 'Throughput Optimized HDD (st1)',
    minSizeGiB: 125,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: false,
    throughputSettable: false,
    maxThroughput: 500,
    multiAttach: false,
  },
  sc1: {
    type: 'sc1',
    title: 'Cold HDD (sc1)',
    minSizeGiB: 125,
    maxSizeGiB: 16 * TIB_IN_GIB,
    iopsSettable: false,
    throughputSettable: false,
    maxThroughput: 250,
    multiAttach: false,
  },
  standard: {
    type: 'standard',
    title: 'Magnetic (standard, previous generation)',
    minSizeGiB: 1,
    maxSizeGiB: 1 * TIB_IN_GIB,
    iopsSettable: false,
    throughputSettable: false,
    maxThroughput: 90,
    multiAttach: false,
  },
};

export function isEbsVolumeType(value: unknown): value is EbsVolumeType {
  return (
    typeof value === 'string' &&
    (EBS_VOLUME_TYPES as readonly string[]).includes(value)
  );
}

/** Limits of an EBS volume type (case-insensitive); undefined for an unknown type. */
export function ebsVolumeLimits(type: string): EbsVolumeLimits | undefined {
  const lower = typeof type === 'string' ? type.toLowerCase() : '';
  return isEbsVolumeType(lower) ? EBS_VOLUME_LIMITS[lower] : undefined;
}
