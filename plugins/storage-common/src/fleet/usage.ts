/**
 * Usage from the kubelets' volume stats: readings from a stats summary, and
 * suggestions from a claim's history (resize when nearly full, shrink or a
 * cheaper offering when mostly empty for long enough), priced.
 */
import type {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1StorageClass,
} from '@kubernetes/client-node';
import {
  DRIVERS,
  DriverId,
  ebsVolumeLimits,
  fsxLustreExpansionProblem,
  readEbsClassParameters,
  roundFsxLustreCapacityGiB,
} from '../catalogue';
import { PriceTable, estimateVolumeMonthlyCost } from '../cost';
import { timeOf } from '../diagnosis/facts';
import { OFFERING_ANNOTATION, OFFERING_LABEL } from '../model/annotations';
import { STATIC_STORAGE_CLASS, StorageOffering } from '../model/offering';
import { GIB, formatQuantity, gibToQuantity, parseQuantity } from '../quantity';
import { isRecord, stringRecord } from '../validation/findings';
import { entityOfObject } from './entities';
import {
  DAY_MS,
  HOUR_MS,
  claimDriver,
  claimKey,
  classNamed,
  classParameters,
  fleetFinding,
  instantMs,
  isoAt,
  kubernetesIdOf,
  labelsOf,
  nameOf,
  namespaceOf,
  objectsOf,
  round2,
} from './objects';
import { FleetRules } from './rules';
import {
  ClaimTime,
  ClusterStorage,
  FleetEntity,
  FleetFinding,
  Instant,
  UsageSuggestion,
  VolumeUsageSample,
} from './types';

/** EBS allows one modification per volume every six hours. */
export const EBS_MODIFICATION_INTERVAL_MS = 6 * HOUR_MS;

/** Above this share in use a resize is urgent (error). */
const NEARLY_FULL = 0.95;

const finiteNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : undefined;

/**
 * The claim-backed volumes of a kubelet stats summary
 * (`/api/v1/nodes/<node>/proxy/stats/summary`), one reading per claim.
 * Readings without a time take `at`; volumes without a claim, capacity or
 * use are skipped.
 */
export function volumeUsageFromSummary(
  summary: unknown,
  at?: Instant,
): VolumeUsageSample[] {
  const fallback = instantMs(at);
  const pods =
    isRecord(summary) && Array.isArray(summary.pods) ? summary.pods : [];
  const byClaim = new Map<string, VolumeUsageSample>();
  for (const pod of pods) {
    const volumes =
      isRecord(pod) && Array.isArray(pod.volume) ? pod.volume : [];
    for (const volume of volumes) {
      if (!isRecord(volume) || !isRecord(volume.pvcRef)) continue;
      const { name, namespace } = stringRecord(volume.pvcRef);
      const usedBytes = finiteNumber(volume.usedBytes);
      const capacityBytes = finiteNumber(volume.capacityBytes);
      const time = timeOf(volume.time) ?? fallback;
      if (
        !name ||
        usedBytes === undefined ||
        !capacityBytes ||
        time === undefined
      )
        continue;
      const key = claimKey(namespace || 'default', name);
      if (byClaim.has(key)) continue;
      byClaim.set(key, {
        namespace: namespace || 'default',
        claim: name,
        time: isoAt(time),
        usedBytes,
        capacityBytes,
      });
    }
  }
  return [...byClaim.values()];
}

/** What usage suggestions read besides the cluster's objects. */
export interface UsageInput {
  storage: ClusterStorage;
  /** Readings of the claims (any order, any number per claim). */
  samples: readonly VolumeUsageSample[];
  offerings?: readonly StorageOffering[];
  prices: PriceTable;
  rules: FleetRules;
  now: Instant;
  /** The last size change of claims (request history); PVC resize conditions fill in. */
  modifications?: readonly ClaimTime[];
  entities?: readonly FleetEntity[];
}

/** One claim with what the suggestions need, gathered once. */
interface ClaimContext {
  pvc: V1PersistentVolumeClaim;
  namespace: string;
  name: string;
  driver: DriverId;
  sc?: V1StorageClass;
  parameters: Record<string, string>;
  offering?: StorageOffering;
  /** Current size in bytes (status.capacity, else the request). */
  capacityBytes: number;
  /** Readings, oldest first. */
  samples: VolumeUsageSample[];
  kubernetesId?: string;
  entityRef?: string;
}

/** The offering a claim came from: its label or annotation, else the one of its class. */
export function offeringOfClaim(
  pvc: V1PersistentVolumeClaim,
  offerings: readonly StorageOffering[] = [],
): StorageOffering | undefined {
  const labels = labelsOf(pvc);
  const annotations = stringRecord(pvc?.metadata?.annotations);
  const id = labels[OFFERING_LABEL] ?? annotations[OFFERING_ANNOTATION];
  const known = objectsOf(offerings);
  const byId = id ? known.find(o => o.id === id) : undefined;
  if (byId) return byId;
  const className = pvc?.spec?.storageClassName;
  return className
    ? known.find(o => o.storageClassName === className)
    : undefined;
}

function claimContexts(input: UsageInput): ClaimContext[] {
  const classes = objectsOf(input.storage?.storageClasses);
  const volumes = objectsOf(input.storage?.persistentVolumes);
  const byClaim = new Map<string, VolumeUsageSample[]>();
  for (const sample of objectsOf(input.samples)) {
    if (timeOf(sample.time) === undefined) continue;
    if (!(sample.capacityBytes > 0) || !(sample.usedBytes >= 0)) continue;
    const key = claimKey(sample.namespace, sample.claim);
    byClaim.set(key, [...(byClaim.get(key) ?? []), sample]);
  }
  const contexts: ClaimContext[] = [];
  for (const pvc of objectsOf(input.storage?.persistentVolumeClaims)) {
    if (pvc.status?.phase !== 'Bound' || pvc.metadata?.deletionTimestamp)
      continue;
    const namespace = namespaceOf(pvc);
    const name = nameOf(pvc);
    const samples = (byClaim.get(claimKey(namespace, name)) ?? []).sort(
      (a, b) => timeOf(a.time)! - timeOf(b.time)!,
    );
    const driver = claimDriver(pvc, volumes, classes);
    // EFS and S3 report a nominal size: nothing to resize or shrink.
    if (!samples.length || !driver || !DRIVERS[driver].capacityUsed) continue;
    const pv: V1PersistentVolume | undefined = volumes.find(
      v => nameOf(v) === pvc.spec?.volumeName,
    );
    const sc = classNamed(
      classes,
      pvc.spec?.storageClassName ?? pv?.spec?.storageClassName,
    );
    const capacityBytes =
      parseQuantity(pvc.status?.capacity?.storage) ??
      parseQuantity(pv?.spec?.capacity?.storage) ??
      parseQuantity(pvc.spec?.resources?.requests?.storage) ??
      samples[samples.length - 1].capacityBytes;
    const labels = labelsOf(pvc);
    contexts.push({
      pvc,
      namespace,
      name,
      driver,
      sc,
      parameters: {
        ...classParameters(sc),
        ...stringRecord(pv?.spec?.csi?.volumeAttributes),
      },
      offering: offeringOfClaim(pvc, input.offerings),
      capacityBytes,
      samples,
      kubernetesId: kubernetesIdOf(labels),
      entityRef: entityOfObject(labels, namespace, input.entities)?.entityRef,
    });
  }
  return contexts;
}

function monthlyUsd(
  driver: DriverId,
  parameters: Record<string, string>,
  bytes: number,
  prices: PriceTable,
): number | undefined {
  return estimateVolumeMonthlyCost({ driver, parameters, bytes }, prices)
    .totalMonthlyUsd;
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const gibText = (bytes: number) => `${Math.round((bytes / GIB) * 10) / 10} GiB`;

/** The size a volume of this driver and class can grow to, at least `gib`; undefined when it cannot grow. */
function growableGiB(
  driver: DriverId,
  parameters: Record<string, string>,
  gib: number,
): number | undefined {
  switch (driver) {
    case 'ebs': {
      const limits = ebsVolumeLimits(readEbsClassParameters(parameters).type);
      return limits ? Math.min(gib, limits.maxSizeGiB) : gib;
    }
    case 'fsx-lustre': {
      const deployment = parameters.deploymentType ?? 'SCRATCH_1';
      const storageType = parameters.storageType ?? 'SSD';
      const throughput =
        Number(parameters.perUnitStorageThroughput) || undefined;
      const problem = fsxLustreExpansionProblem(
        deployment,
        gib,
        storageType,
        throughput,
      );
      if (!problem) return gib;
      return problem.suggestedGiB;
    }
    default:
      return gib;
  }
}

/** The size a new volume of this driver and class gets for `gib` (type minimums, FSx steps). */
function newVolumeGiB(
  driver: DriverId,
  parameters: Record<string, string>,
  gib: number,
): number {
  switch (driver) {
    case 'ebs': {
      const limits = ebsVolumeLimits(readEbsClassParameters(parameters).type);
      return Math.max(gib, limits?.minSizeGiB ?? 1);
    }
    case 'fsx-lustre':
      return roundFsxLustreCapacityGiB(
        gib,
        parameters.deploymentType,
        parameters.storageType,
        Number(parameters.perUnitStorageThroughput) || undefined,
      );
    default:
      return Math.max(1, gib);
  }
}

const RESIZE_CONDITIONS = new Set([
  'Resizing',
  'FileSystemResizePending',
  'ControllerResizeError',
  'NodeResizeError',
]);

/** When the claim's volume was last modified: the given history or its resize conditions. */
function lastModifiedMs(
  context: ClaimContext,
  modifications: readonly ClaimTime[] = [],
): number | undefined {
  const times = [
    ...objectsOf(modifications)
      .filter(
        m => m?.namespace === context.namespace && m?.claim === context.name,
      )
      .map(m => timeOf(m.at)),
    ...objectsOf(context.pvc.status?.conditions)
      .filter(c => RESIZE_CONDITIONS.has(c?.type ?? ''))
      .map(c => timeOf(c.lastTransitionTime)),
  ].filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : undefined;
}

function resizeSuggestion(
  context: ClaimContext,
  input: UsageInput,
  now: number,
): FleetFinding | undefined {
  const newest = context.samples[context.samples.length - 1];
  const fraction = newest.usedBytes / newest.capacityBytes;
  const { resizeAbove, targetUsage } = input.rules.usage;
  if (fraction <= resizeAbove) return undefined;
  const rules = DRIVERS[context.driver];
  const currentGiB = Math.ceil(context.capacityBytes / GIB);
  const wantedGiB = Math.max(
    currentGiB + 1,
    Math.ceil(newest.usedBytes / targetUsage / GIB),
  );
  const canExpand =
    rules.expansion && context.sc?.allowVolumeExpansion === true;
  let toGiB = canExpand
    ? growableGiB(context.driver, context.parameters, wantedGiB)
    : undefined;
  const offeringMax = parseQuantity(context.offering?.size.max);
  if (toGiB !== undefined && offeringMax !== undefined) {
    toGiB = Math.min(toGiB, Math.floor(offeringMax / GIB));
  }
  const ref = claimKey(context.namespace, context.name);
  const current = monthlyUsd(
    context.driver,
    context.parameters,
    context.capacityBytes,
    input.prices,
  );
  const grows = toGiB !== undefined && toGiB > currentGiB;
  const targetGiB = grows ? toGiB! : wantedGiB;
  const next = monthlyUsd(
    context.driver,
    context.parameters,
    targetGiB * GIB,
    input.prices,
  );
  const lastModified =
    context.driver === 'ebs'
      ? lastModifiedMs(context, input.modifications)
      : undefined;
  const notBeforeMs =
    lastModified !== undefined &&
    lastModified + EBS_MODIFICATION_INTERVAL_MS > now
      ? lastModified + EBS_MODIFICATION_INTERVAL_MS
      : undefined;
  const suggestion: UsageSuggestion = {
    action: 'resize',
    fromSize: formatQuantity(context.capacityBytes),
    toSize: gibToQuantity(targetGiB),
    usedFraction: Math.round(fraction * 1000) / 1000,
    ...(current !== undefined && next !== undefined
      ? { monthlySavingUsd: round2(current - next) }
      : {}),
    ...(grows && notBeforeMs !== undefined
      ? { notBefore: isoAt(notBeforeMs) }
      : {}),
  };
  const extra =
    suggestion.monthlySavingUsd !== undefined && suggestion.monthlySavingUsd < 0
      ? ` (about $${Math.abs(suggestion.monthlySavingUsd).toFixed(
          2,
        )} more a month)`
      : '';
  let fix: string;
  if (!grows && !canExpand) {
    fix = `Its ${
      rules.expansion
        ? `StorageClass ${nameOf(context.sc ?? {})} does not allow expansion`
        : `driver (${rules.title}) cannot expand volumes`
    }: move the data to a new claim of ${gibToQuantity(
      targetGiB,
    )} (snapshot and restore into a larger claim where the driver has snapshots), or delete data.`;
  } else if (!grows) {
    fix = `The claim is at the largest size its offering "${
      context.offering?.title ?? ''
    }" allows: move it to an offering with more room, or delete data.`;
  } else if (notBeforeMs !== undefined) {
    fix = `Resize it to ${suggestion.toSize}${extra} after ${isoAt(
      notBeforeMs,
    )}: EBS allows one modification per volume every six hours, and this volume was modified at ${isoAt(
      lastModified!,
    )}.`;
  } else {
    fix = `Resize it to ${suggestion.toSize}${extra}; the file system grows online.`;
  }
  return fleetFinding('usage', {
    code: 'resize-suggested',
    severity: fraction >= NEARLY_FULL ? 'error' : 'warning',
    cluster: input.storage.cluster,
    object: {
      kind: 'PersistentVolumeClaim',
      namespace: context.namespace,
      name: context.name,
    },
    title: `Claim ${ref} is ${percent(fraction)} full (${gibText(
      newest.usedBytes,
    )} of ${gibText(newest.capacityBytes)})`,
    detail: `Above ${percent(
      resizeAbove,
    )} in use the volume may fill before anyone notices; writes then fail with "No space left on device".`,
    fix,
    kubernetesId: context.kubernetesId,
    entityRef: context.entityRef,
    since: newest.time,
    suggestion,
  });
}

/** The trailing run of readings below `below`: when it started and the most it used. */
function lowRun(
  samples: VolumeUsageSample[],
  below: number,
): { sinceMs: number; maxUsedBytes: number } | undefined {
  let sinceMs: number | undefined;
  let maxUsedBytes = 0;
  for (let i = samples.length - 1; i >= 0; i--) {
    const sample = samples[i];
    if (sample.usedBytes / sample.capacityBytes >= below) break;
    sinceMs = timeOf(sample.time);
    maxUsedBytes = Math.max(maxUsedBytes, sample.usedBytes);
  }
  return sinceMs === undefined ? undefined : { sinceMs, maxUsedBytes };
}

interface ShrinkPlan {
  context: ClaimContext;
  suggestion: UsageSuggestion;
  sinceMs: number;
  currentUsd: number;
  nextUsd: number;
}

function shrinkPlan(
  context: ClaimContext,
  input: UsageInput,
  now: number,
): ShrinkPlan | undefined {
  const { shrinkBelow, shrinkAfterDays, targetUsage } = input.rules.usage;
  const run = lowRun(context.samples, shrinkBelow);
  if (!run || now - run.sinceMs < shrinkAfterDays * DAY_MS) return undefined;
  const wantedGiB = Math.max(
    1,
    Math.ceil(run.maxUsedBytes / targetUsage / GIB),
  );
  const currentUsd = monthlyUsd(
    context.driver,
    context.parameters,
    context.capacityBytes,
    input.prices,
  );
  if (currentUsd === undefined) return undefined;
  const sameGiB = newVolumeGiB(context.driver, context.parameters, wantedGiB);
  let best = {
    gib: sameGiB,
    usd: monthlyUsd(
      context.driver,
      context.parameters,
      sameGiB * GIB,
      input.prices,
    ),
    offering: undefined as StorageOffering | undefined,
  };
  for (const offering of objectsOf(input.offerings)) {
    if (!offeringFits(offering, context)) continue;
    const minGiB = Math.ceil((parseQuantity(offering.size.min) ?? 0) / GIB);
    const gib = newVolumeGiB(
      offering.driver,
      offering.parameters,
      Math.max(wantedGiB, minGiB),
    );
    const maxBytes = parseQuantity(offering.size.max);
    if (maxBytes !== undefined && gib * GIB > maxBytes) continue;
    const usd = monthlyUsd(
      offering.driver,
      offering.parameters,
      gib * GIB,
      input.prices,
    );
    if (
      usd !== undefined &&
      (best.usd === undefined || usd < best.usd - 0.005)
    ) {
      best = { gib, usd, offering };
    }
  }
  if (best.usd === undefined || currentUsd - best.usd < 0.01) return undefined;
  const newest = context.samples[context.samples.length - 1];
  const other =
    best.offering && best.offering.id !== context.offering?.id
      ? best.offering
      : undefined;
  return {
    context,
    sinceMs: run.sinceMs,
    currentUsd,
    nextUsd: best.usd,
    suggestion: {
      action: other ? 'smaller-offering' : 'shrink-by-migration',
      fromSize: formatQuantity(context.capacityBytes),
      toSize: gibToQuantity(best.gib),
      ...(other ? { offering: other.id } : {}),
      usedFraction:
        Math.round((newest.usedBytes / newest.capacityBytes) * 1000) / 1000,
      monthlySavingUsd: round2(currentUsd - best.usd),
    },
  };
}

/** Whether a claim could move to an offering: dynamic, same modes, size-billed. */
function offeringFits(
  offering: StorageOffering,
  context: ClaimContext,
): boolean {
  if (offering.storageClassName === STATIC_STORAGE_CLASS) return false;
  if (!DRIVERS[offering.driver]?.billedByProvisionedSize) return false;
  const modes = Array.isArray(context.pvc.spec?.accessModes)
    ? context.pvc.spec!.accessModes!
    : [];
  const volumeMode = context.pvc.spec?.volumeMode ?? 'Filesystem';
  return (
    modes.every(mode => (offering.accessModes as string[]).includes(mode)) &&
    (offering.volumeModes as string[]).includes(volumeMode)
  );
}

function shrinkText(plan: ShrinkPlan, input: UsageInput) {
  const { context, suggestion } = plan;
  const ref = claimKey(context.namespace, context.name);
  const days = Math.floor((instantMs(input.now)! - plan.sinceMs) / DAY_MS);
  const saving = `$${suggestion.monthlySavingUsd!.toFixed(2)} a month`;
  const target = suggestion.offering
    ? `offering ${suggestion.offering} at ${suggestion.toSize}`
    : `a ${suggestion.toSize} claim of the same class`;
  const lowFor = `less than ${percent(input.rules.usage.shrinkBelow)} of its ${
    suggestion.fromSize
  } used for ${days} days`;
  return {
    lowFor,
    title: `Claim ${ref} has had ${lowFor}`,
    detail: `It uses ${percent(suggestion.usedFraction)} now. ${
      DRIVERS[context.driver].title
    } volumes cannot shrink in place; moving to ${target} saves about ${saving}.`,
    fix: `Create ${target}, copy the data (e.g. a Job with rsync mounting both claims), switch the workload to the new claim, then delete the old one.`,
  };
}

/** Resize suggestions for claims above the threshold, shrink suggestions for claims long below it. */
export function suggestUsage(input: UsageInput): FleetFinding[] {
  const now = instantMs(input?.now);
  if (now === undefined) return [];
  const findings: FleetFinding[] = [];
  for (const context of claimContexts(input)) {
    const resize = resizeSuggestion(context, input, now);
    if (resize) {
      findings.push(resize);
      continue;
    }
    const plan = shrinkPlan(context, input, now);
    if (!plan) continue;
    const text = shrinkText(plan, input);
    findings.push(
      fleetFinding('usage', {
        code: 'shrink-suggested',
        severity: 'info',
        cluster: input.storage.cluster,
        object: {
          kind: 'PersistentVolumeClaim',
          namespace: context.namespace,
          name: context.name,
        },
        title: text.title,
        detail: text.detail,
        fix: text.fix,
        kubernetesId: context.kubernetesId,
        entityRef: context.entityRef,
        since: isoAt(plan.sinceMs),
        ageDays: Math.floor((now - plan.sinceMs) / DAY_MS),
        monthlyUsd: plan.suggestion.monthlySavingUsd,
        suggestion: plan.suggestion,
      }),
    );
  }
  return findings;
}

/** Claims provisioned far above their use (the waste view of the shrink rule). */
export function findOverProvisioned(input: UsageInput): FleetFinding[] {
  const now = instantMs(input?.now);
  if (now === undefined) return [];
  return claimContexts(input).flatMap(context => {
    const plan = shrinkPlan(context, input, now);
    if (!plan) return [];
    const text = shrinkText(plan, input);
    return [
      fleetFinding('waste', {
        code: 'over-provisioned',
        severity: 'info',
        cluster: input.storage.cluster,
        object: {
          kind: 'PersistentVolumeClaim',
          namespace: context.namespace,
          name: context.name,
        },
        title: `Claim ${claimKey(
          context.namespace,
          context.name,
        )} is provisioned far above its use: ${text.lowFor}`,
        detail: text.detail,
        fix: text.fix,
        kubernetesId: context.kubernetesId,
        entityRef: context.entityRef,
        since: isoAt(plan.sinceMs),
        ageDays: Math.floor((now - plan.sinceMs) / DAY_MS),
        monthlyUsd: plan.suggestion.monthlySavingUsd,
        suggestion: plan.suggestion,
      }),
    ];
  });
}
