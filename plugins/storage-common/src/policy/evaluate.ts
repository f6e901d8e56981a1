import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { GIB, parseQuantity } from '../quantity';
import type {
  ApprovalMatch,
  ApprovalOutcomeConfig,
  ApprovalPolicy,
} from './config';
import { normalizeOwnerRef } from './config';
import {
  OWNER_APPROVER,
  StorageRequestPolicyDecision,
  StorageRequestPolicyInput,
} from './types';

/** Sizes in the words of a person: `2 TiB`, `500 GiB`, `1.5 TiB`. */
export function formatSize(bytes: number): string {
  const units: Array<[string, number]> = [
    ['PiB', GIB * 1024 * 1024],
    ['TiB', GIB * 1024],
    ['GiB', GIB],
    ['MiB', 2 ** 20],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(bytes) >= size) {
      return `${Math.round((bytes / size) * 100) / 100} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

function formatUsd(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/** The entity's owners, spelled in full (`group:default/payments`). */
export function ownersOf(
  entity: StorageRequestPolicyInput['entity'],
): string[] {
  const related = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
  if (related.length) return [...new Set(related)];
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  const normalized =
    typeof owner === 'string'
      ? normalizeOwnerRef(owner, entity.metadata.namespace ?? 'default')
      : undefined;
  return normalized ? [normalized] : [];
}

/**
 * Replaces `owner` among approvers by the entity's owners. An entity
 * without an owner leaves nobody in its place.
 */
export function resolveApprovers(
  approvers: string[],
  entity: StorageRequestPolicyInput['entity'],
): string[] {
  const resolved = approvers.flatMap(a =>
    a === OWNER_APPROVER ? ownersOf(entity) : [a],
  );
  return [...new Set(resolved)];
}

function glob(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '.*')}$`);
}

function matchesName(patterns: string[], value: string): boolean {
  return patterns.some(p => glob(p).test(value));
}

function inRange(
  range: { min?: number; max?: number },
  value: number | undefined,
): boolean {
  if (value === undefined) return false;
  return (
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max)
  );
}

function bytesRange(range: { min?: string; max?: string }) {
  return {
    min: range.min === undefined ? undefined : parseQuantity(range.min),
    max: range.max === undefined ? undefined : parseQuantity(range.max),
  };
}

/** The numbers of a request that rules compare. */
interface Measures {
  size?: number;
  growth?: number;
  cost?: number;
  costGrowth?: number;
}

function measuresOf(input: StorageRequestPolicyInput): Measures {
  const { request, cost, previousCost, previousSize } = input;
  const size = 'size' in request ? parseQuantity(request.size) : undefined;
  const before =
    previousSize === undefined ? undefined : parseQuantity(previousSize);
  const total = cost?.totalMonthlyUsd;
  const totalBefore = previousCost?.totalMonthlyUsd;
  const resize = request.operation === 'resize';
  return {
    size,
    growth:
      resize && size !== undefined && before !== undefined
        ? size - before
        : undefined,
    cost: total,
    costGrowth:
      resize && total !== undefined && totalBefore !== undefined
        ? Math.round((total - totalBefore) * 100) / 100
        : undefined,
  };
}

/**
 * Whether a rule's conditions all hold, and the facts that made the
 * numeric ones hold (for the reason): undefined when the rule does not match.
 */
export function matchRule(
  match: ApprovalMatch,
  input: StorageRequestPolicyInput,
): string[] | undefined {
  const { request, offering, entity } = input;
  const m = measuresOf(input);
  if (match.operations && !match.operations.includes(request.operation)) {
    return undefined;
  }
  if (
    match.offerings &&
    !(offering && matchesName(match.offerings, offering.id))
  ) {
    return undefined;
  }
  if (match.drivers && !(offering && match.drivers.includes(offering.driver))) {
    return undefined;
  }
  if (match.clusters && !matchesName(match.clusters, request.cluster)) {
    return undefined;
  }
  if (match.namespaces && !matchesName(match.namespaces, request.namespace)) {
    return undefined;
  }
  if (match.owners) {
    const owners = ownersOf(entity);
    if (!match.owners.some(o => owners.includes(o))) return undefined;
  }
  if (match.lifecycles) {
    const lifecycle = (entity.spec as { lifecycle?: unknown } | undefined)
      ?.lifecycle;
    if (
      typeof lifecycle !== 'string' ||
      !match.lifecycles.includes(lifecycle)
    ) {
      return undefined;
    }
  }
  const facts: string[] = [];
  if (match.size) {
    if (!inRange(bytesRange(match.size), m.size)) return undefined;
    facts.push(`${formatSize(m.size!)} requested`);
  }
  if (match.growth) {
    if (!inRange(bytesRange(match.growth), m.growth)) return undefined;
    facts.push(`grows by ${formatSize(m.growth!)}`);
  }
  if (match.monthlyCost) {
    if (!inRange(match.monthlyCost, m.cost)) return undefined;
    facts.push(`estimated ${formatUsd(m.cost!)} a month`);
  }
  if (match.costGrowth) {
    if (!inRange(match.costGrowth, m.costGrowth)) return undefined;
    facts.push(`adds ${formatUsd(m.costGrowth!)} a month`);
  }
  return facts;
}

function headlineOf(
  outcome: ApprovalOutcomeConfig,
  approvers: string[],
  rule?: string,
): string {
  if (outcome.description) return outcome.description;
  const by = rule ? `Rule ${rule}` : 'No approval rule matched';
  switch (outcome.outcome) {
    case 'auto-approve':
      return `${by}: approved automatically`;
    case 'deny':
      return `${by}: denied`;
    default:
      return `${by}: needs approval by ${
        approvers.length
          ? approvers.join(outcome.mode === 'all' ? ' and ' : ' or ')
          : 'the owner'
      }`;
  }
}

function decisionOf(
  outcome: ApprovalOutcomeConfig,
  input: StorageRequestPolicyInput,
  rule: string | undefined,
  facts: string[],
): StorageRequestPolicyDecision {
  const approvers = resolveApprovers(outcome.approvers ?? [], input.entity);
  const headline = headlineOf(outcome, approvers, rule);
  const reason = facts.length ? `${headline}: ${facts.join(', ')}` : headline;
  const named = rule === undefined ? {} : { rule };
  switch (outcome.outcome) {
    case 'auto-approve':
      return { outcome: 'auto-approve', ...named, reason };
    case 'deny':
      return { outcome: 'deny', ...named, reason };
    default:
      if (approvers.length === 0) {
        // `owner` of an entity without one: nobody could ever approve.
        return {
          outcome: 'deny',
          ...named,
          reason: `${reason} (the entity has no owner to approve it: set spec.owner)`,
        };
      }
      return {
        outcome: 'require-approval',
        ...named,
        reason,
        approvers,
        mode: outcome.mode ?? 'any',
        ...(outcome.minApprovals !== undefined && {
          minApprovals: outcome.minApprovals,
        }),
      };
  }
}

/**
 * Decides a request by the configured rules, in order: the first rule whose
 * conditions all hold decides; without one, the default does. Pure and
 * total. `owner` among approvers becomes the entity's owning group.
 */
export function evaluateApprovalPolicy(
  policy: Pick<ApprovalPolicy, 'rules' | 'default'>,
  input: StorageRequestPolicyInput,
): StorageRequestPolicyDecision {
  for (const rule of policy.rules) {
    const facts = matchRule(rule.match, input);
    if (facts) {
      return decisionOf(rule, input, rule.name, facts);
    }
  }
  return decisionOf(policy.default, input, undefined, []);
}
