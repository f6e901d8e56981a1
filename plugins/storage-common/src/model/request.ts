import { z } from 'zod';
import {
  accessModeSchema,
  quantitySchema,
  volumeModeSchema,
  workloadSchema,
} from './offering';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isLabelValue,
  parseEntityRef,
} from './names';

const claimNameSchema = z.string().refine(isDns1123Subdomain, {
  message:
    'must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
});
const namespaceSchema = z.string().refine(isDns1123Label, {
  message:
    'must be a DNS-1123 label: lower-case letters, digits and "-", at most 63 characters',
});
const entityRefSchema = z
  .string()
  .refine(value => parseEntityRef(value) !== undefined, {
    message: 'must be an entity reference such as component:default/payments',
  });

/** Where the data of a new claim comes from. */
export const volumeSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('new') }),
  /** Restore from a VolumeSnapshot in the same namespace. */
  z.object({ type: z.literal('snapshot'), snapshotName: claimNameSchema }),
  /** Clone of a PVC in the same namespace. */
  z.object({ type: z.literal('clone'), claimName: claimNameSchema }),
  /**
   * A pre-existing volume (static provisioning): EBS `vol-…`, EFS
   * `fs-…[::fsap-…]`, an S3 bucket name, an FSx file system `fs-…`.
   */
  z.object({
    type: z.literal('existing'),
    volumeId: z.string().min(1).max(255),
    /** EBS: the volume's AZ, so pods are scheduled next to it. */
    zone: z.string().max(32).optional(),
    /** FSx for Lustre: the file system's DNS name and mount name. */
    dnsName: z.string().max(253).optional(),
    mountName: z.string().max(64).optional(),
    /**
     * S3: the few Mountpoint options a requester may add (`prefix logs/`,
     * `allow-delete`, `allow-overwrite`); the rest come from the offering.
     */
    mountOptions: z.array(z.string().max(128)).max(16).optional(),
  }),
]);
export type VolumeSource = z.infer<typeof volumeSourceSchema>;

const requestBase = {
  /** Set by the backend when the request is stored; becomes the request-id label. */
  requestId: z
    .string()
    .min(1, { message: 'must not be empty' })
    .refine(isLabelValue, {
      message: 'must be a valid label value (at most 63 characters)',
    })
    .optional(),
  entityRef: entityRefSchema,
  /**
   * The `backstage.io/kubernetes-id` label the claim carries. The backend
   * sets it from the entity's annotation; the entity's name by default.
   */
  kubernetesId: z
    .string()
    .refine(isLabelValue, {
      message: 'must be a valid label value (at most 63 characters)',
    })
    .optional(),
  cluster: z.string().min(1),
  namespace: namespaceSchema,
  claimName: claimNameSchema,
  justification: z.string().max(2000).optional(),
};

const newClaimFields = {
  ...requestBase,
  offering: z.string().min(1),
  size: quantitySchema,
  accessMode: accessModeSchema,
  volumeMode: volumeModeSchema.default('Filesystem'),
  workload: workloadSchema.optional(),
  /** ISO 8601 date-time after which the claim may be cleaned up. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
};

export const createRequestSchema = z.object({
  operation: z.literal('create'),
  ...newClaimFields,
  source: volumeSourceSchema.default({ type: 'new' }),
});

/** Restore is a new claim whose data comes from a VolumeSnapshot. */
export const restoreRequestSchema = z.object({
  operation: z.literal('restore'),
  ...newClaimFields,
  snapshotName: claimNameSchema,
});

export const resizeRequestSchema = z.object({
  operation: z.literal('resize'),
  ...requestBase,
  size: quantitySchema,
});

export const snapshotRequestSchema = z.object({
  operation: z.literal('snapshot'),
  ...requestBase,
  snapshotName: claimNameSchema,
  volumeSnapshotClassName: claimNameSchema.optional(),
});

export const deleteRequestSchema = z.object({
  operation: z.literal('delete'),
  ...requestBase,
  /** The claim's name again: deleting destroys data, whichever route asks. */
  confirm: z.string().max(253).optional(),
});

/** Every change to storage is a request: create, restore, resize, snapshot, delete. */
export const storageRequestSchema = z.discriminatedUnion('operation', [
  createRequestSchema,
  restoreRequestSchema,
  resizeRequestSchema,
  snapshotRequestSchema,
  deleteRequestSchema,
]);

export type StorageRequest = z.output<typeof storageRequestSchema>;
export type StorageRequestInput = z.input<typeof storageRequestSchema>;
export type CreateRequest = z.output<typeof createRequestSchema>;
export type RestoreRequest = z.output<typeof restoreRequestSchema>;
export type ResizeRequest = z.output<typeof resizeRequestSchema>;
export type SnapshotRequest = z.output<typeof snapshotRequestSchema>;
export type DeleteRequest = z.output<typeof deleteRequestSchema>;
export type RequestOperation = StorageRequest['operation'];
/** Every operation a request can ask for, in the order the UI lists them. */
export const REQUEST_OPERATIONS = [
  'create',
  'restore',
  'resize',
  'snapshot',
  'delete',
] as const satisfies readonly RequestOperation[];
/** Requests that create a claim. */
export type NewClaimRequest = CreateRequest | RestoreRequest;

export function isNewClaimRequest(
  request: StorageRequest,
): request is NewClaimRequest {
  return request.operation === 'create' || request.operation === 'restore';
}

/** The source of a new claim, with restore folded into a snapshot source. */
export function sourceOf(request: NewClaimRequest): VolumeSource {
  return request.operation === 'restore'
    ? { type: 'snapshot', snapshotName: request.snapshotName }
    : request.source;
}
