/**
 * Expiry: claims (or requests) with an `expiresAt` — whom to warn a day
 * before, what to expire now, and what is coming.
 */
import { timeOf } from '../diagnosis/facts';
import { EXPIRES_AT_ANNOTATION } from '../model/annotations';
import { stringRecord } from '../validation/findings';
import {
  HOUR_MS,
  instantMs,
  isoAt,
  kubernetesIdOf,
  labelsOf,
  nameOf,
  namespaceOf,
  objectsOf,
} from './objects';
import { FleetRules } from './rules';
import { ClusterStorage, Instant } from './types';

/** Anything that expires: a request or a claim. */
export interface ExpiringItem {
  /** ISO 8601; items without a valid time never expire. */
  expiresAt?: string;
  /** When the owner was last warned about this expiry (ISO 8601). */
  warnedAt?: string;
}

export interface ExpiryPlan<T extends ExpiringItem> {
  /** Expire within the warning window and not yet warned for this expiry: warn the owner now. */
  warn: T[];
  /** expiresAt has passed: delete through the request workflow. */
  expire: T[];
  /** Not yet expired, soonest first. */
  upcoming: T[];
}

/**
 * Sorts items by what their `expiresAt` asks at `now`. A warning counts for
 * the expiry it was given for: one given before the window opened (the expiry
 * was moved later since) does not count.
 */
export function planExpiry<T extends ExpiringItem>(
  items: readonly T[],
  now: Instant,
  rules: FleetRules,
): ExpiryPlan<T> {
  const plan: ExpiryPlan<T> = { warn: [], expire: [], upcoming: [] };
  const nowMs = instantMs(now);
  if (nowMs === undefined || !Array.isArray(items)) return plan;
  const windowMs = rules.expiry.warnBeforeHours * HOUR_MS;
  const timed = items
    .map(item => ({ item, at: timeOf(item?.expiresAt) }))
    .filter((e): e is { item: T; at: number } => e.at !== undefined)
    .sort((a, b) => a.at - b.at);
  for (const { item, at } of timed) {
    if (at <= nowMs) {
      plan.expire.push(item);
      continue;
    }
    plan.upcoming.push(item);
    const windowOpens = at - windowMs;
    const warned = timeOf(item.warnedAt);
    if (
      nowMs >= windowOpens &&
      (warned === undefined || warned < windowOpens)
    ) {
      plan.warn.push(item);
    }
  }
  return plan;
}

/** A claim that carries the expiry annotation. */
export interface ExpiringClaim extends ExpiringItem {
  cluster: string;
  namespace: string;
  claim: string;
  expiresAt: string;
  kubernetesId?: string;
}

/** The claims of a cluster with a valid `storage.backstage.io/expires-at` annotation. */
export function expiringClaims(storage: ClusterStorage): ExpiringClaim[] {
  return objectsOf(storage?.persistentVolumeClaims).flatMap(pvc => {
    const at = timeOf(
      stringRecord(pvc.metadata?.annotations)[EXPIRES_AT_ANNOTATION],
    );
    if (at === undefined || pvc.metadata?.deletionTimestamp) return [];
    return [
      {
        cluster: storage.cluster,
        namespace: namespaceOf(pvc),
        claim: nameOf(pvc),
        expiresAt: isoAt(at),
        kubernetesId: kubernetesIdOf(labelsOf(pvc)),
      },
    ];
  });
}
