import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApprovalItem,
  PriceTable,
  StorageOffering,
  estimateMonthlyCost,
  storageRequestSchema,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import type { ApprovalApi } from '../approvals/ApprovalService';
import type { ApprovalState } from '../approvals/ApprovalStore';
import { StoredStorageRequest } from '../database/RequestStore';
import { ClaimTracker } from '../tracker/ClaimTracker';

export interface ApprovalViewOptions {
  catalog: CatalogService;
  approvals: Pick<ApprovalApi, 'actionsFor'>;
  tracker: ClaimTracker;
  offerings: StorageOffering[];
  prices: PriceTable;
}

/**
 * What the approval pages show of a request: who may do what with it (and
 * why not, as the approval service judges it), its cost before and after, the validator's remarks, and whose
 * entity it is.
 */
export function createApprovalView(options: ApprovalViewOptions) {
  const { catalog, approvals, tracker, offerings, prices } = options;

  /** An item of the approval queue. */
  async function itemOf(
    request: StoredStorageRequest,
    approval: ApprovalState,
    actor: { credentials: BackstageCredentials; userRef: string },
  ): Promise<ApprovalItem> {
    const parsed = storageRequestSchema.safeParse(request.spec);
    const offering = offerings.find(o => o.id === request.offeringId);
    const entity = await catalog
      .getEntityByRef(request.entityRef, { credentials: actor.credentials })
      .catch(() => undefined);
    const claim =
      request.operation === 'resize'
        ? tracker.getClaim(
            request.cluster,
            request.namespace,
            request.claimName,
          )
        : undefined;
    const previousSize = claim?.capacity ?? claim?.requested;
    const spec = parsed.success ? parsed.data : undefined;
    const sized =
      spec && offering && 'size' in spec
        ? { cost: estimateMonthlyCost(spec, offering, prices) }
        : {};
    return {
      request,
      approval,
      actions: await approvals.actionsFor(request.id, actor),
      entityOwner:
        typeof entity?.spec?.owner === 'string' ? entity.spec.owner : undefined,
      ...(previousSize && { previousSize }),
      ...sized,
      ...(spec &&
        offering &&
        previousSize &&
        spec.operation === 'resize' && {
          previousCost: estimateMonthlyCost(
            { ...spec, size: previousSize },
            offering,
            prices,
          ),
        }),
      findings: spec
        ? validateRequest(spec, offering).filter(f => f.severity !== 'error')
        : [],
    };
  }

  return { itemOf };
}
