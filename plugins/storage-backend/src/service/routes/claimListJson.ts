import { Response } from 'express';
import {
  ClaimsResponse,
  CostEstimate,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1StorageClass } from '@kubernetes/client-node';
import { ClaimSummary } from '../../tracker/claimView';

/**
 * Each listed claim's JSON with its cost, kept while its summary (the
 * tracker replaces a summary whenever the claim changes) and its class
 * are the same objects. An entity's list is asked for on every page view
 * and refreshed on every signal: most of its claims have not changed
 * since the last view, so their JSON and cost are not built again (with
 * 250 claims, serializing and pricing them was most of an answer's time).
 */
export class ClaimJsonCache {
  private readonly kept = new WeakMap<
    ClaimSummary,
    { storageClass?: V1StorageClass; json: string }
  >();

  /**
   * The claim as the list shows it (`{...claim, cost, ...extras}`), as
   * JSON text: extras (usage, expiry) change apart from the claim and are
   * added to the kept text.
   */
  itemJson(
    claim: ClaimSummary,
    storageClass: V1StorageClass | undefined,
    costOf: () => CostEstimate | undefined,
    extras: object,
  ): string {
    let kept = this.kept.get(claim);
    if (!kept || kept.storageClass !== storageClass) {
      kept = {
        storageClass,
        json: JSON.stringify({ ...claim, cost: costOf() }),
      };
      this.kept.set(claim, kept);
    }
    const more = JSON.stringify(extras);
    // Two objects' texts `{…}` and `{…}` join as `{…,…}` (no extra shares
    // a name with the claim's fields).
    return more === '{}'
      ? kept.json
      : `${kept.json.slice(0, -1)},${more.slice(1)}`;
  }
}

/** Sends an entity's claim list whose items are JSON text already. */
export function replyWithClaimItems(
  res: Response,
  items: string[],
  rest: Omit<ClaimsResponse, 'items'>,
): void {
  const others = JSON.stringify(rest);
  res
    .status(200)
    .type('application/json')
    .send(
      `{"items":[${items.join(',')}]${
        others === '{}' ? '' : `,${others.slice(1, -1)}`
      }}`,
    );
}
