import { Response } from 'express';
import {
  ClaimsResponse,
  CostEstimate,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1StorageClass } from '@kubernetes/client-node';
import { ClaimSummary } from '../../tracker/claimView';

/** About 32,000 claims' JSON: the claims of the entities viewed lately. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const COMMA = Buffer.from(',');

interface Kept {
  storageClass?: V1StorageClass;
  json: Buffer;
}

/**
 * Each listed claim's JSON with its cost, as UTF-8 bytes, kept while its
 * summary (the tracker replaces a summary whenever the claim changes) and
 * its class are the same objects. An entity's list is asked for on every
 * page view and refreshed on every signal, and most of its claims have not
 * changed since the last view: with 250 claims, serializing, encoding and
 * pricing them again was most of an answer's time. The least recently
 * listed are dropped past `maxBytes`, so the claims of entities nobody
 * looks at cost no memory.
 */
export class ClaimJsonCache {
  private readonly kept = new Map<ClaimSummary, Kept>();
  private bytes = 0;

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  /**
   * The claim as the list shows it (`{...claim, cost, ...extras}`), as
   * JSON: extras (usage, expiry) change apart from the claim and are added
   * to the kept bytes.
   */
  itemJson(
    claim: ClaimSummary,
    storageClass: V1StorageClass | undefined,
    costOf: () => CostEstimate | undefined,
    extras: object,
  ): Buffer {
    let kept = this.kept.get(claim);
    if (kept) this.forget(claim, kept);
    if (!kept || kept.storageClass !== storageClass) {
      kept = {
        storageClass,
        json: Buffer.from(JSON.stringify({ ...claim, cost: costOf() })),
      };
    }
    // Map order is use order: the first entry is the least recently used.
    this.kept.set(claim, kept);
    this.bytes += kept.json.length;
    for (const [oldest, entry] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest, entry);
    }
    const more = JSON.stringify(extras);
    // Two objects' texts `{…}` and `{…}` join as `{…,…}` (no extra shares
    // a name with the claim's fields).
    return more === '{}'
      ? kept.json
      : Buffer.concat([
          kept.json.subarray(0, -1),
          COMMA,
          Buffer.from(more.slice(1)),
        ]);
  }

  /** The bytes kept, for tests. */
  get size(): number {
    return this.bytes;
  }

  private forget(claim: ClaimSummary, kept: Kept) {
    this.kept.delete(claim);
    this.bytes -= kept.json.length;
  }
}

/** Sends an entity's claim list whose items are JSON already. */
export function replyWithClaimItems(
  res: Response,
  items: Buffer[],
  rest: Omit<ClaimsResponse, 'items'>,
): void {
  const others = JSON.stringify(rest);
  const parts: Buffer[] = [Buffer.from('{"items":[')];
  items.forEach((item, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(item);
  });
  parts.push(
    Buffer.from(`]${others === '{}' ? '' : `,${others.slice(1, -1)}`}}`),
  );
  res.status(200).type('application/json').send(Buffer.concat(parts));
}
