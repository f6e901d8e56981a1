import {
  DRIVERS,
  DriverId,
  checkEbsVolume,
  ebsVolumeLimits,
  roundFsxLustreCapacityGiB,
} from '../catalogue';
import { StorageOffering } from '../model/offering';
import { StorageRequest } from '../model/request';
import { GIB, parseQuantity } from '../quantity';
import { PriceTable } from './prices';

export interface CostLine {
  item: 'storage' | 'iops' | 'throughput';
  description: string;
  quantity: number;
  unit: string;
  unitPriceUsd: number;
  monthlyUsd: number;
}

export interface CostEstimate {
  currency: 'USD';
  /** Monthly total; absent when the storage is billed by use (EFS, S3). */
  totalMonthlyUsd?: number;
  breakdown: CostLine[];
  /** For storage billed by use: the price per GiB-month of data stored. */
  usagePricePerGiBMonth?: number;
  billedByUse: boolean;
  region: string;
  priceDate: string;
  notes: string[];
}

const round = (usd: number) => Math.round(usd * 100) / 100;

function line(
  item: CostLine['item'],
  description: string,
  quantity: number,
  unit: string,
  unitPriceUsd: number,
): CostLine {
  return {
    item,
    description,
    quantity,
    unit,
    unitPriceUsd,
    monthlyUsd: round(quantity * unitPriceUsd),
  };
}

/**
 * The monthly list price of what a request creates (or grows to). Pure: the
 * price table is passed in. EFS and S3 are billed by the data stored, so they
 * get a unit price and no total.
 */
export function estimateMonthlyCost(
  request: StorageRequest,
  offering: StorageOffering,
  prices: PriceTable,
): CostEstimate {
  const estimate: CostEstimate = {
    currency: 'USD',
    totalMonthlyUsd: 0,
    breakdown: [],
    billedByUse: !DRIVERS[offering.driver]?.billedByProvisionedSize,
    region: prices.region,
    priceDate: prices.effectiveDate,
    notes: [],
  };
  if (request.operation === 'delete') {
    estimate.notes.push(
      'Deleting stops the charge for this volume (unless its reclaim policy is Retain).',
    );
    return estimate;
  }
  if (request.operation === 'snapshot') {
    estimate.totalMonthlyUsd = undefined;
    estimate.billedByUse = true;
    estimate.notes.push(
      'Snapshots are incremental and billed by the changed blocks they store.',
    );
    return estimate;
  }
  const bytes = parseQuantity(request.size);
  if (bytes === undefined || bytes <= 0) {
    estimate.totalMonthlyUsd = undefined;
    estimate.notes.push(
      `No estimate: size "${request.size}" is not a valid quantity.`,
    );
    return estimate;
  }
  return estimateVolumeMonthlyCost(
    { driver: offering.driver, parameters: offering.parameters, bytes },
    prices,
  );
}

/** A volume as the estimate sees it: its driver, its class's parameters and its size. */
export interface PricedVolume {
  driver: DriverId;
  parameters: Record<string, string>;
  /** Provisioned size in bytes. */
  bytes: number;
}

/**
 * The monthly list price of one volume as it exists (or would exist), e.g. a
 * PersistentVolume of a cluster: by its driver, class parameters and size.
 */
export function estimateVolumeMonthlyCost(
  volume: PricedVolume,
  prices: PriceTable,
): CostEstimate {
  const { driver, parameters, bytes } = volume;
  const estimate: CostEstimate = {
    currency: 'USD',
    totalMonthlyUsd: 0,
    breakdown: [],
    billedByUse: !DRIVERS[driver]?.billedByProvisionedSize,
    region: prices.region,
    priceDate: prices.effectiveDate,
    notes: [],
  };
  if (!Number.isFinite(bytes) || bytes <= 0) {
    estimate.totalMonthlyUsd = undefined;
    estimate.notes.push('No estimate: the size is not known.');
    return estimate;
  }
  const gib = Math.ceil(bytes / GIB);
  switch (driver) {
    case 'ebs':
      estimate.breakdown.push(...ebsLines(parameters, bytes, prices));
      break;
    case 'fsx-lustre':
      estimate.breakdown.push(
        fsxLine(parameters, bytes / GIB, prices, estimate.notes),
      );
      break;
    case 'ontap':
      estimate.breakdown.push(
        line(
          'storage',
          'FSx for NetApp ONTAP SSD storage',
          gib,
          'GiB-month',
          prices.ontap.ssdPerGiBMonth,
        ),
      );
      estimate.notes.push(
        'ONTAP thin volumes are billed by the file system, which the platform team shares among claims.',
      );
      break;
    case 'efs':
      estimate.totalMonthlyUsd = undefined;
      estimate.usagePricePerGiBMonth = prices.efs.standardPerGiBMonth;
      estimate.notes.push(
        `EFS is billed by the data you store ($${prices.efs.standardPerGiBMonth} per GiB-month on Standard); the requested size is ignored.`,
      );
      return estimate;
    case 's3':
      estimate.totalMonthlyUsd = undefined;
      estimate.usagePricePerGiBMonth = prices.s3.standardPerGiBMonth;
      estimate.notes.push(
        `S3 is billed by the data stored ($${prices.s3.standardPerGiBMonth} per GiB-month on S3 Standard) plus requests; the requested size is ignored.`,
      );
      return estimate;
    default:
      break;
  }
  estimate.totalMonthlyUsd = round(
    estimate.breakdown.reduce((sum, item) => sum + item.monthlyUsd, 0),
  );
  return estimate;
}

function ebsLines(
  parameters: Record<string, string>,
  bytes: number,
  prices: PriceTable,
): CostLine[] {
  const limits =
    ebsVolumeLimits(parameters.type ?? parameters.Type ?? 'gp3') ??
    ebsVolumeLimits('gp3')!;
  const { effective } = checkEbsVolume(parameters, bytes);
  const gib = effective?.sizeGiB ?? Math.ceil(bytes / GIB);
  const type = limits.type;
  const lines: CostLine[] = [];
  switch (type) {
    case 'gp3': {
      const price = prices.ebs.gp3;
      lines.push(
        line('storage', 'EBS gp3 storage', gib, 'GiB-month', price.perGiBMonth),
      );
      const extraIops = Math.max(
        0,
        (effective?.iops ?? 3000) - (limits.baselineIops ?? 0),
      );
      if (extraIops > 0)
        lines.push(
          line(
            'iops',
            'gp3 IOPS above the 3,000 included',
            extraIops,
            'IOPS-month',
            price.perIopsMonth,
          ),
        );
      const extraThroughput = Math.max(
        0,
        (effective?.throughput ?? 125) - (limits.baselineThroughput ?? 0),
      );
      if (extraThroughput > 0)
        lines.push(
          line(
            'throughput',
            'gp3 throughput above the 125 MiB/s included',
            extraThroughput,
            'MiB/s-month',
            price.perMiBpsMonth,
          ),
        );
      return lines;
    }
    case 'io1':
      lines.push(
        line(
          'storage',
          'EBS io1 storage',
          gib,
          'GiB-month',
          prices.ebs.io1.perGiBMonth,
        ),
      );
      if (effective?.iops)
        lines.push(
          line(
            'iops',
            'io1 provisioned IOPS',
            effective.iops,
            'IOPS-month',
            prices.ebs.io1.perIopsMonth,
          ),
        );
      return lines;
    case 'io2': {
      lines.push(
        line(
          'storage',
          'EBS io2 storage',
          gib,
          'GiB-month',
          prices.ebs.io2.perGiBMonth,
        ),
      );
      let remaining = effective?.iops ?? 0;
      let floor = 0;
      for (const tier of prices.ebs.io2.iopsTiers) {
        if (remaining <= 0) break;
        const width =
          tier.upTo === null
            ? remaining
            : Math.min(remaining, tier.upTo - floor);
        lines.push(
          line(
            'iops',
            `io2 provisioned IOPS ${floor + 1}–${tier.upTo ?? 'up'}`,
            width,
            'IOPS-month',
            tier.perIopsMonth,
          ),
        );
        remaining -= width;
        floor = tier.upTo ?? floor;
      }
      return lines;
    }
    default:
      return [
        line(
          'storage',
          `EBS ${type} storage`,
          gib,
          'GiB-month',
          prices.ebs[type].perGiBMonth,
        ),
      ];
  }
}

function fsxLine(
  parameters: Record<string, string>,
  requestedGiB: number,
  prices: PriceTable,
  notes: string[],
): CostLine {
  const deploymentType = parameters.deploymentType ?? 'SCRATCH_1';
  const storageType = parameters.storageType ?? 'SSD';
  const throughput = parameters.perUnitStorageThroughput
    ? Number(parameters.perUnitStorageThroughput)
    : undefined;
  const gib = roundFsxLustreCapacityGiB(
    requestedGiB,
    deploymentType,
    storageType,
    throughput,
  );
  if (gib !== Math.ceil(requestedGiB))
    notes.push(
      `FSx for Lustre rounds the size up to ${gib} GiB; the estimate uses ${gib} GiB.`,
    );
  const key = throughput
    ? `${deploymentType}/${storageType}/${throughput}`
    : deploymentType;
  const price = prices.fsxLustre[key] ?? prices.fsxLustre[deploymentType];
  if (price === undefined) {
    notes.push(
      `No price for FSx for Lustre ${key}; add storage.prices.fsxLustre["${key}"].`,
    );
  }
  return line(
    'storage',
    `FSx for Lustre ${key.replace(/\//g, ' ')}${throughput ? ' MB/s/TiB' : ''}`,
    gib,
    'GiB-month',
    price ?? 0,
  );
}
