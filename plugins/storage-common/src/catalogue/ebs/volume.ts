/** What an EBS volume of a given size ends up with, and what CreateVolume refuses. */
import { GIB } from '../../quantity';
import { ParameterError } from '../types';
import { readEbsClassParameters } from './parameters';
import { ebsVolumeLimits } from './volumeTypes';

/** What EBS will actually provision for a size and class (the driver caps silently). */
export interface EbsEffectiveVolume {
  sizeGiB: number;
  iops?: number;
  throughput?: number;
}

/**
 * Errors CreateVolume raises for a given size with these parameters, and what
 * the volume ends up with. Size rounds up to whole GiB; IOPS above the type's
 * maximum or the per-GiB ratio are capped silently (as the driver does), below
 * the minimum is an error unless allowAutoIOPSPerGBIncrease.
 */
export function checkEbsVolume(
  parameters: Record<string, string>,
  capacityBytes: number,
  options: { multiAttach?: boolean } = {},
): { errors: ParameterError[]; effective?: EbsEffectiveVolume } {
  const parsed = readEbsClassParameters(parameters);
  const limits = ebsVolumeLimits(parsed.type);
  if (!limits || !Number.isFinite(capacityBytes) || capacityBytes <= 0) {
    return { errors: [] };
  }
  const errors: ParameterError[] = [];
  const sizeGiB = Math.max(1, Math.ceil(capacityBytes / GIB));
  if (sizeGiB < limits.minSizeGiB || sizeGiB > limits.maxSizeGiB) {
    errors.push({
      code: 'ebs-size-out-of-range',
      message: `Volume of ${sizeGiB} GiB is invalid for volume type ${limits.type}; the size must be between ${limits.minSizeGiB} GiB and ${limits.maxSizeGiB} GiB`,
    });
  }
  if (options.multiAttach && !limits.multiAttach) {
    errors.push({
      code: 'ebs-multi-attach-not-io2',
      message: 'CreateDisk: multi-attach is only supported for io2 volumes',
    });
  }
  let iops: number | undefined;
  if (limits.iopsSettable) {
    const requested =
      parsed.iops ??
      (parsed.iopsPerGB !== undefined ? parsed.iopsPerGB * sizeGiB : undefined);
    if (requested !== undefined) {
      const min = limits.minIops ?? 0;
      const max = Math.min(
        limits.maxIops ?? Infinity,
        (limits.maxIopsPerGiB ?? Infinity) * sizeGiB,
      );
      if (requested < min && !parsed.allowAutoIOPSPerGBIncrease) {
        errors.push({
          code: 'ebs-iops-too-low',
          key: parsed.iops !== undefined ? 'iops' : 'iopsPerGB',
          message: `invalid combination of volume size ${sizeGiB} GiB and IOPS ${requested}: the IOPS is too low for ${limits.type}, it must be at least ${min} (or set allowAutoIOPSPerGBIncrease: "true")`,
        });
      }
      iops = Math.max(min, Math.min(requested, max));
    } else {
      iops = limits.baselineIops;
    }
  } else if (limits.baselineIopsPerGiB) {
    iops = Math.min(
      limits.maxIops ?? Infinity,
      Math.max(limits.minIops ?? 0, limits.baselineIopsPerGiB * sizeGiB),
    );
  }
  let throughput: number | undefined;
  if (limits.throughputSettable) {
    throughput = parsed.throughput ?? limits.baselineThroughput;
    if (
      throughput !== undefined &&
      iops !== undefined &&
      limits.maxThroughputPerIops !== undefined &&
      throughput > iops * limits.maxThroughputPerIops
    ) {
      errors.push({
        code: 'ebs-throughput-iops-ratio',
        key: 'throughput',
        message: `Throughput of ${throughput} MiB/s is too high for ${iops} IOPS; ${
          limits.type
        } allows at most ${
          limits.maxThroughputPerIops
        } MiB/s per provisioned IOPS (raise iops to at least ${Math.ceil(
          throughput / limits.maxThroughputPerIops,
        )})`,
      });
    }
  }
  return { errors, effective: { sizeGiB, iops, throughput } };
}
