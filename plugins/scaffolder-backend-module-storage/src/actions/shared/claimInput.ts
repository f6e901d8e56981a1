import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ACCESS_MODES,
  AccessMode,
  VOLUME_MODES,
  VolumeMode,
  WORKLOADS,
  Workload,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * The zod the scaffolder hands to callback-style schemas. Derived from
 * createTemplateAction's signature, so the module needs no zod of its own.
 */
type SchemaCallback = Extract<
  NonNullable<Parameters<typeof createTemplateAction>[0]['schema']>['input'],
  (zImpl: any) => any
>;
export type ZodImpl = Parameters<SchemaCallback>[0];

/** The catalogue's lists as the non-empty tuples zod's enum takes. */
type NonEmpty<T> = [T, ...T[]];

/**
 * The fields of a new claim, shared by `storage:request` and
 * `storage:render`. They describe the shape (the scaffolder checks it before
 * the action runs); what the values mean is storage-common's validator's
 * and the storage backend's to judge, field by field.
 */
export const claimInputSchema = {
  entityRef: (z: ZodImpl) =>
    z
      .string()
      .describe(
        'The component the storage is for, e.g. component:default/payments-api',
      ),
  cluster: (z: ZodImpl) =>
    z
      .string()
      .optional()
      .describe('Cluster name as configured (or give placement)'),
  namespace: (z: ZodImpl) =>
    z
      .string()
      .optional()
      .describe('Namespace of the component (or give placement)'),
  placement: (z: ZodImpl) =>
    z
      .object({ cluster: z.string(), namespace: z.string() })
      .optional()
      .describe(
        'Cluster and namespace together, as the StorageClusterNamespacePicker field gives them',
      ),
  claimName: (z: ZodImpl) =>
    z.string().describe('Name of the PersistentVolumeClaim'),
  offering: (z: ZodImpl) =>
    z.string().describe('Offering id from storage.offerings, e.g. ebs-gp3'),
  size: (z: ZodImpl) =>
    z
      .string()
      .optional()
      .describe(
        "Kubernetes quantity, e.g. 20Gi; the offering's default size when empty",
      ),
  accessMode: (z: ZodImpl) =>
    z.enum(ACCESS_MODES as NonEmpty<AccessMode>).describe('Access mode'),
  volumeMode: (z: ZodImpl) =>
    z
      .enum(VOLUME_MODES as NonEmpty<VolumeMode>)
      .optional()
      .describe('Filesystem (default) or Block'),
  workload: (z: ZodImpl) =>
    z
      .union([z.enum(WORKLOADS as NonEmpty<Workload>), z.literal('')])
      .optional()
      .describe('What the storage is for; picks the recommended offerings'),
  justification: (z: ZodImpl) =>
    z
      .string()
      .max(2000)
      .optional()
      .describe('Why, for the approvers when policy asks for approval'),
  expiresAt: (z: ZodImpl) =>
    z
      .string()
      .optional()
      .describe('ISO 8601 date-time after which the claim may be cleaned up'),
  source: (z: ZodImpl) =>
    z
      .object({
        type: z.enum(['new', 'snapshot', 'clone', 'existing']),
        snapshotName: z.string().optional(),
        claimName: z.string().optional(),
        volumeId: z.string().optional(),
        zone: z.string().optional(),
        dnsName: z.string().optional(),
        mountName: z.string().optional(),
        mountOptions: z.array(z.string()).optional(),
      })
      .optional()
      .describe(
        'Where the data comes from: new (default), snapshot {snapshotName}, clone {claimName} or existing {volumeId} (an S3 bucket, a volume or file system id)',
      ),
  restoreFrom: (z: ZodImpl) =>
    z
      .string()
      .optional()
      .describe(
        'Restore from this VolumeSnapshot of the component (same as source {type: snapshot}); empty for a new volume',
      ),
};
