import { z } from 'zod';
import {
  ACCESS_MODES,
  DRIVER_IDS,
  DRIVERS,
  VOLUME_MODES,
  WORKLOADS,
} from '../catalogue';
import { parseQuantity } from '../quantity';
import { durationSchema } from './duration';
import { isDns1123Subdomain } from './names';

/** A Kubernetes quantity string such as `10Gi`. */
export const quantitySchema = z
  .string()
  .refine(value => parseQuantity(value) !== undefined, {
    message: 'must be a Kubernetes quantity such as 10Gi, 500M or 1.5Ti',
  });

export const accessModeSchema = z.enum(ACCESS_MODES);
export const volumeModeSchema = z.enum(VOLUME_MODES);
export const workloadSchema = z.enum(WORKLOADS);
export const driverIdSchema = z.enum(DRIVER_IDS);

/** The StorageClass name of offerings that bind pre-existing volumes. */
export const STATIC_STORAGE_CLASS = 'static';

/** A storage offering as the platform team publishes it under `storage.offerings`. */
export const storageOfferingSchema = z.object({
  id: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      'must be lower-case letters, digits and hyphens',
    ),
  title: z.string().min(1),
  description: z.string().default(''),
  driver: driverIdSchema,
  /** StorageClass to claim from, or "static" for pre-existing volumes. */
  storageClassName: z
    .string()
    .refine(
      value => value === STATIC_STORAGE_CLASS || isDns1123Subdomain(value),
      {
        message: 'must be a StorageClass name or "static"',
      },
    ),
  /** The class's parameters, so rules that depend on them (EBS type, FSx deployment) can run. */
  parameters: z.record(z.string(), z.string()).default({}),
  accessModes: z.array(accessModeSchema).min(1),
  volumeModes: z.array(volumeModeSchema).min(1).default(['Filesystem']),
  size: z.object({
    min: quantitySchema.optional(),
    max: quantitySchema.optional(),
    default: quantitySchema,
  }),
  recommendedFor: z.array(workloadSchema).default([]),
  /** Whether the StorageClass sets allowVolumeExpansion (ignored when the driver cannot expand). */
  allowVolumeExpansion: z.boolean().default(true),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
  /**
   * Pre-existing volumes (S3 buckets, EBS or EFS volume IDs) the platform
   * offers for binding, each to the listed owners (group or user refs) or,
   * without owners, to everyone. Others need the platform team's approval.
   */
  existingVolumes: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().optional(),
        owners: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  /** Mount options of the volumes this offering binds (e.g. Mountpoint's uid/gid). */
  mountOptions: z.array(z.string()).default([]),
  /**
   * Snapshot schedule for every claim of this offering: one VolumeSnapshot
   * each `every` (e.g. `24h`), keeping the newest `keep` ready ones.
   */
  backup: z
    .object({
      every: durationSchema,
      keep: z.number().int().min(1),
    })
    .optional(),
  /** Take a VolumeSnapshot before the platform deletes a claim of this offering (at expiry, in cleanups). */
  snapshotBeforeDelete: z.boolean().optional(),
});

/** A pre-existing volume an offering lists for binding. */
export type OfferedVolume = StorageOffering['existingVolumes'][number];

export type StorageOffering = z.output<typeof storageOfferingSchema>;
export type StorageOfferingInput = z.input<typeof storageOfferingSchema>;

/** What an offering can do, derived from its driver and class. */
export interface OfferingCapabilities {
  dynamic: boolean;
  expansion: boolean;
  snapshots: boolean;
  clones: boolean;
  capacityUsed: boolean;
}

export function offeringCapabilities(
  offering: StorageOffering,
): OfferingCapabilities {
  const rules = DRIVERS[offering.driver];
  const dynamic = offering.storageClassName !== STATIC_STORAGE_CLASS;
  return {
    dynamic,
    expansion: rules.expansion && offering.allowVolumeExpansion && dynamic,
    snapshots: rules.snapshots,
    clones: rules.clones && dynamic,
    capacityUsed: rules.capacityUsed,
  };
}

/** Parses the `storage.offerings` config array, reporting each bad entry by index. */
export function parseOfferings(value: unknown): {
  offerings: StorageOffering[];
  errors: string[];
} {
  const result = z.array(z.unknown()).safeParse(value ?? []);
  if (!result.success) {
    return { offerings: [], errors: ['storage.offerings must be a list'] };
  }
  const offerings: StorageOffering[] = [];
  const errors: string[] = [];
  result.data.forEach((entry, index) => {
    const parsed = storageOfferingSchema.safeParse(entry);
    if (parsed.success) {
      offerings.push(parsed.data);
    } else {
      for (const issue of parsed.error.issues) {
        errors.push(
          `storage.offerings[${index}].${issue.path.join('.')}: ${
            issue.message
          }`,
        );
      }
    }
  });
  return { offerings, errors };
}
