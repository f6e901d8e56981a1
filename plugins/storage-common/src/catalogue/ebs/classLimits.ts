/**
 * The per-type EBS limits a StorageClass breaks whatever size a claim asks
 * for: known from the class alone, so the linter and the class health check
 * report them before any claim fails at CreateVolume.
 */
import { ClassLimitProblem } from '../types';
import { readEbsClassParameters } from './parameters';
import { ebsVolumeLimits } from './volumeTypes';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Problems of an EBS class's IOPS and throughput against its volume type's
 * limits that do not depend on a claim's size. Errors are refused by the
 * driver for every claim; warnings are capped silently by EBS, so the class
 * promises more than volumes get.
 */
export function checkEbsClassLimits(
  parameters: Record<string, string>,
): ClassLimitProblem[] {
  const parsed = readEbsClassParameters(parameters ?? {});
  const limits = ebsVolumeLimits(parsed.type);
  // Unknown types, both iops and iopsPerGB, and types without settable IOPS
  // are reported by checkEbsParameters already.
  if (!limits?.iopsSettable) return [];
  if (parsed.iops !== undefined && parsed.iopsPerGB !== undefined) return [];
  const problems: ClassLimitProblem[] = [];
  const minIops = limits.minIops ?? 0;
  const maxIops = limits.maxIops ?? Infinity;
  const ratio = limits.maxThroughputPerIops;

  if (parsed.iops !== undefined) {
    if (parsed.iops < minIops && !parsed.allowAutoIOPSPerGBIncrease) {
      problems.push({
        code: 'ebs-iops-too-low',
        key: 'iops',
        severity: 'error',
        message: `IOPS ${count(parsed.iops)} is too low for ${
          limits.type
        } at any size: it must be at least ${count(
          minIops,
        )} (or set allowAutoIOPSPerGBIncrease: "true")`,
      });
    }
    if (parsed.iops > maxIops) {
      problems.push({
        code: 'ebs-iops-above-maximum',
        key: 'iops',
        severity: 'warning',
        message: `IOPS ${count(parsed.iops)} is above the ${
          limits.type
        } maximum of ${count(
          maxIops,
        )}: EBS caps it silently, so volumes get at most ${count(maxIops)}`,
      });
    }
  }

  if (parsed.iopsPerGB !== undefined) {
    const perGiBMax = limits.maxIopsPerGiB ?? Infinity;
    if (parsed.iopsPerGB > perGiBMax) {
      problems.push({
        code: 'ebs-iops-per-gb-above-maximum',
        key: 'iopsPerGB',
        severity: 'warning',
        message: `iopsPerGB ${count(parsed.iopsPerGB)} is above the ${
          limits.type
        } maximum of ${count(
          perGiBMax,
        )} IOPS per GiB: EBS caps it silently, so volumes get at most ${count(
          perGiBMax,
        )} per GiB`,
      });
    }
    if (!parsed.allowAutoIOPSPerGBIncrease) {
      const smallestSize =
        parsed.iopsPerGB > 0 ? Math.ceil(minIops / parsed.iopsPerGB) : Infinity;
      if (smallestSize > limits.maxSizeGiB) {
        problems.push({
          code: 'ebs-iops-too-low',
          key: 'iopsPerGB',
          severity: 'error',
          message: `iopsPerGB ${parsed.iopsPerGB} gives fewer than the ${
            limits.type
          } minimum of ${count(minIops)} IOPS at every size up to ${count(
            limits.maxSizeGiB,
          )} GiB (or set allowAutoIOPSPerGBIncrease: "true")`,
        });
      } else if (smallestSize > limits.minSizeGiB) {
        problems.push({
          code: 'ebs-iops-per-gb-small-volumes',
          key: 'iopsPerGB',
          severity: 'warning',
          message: `iopsPerGB ${parsed.iopsPerGB} gives fewer than the ${
            limits.type
          } minimum of ${count(
            minIops,
          )} IOPS below ${smallestSize} GiB: claims smaller than ${smallestSize}Gi fail to provision (unless allowAutoIOPSPerGBIncrease: "true")`,
        });
      }
    }
  }

  if (limits.throughputSettable && ratio !== undefined) {
    const throughput = parsed.throughput ?? limits.baselineThroughput;
    // The IOPS every volume of the class gets when it does not depend on size.
    const fixedIops =
      parsed.iopsPerGB !== undefined
        ? undefined
        : Math.min(
            maxIops,
            Math.max(parsed.iops ?? limits.baselineIops ?? minIops, minIops),
          );
    const ceilingIops = fixedIops ?? maxIops;
    if (throughput !== undefined && throughput > ceilingIops * ratio) {
      problems.push({
        code: 'ebs-throughput-iops-ratio',
        key: 'throughput',
        severity: 'error',
        message: `Throughput of ${count(throughput)} MiB/s is too high for ${
          fixedIops === undefined
            ? `the ${limits.type} maximum of ${count(maxIops)} IOPS`
            : `${count(ceilingIops)} IOPS`
        }; ${
          limits.type
        } allows at most ${ratio} MiB/s per provisioned IOPS (raise iops to at least ${count(
          Math.ceil(throughput / ratio),
        )})`,
      });
    }
  }
  return problems;
}
