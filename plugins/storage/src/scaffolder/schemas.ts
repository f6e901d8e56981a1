import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import {
  ACCESS_MODES,
  AccessMode,
  DRIVER_IDS,
  DriverId,
} from '@eks-storage/backstage-plugin-storage-common';

/** The zod that makeFieldSchema hands its callbacks (scaffolder-react's own). */
type Zod = Parameters<Parameters<typeof makeFieldSchema>[0]['output']>[0];

/** zod's enum takes a non-empty tuple; the catalogue's lists are non-empty. */
const nonEmpty = <T>(list: readonly T[]) => list as [T, ...T[]];

/**
 * Where a field finds the other answers of the form (`formContext.formData`
 * and the validator's `formData`). Every storage field takes the same names,
 * so a template sets them once per field only when it departs from these.
 */
const neighbourOptions = (z: Zod) => ({
  entityField: z
    .string()
    .optional()
    .describe('Field holding the owner entity reference (default entityRef)'),
  workloadField: z
    .string()
    .optional()
    .describe('Field holding the workload type (default workload)'),
  offeringField: z
    .string()
    .optional()
    .describe('Field holding the offering id (default offering)'),
  sizeField: z
    .string()
    .optional()
    .describe('Field holding the size (default size)'),
  accessModeField: z
    .string()
    .optional()
    .describe('Field holding the access mode (default accessMode)'),
  clusterNamespaceField: z
    .string()
    .optional()
    .describe(
      'Field holding { cluster, namespace } (default: the first such answer)',
    ),
  claimNameField: z
    .string()
    .optional()
    .describe('Field holding the claim name (default claimName)'),
  snapshotField: z
    .string()
    .optional()
    .describe('Field holding the snapshot to restore (default snapshot)'),
  volumeField: z
    .string()
    .optional()
    .describe('Field holding the existing volume id (default volumeId)'),
});

/** `StorageOfferingPicker`: an offering id. */
export const StorageOfferingPickerFieldSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z =>
    z.object({
      ...neighbourOptions(z),
      drivers: z
        .array(z.enum(nonEmpty<DriverId>(DRIVER_IDS)))
        .optional()
        .describe('Offer only these drivers, e.g. [efs] or [s3]'),
    }),
});

/** `StorageSizePicker`: a Kubernetes quantity such as 20Gi. */
export const StorageSizePickerFieldSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z => z.object(neighbourOptions(z)),
});

/** `StorageAccessModePicker`: one of the chosen offering's access modes. */
export const StorageAccessModePickerFieldSchema = makeFieldSchema({
  output: z => z.enum(nonEmpty<AccessMode>(ACCESS_MODES)),
  uiOptions: z => z.object(neighbourOptions(z)),
});

/** `StorageClusterNamespacePicker`: where the claim lives. */
export const StorageClusterNamespacePickerFieldSchema = makeFieldSchema({
  output: z =>
    z.object({
      cluster: z.string().describe('A cluster that serves the offering'),
      namespace: z.string().describe("One of the entity's namespaces"),
    }),
  uiOptions: z => z.object(neighbourOptions(z)),
});

/** `StorageSnapshotPicker`: a ready VolumeSnapshot of the entity, or nothing. */
export const StorageSnapshotPickerFieldSchema = makeFieldSchema({
  output: z => z.string().optional(),
  uiOptions: z => z.object(neighbourOptions(z)),
});

/** `StorageExistingVolumePicker`: one of the offering's existing volumes. */
export const StorageExistingVolumePickerFieldSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z => z.object(neighbourOptions(z)),
});

/** `StorageJustificationField`: why, when policy asks for approval. */
export const StorageJustificationFieldSchema = makeFieldSchema({
  output: z => z.string().optional(),
  uiOptions: z => z.object(neighbourOptions(z)),
});

/** The `ui:options` every storage field reads. */
export type StorageFieldUiOptions = NonNullable<
  (typeof StorageSizePickerFieldSchema.TProps.uiSchema)['ui:options']
>;
export type StorageOfferingPickerUiOptions = NonNullable<
  (typeof StorageOfferingPickerFieldSchema.TProps.uiSchema)['ui:options']
>;
