import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { STORAGE_CLAIM_RESOURCE_TYPE } from '@eks-storage/backstage-plugin-storage-common';
import { z } from 'zod';

/** What permission rules see of a claim: the entity it belongs to. */
export interface StorageClaimResource {
  entityRef: string;
  /** The entity's owners (user and group refs). */
  ownerRefs: string[];
}

/** Criteria for lists of claims: claims whose entity has one of these owners. */
export interface StorageClaimQuery {
  ownerRefs: string[];
}

export const storageClaimResourceRef = createPermissionResourceRef<
  StorageClaimResource,
  StorageClaimQuery
>().with({ pluginId: 'storage', resourceType: STORAGE_CLAIM_RESOURCE_TYPE });

/** Allows claims of entities owned by one of the given users or groups. */
export const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    'Allow claims of entities owned by one of the given users or groups',
  resourceRef: storageClaimResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe("User and group refs, usually the caller's ownership refs"),
  }),
  apply: (resource, { claims }) =>
    resource.ownerRefs.some(owner => claims.includes(owner)),
  toQuery: ({ claims }) => ({ ownerRefs: claims }),
});

export const storageClaimRules = { isEntityOwner };

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: storageClaimResourceRef,
  rules: storageClaimRules,
});

/**
 * Conditions for storage claim permissions, for use in a permission policy:
 * `createStorageClaimConditionalDecision(permission, storageClaimConditions.isEntityOwner({ claims }))`.
 *
 * @public
 */
export const storageClaimConditions = conditions;

/** @public */
export const createStorageClaimConditionalDecision = createConditionalDecision;
