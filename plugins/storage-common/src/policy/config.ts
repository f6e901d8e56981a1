import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { REQUEST_OPERATIONS } from '../model/request';
import { driverIdSchema, quantitySchema } from '../model/offering';
import { parseQuantity } from '../quantity';
import { OWNER_APPROVER } from './types';

/** Pending requests expire after this long unless configured (7 days). */
export const DEFAULT_PENDING_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;

/** A group or user ref, spelled in full (`group:default/platform-team`). */
function normalizeApprover(value: string): string | undefined {
  if (value === OWNER_APPROVER) return value;
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    const kind = ref.kind.toLocaleLowerCase('en-US');
    if (kind !== 'group' && kind !== 'user') return undefined;
    return stringifyEntityRef({ ...ref, kind });
  } catch {
    return undefined;
  }
}

/** An owner ref as the catalog spells it: a group unless the kind says otherwise. */
export function normalizeOwnerRef(
  value: string,
  defaultNamespace = 'default',
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: 'group', defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

const approverSchema = z.string().transform((value, ctx) => {
  const normalized = normalizeApprover(value.trim());
  if (!normalized) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" must be "owner" or a group or user reference such as group:default/platform-team`,
    });
    return z.NEVER;
  }
  return normalized;
});

const ownerSchema = z.string().transform((value, ctx) => {
  const normalized = normalizeOwnerRef(value.trim());
  if (!normalized) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" must be an owner reference such as group:default/payments`,
    });
    return z.NEVER;
  }
  return normalized;
});

const nonEmptyStrings = z.array(z.string().min(1)).min(1);

function range<T extends z.ZodTypeAny>(bound: T) {
  return z
    .object({ min: bound.optional(), max: bound.optional() })
    .strict()
    .refine(r => r.min !== undefined || r.max !== undefined, {
      message: 'must set min, max or both',
    });
}

const sizeRange = range(quantitySchema).refine(
  r =>
    r.min === undefined ||
    r.max === undefined ||
    parseQuantity(r.min)! <= parseQuantity(r.max)!,
  { message: 'min must not be above max' },
);
const usdRange = range(z.number().nonnegative()).refine(
  r => r.min === undefined || r.max === undefined || r.min <= r.max,
  { message: 'min must not be above max' },
);

/**
 * What a rule matches. Every condition given must hold; a list matches any
 * of its values; `*` in cluster and namespace names matches any characters.
 * Size applies to requests that name one (create, restore, resize); growth
 * and cost growth to resizes; cost to requests with a monthly total
 * (storage billed by use has none, so a cost condition never matches it).
 */
const matchSchema = z
  .object({
    operations: z.array(z.enum(REQUEST_OPERATIONS)).min(1).optional(),
    offerings: nonEmptyStrings.optional(),
    drivers: z.array(driverIdSchema).min(1).optional(),
    clusters: nonEmptyStrings.optional(),
    namespaces: nonEmptyStrings.optional(),
    /** The entity's owner (spec.owner), as group or user refs. */
    owners: z.array(ownerSchema).min(1).optional(),
    /** The entity's spec.lifecycle (production, experimental, …). */
    lifecycles: nonEmptyStrings.optional(),
    size: sizeRange.optional(),
    /** Resizes: how much the claim grows. */
    growth: sizeRange.optional(),
    /** Estimated monthly cost in USD after the request. */
    monthlyCost: usdRange.optional(),
    /** Resizes: how much the estimated monthly cost grows, in USD. */
    costGrowth: usdRange.optional(),
  })
  .strict();

/** The outcome of a rule, or of the default when no rule matches. */
const outcomeShape = {
  outcome: z.enum(['auto-approve', 'require-approval', 'deny']),
  /**
   * Plain words shown with the decision (to the requester when denied),
   * e.g. "io2 above 500 GiB in eks-prod needs group:default/platform-team".
   */
  description: z.string().min(1).max(500).optional(),
  approvers: z.array(approverSchema).min(1).optional(),
  mode: z.enum(['any', 'all']).optional(),
  minApprovals: z.number().int().min(1).max(20).optional(),
};

const outcomeSchema = z
  .object(outcomeShape)
  .strict()
  .superRefine((outcome, ctx) => checkOutcome(outcome, ctx));

export const approvalRuleSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
        'must be lower-case letters, digits and hyphens',
      ),
    match: matchSchema.default({}),
    ...outcomeShape,
  })
  .strict()
  .superRefine((rule, ctx) => checkOutcome(rule, ctx));

function checkOutcome(
  value: {
    outcome: string;
    approvers?: string[];
    mode?: string;
    minApprovals?: number;
  },
  ctx: z.RefinementCtx,
) {
  if (value.outcome === 'require-approval') {
    if (!value.approvers) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: 'is required when the outcome is require-approval',
      });
    }
  } else {
    for (const field of ['approvers', 'mode', 'minApprovals'] as const) {
      if (value[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `only applies when the outcome is require-approval, not ${value.outcome}`,
        });
      }
    }
  }
}

export type ApprovalMatch = z.output<typeof matchSchema>;
export type ApprovalRule = z.output<typeof approvalRuleSchema>;
export type ApprovalOutcomeConfig = z.output<typeof outcomeSchema>;

/** Human durations as Backstage config spells them. */
const durationObjectSchema = z
  .object({
    weeks: z.number().nonnegative().optional(),
    days: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
    minutes: z.number().nonnegative().optional(),
    seconds: z.number().nonnegative().optional(),
    milliseconds: z.number().nonnegative().optional(),
  })
  .strict();

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds of an ISO 8601 duration (weeks to seconds) or a human duration object. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const m = ISO_DURATION.exec(value.trim());
    if (!m || value.trim() === 'P' || value.trim().endsWith('T')) {
      return undefined;
    }
    const [w, d, h, min, s] = m.slice(1).map(x => Number(x ?? 0));
    return w * 7 * DAY + d * DAY + h * HOUR + min * MINUTE + s * SECOND;
  }
  const parsed = durationObjectSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const {
    weeks = 0,
    days = 0,
    hours = 0,
    minutes = 0,
    seconds = 0,
    milliseconds = 0,
  } = parsed.data;
  return (
    weeks * 7 * DAY +
    days * DAY +
    hours * HOUR +
    minutes * MINUTE +
    seconds * SECOND +
    milliseconds
  );
}

const durationSchema = z.unknown().transform((value, ctx) => {
  const ms = durationMs(value);
  if (ms === undefined || ms <= 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be a positive duration such as { days: 7 } or an ISO 8601 duration such as P7D',
    });
    return z.NEVER;
  }
  return ms;
});

/** The approval policy as configured under `storage.approvals`. */
export interface ApprovalPolicy {
  rules: ApprovalRule[];
  /** The outcome when no rule matches. */
  default: ApprovalOutcomeConfig;
  /** How long a request waits for approval before it expires. */
  pendingTimeoutMs: number;
  /** When approvers are reminded: half-way to expiry. */
  reminderAfterMs: number;
  /**
   * Who approves what no rule covers but the backend finds needs a person
   * (an existing volume not offered to the entity's owners).
   */
  platformApprovers: string[];
}

/** Today's behaviour: everything valid is approved at once. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  rules: [],
  default: { outcome: 'auto-approve' },
  pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS,
  reminderAfterMs: DEFAULT_PENDING_TIMEOUT_MS / 2,
  platformApprovers: [],
};

function pathOf(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`,
    prefix,
  );
}

function issuesOf(prefix: string, error: z.ZodError): string[] {
  return error.issues.map(
    issue => `${pathOf(prefix, issue.path)}: ${issue.message}`,
  );
}

const PREFIX = 'storage.approvals';

/**
 * Parses the `storage.approvals` config, reporting every problem with its
 * place (`storage.approvals.rules[2].approvers[0]: …`). Without config,
 * the policy approves everything.
 */
export function parseApprovalPolicy(value: unknown): {
  policy: ApprovalPolicy;
  errors: string[];
} {
  if (value === undefined || value === null) {
    return { policy: DEFAULT_APPROVAL_POLICY, errors: [] };
  }
  const top = z
    .object({
      rules: z.array(z.unknown()).default([]),
      default: z.unknown().optional(),
      pendingTimeout: z.unknown().optional(),
      platformApprovers: z.unknown().optional(),
    })
    .strict()
    .safeParse(value);
  if (!top.success) {
    return {
      policy: DEFAULT_APPROVAL_POLICY,
      errors: issuesOf(PREFIX, top.error),
    };
  }
  const errors: string[] = [];
  const rules: ApprovalRule[] = [];
  const names = new Map<string, number>();
  top.data.rules.forEach((entry, index) => {
    const parsed = approvalRuleSchema.safeParse(entry);
    if (!parsed.success) {
      errors.push(...issuesOf(`${PREFIX}.rules[${index}]`, parsed.error));
      return;
    }
    const earlier = names.get(parsed.data.name);
    if (earlier !== undefined) {
      errors.push(
        `${PREFIX}.rules[${index}].name: "${parsed.data.name}" is already the name of rules[${earlier}]`,
      );
      return;
    }
    names.set(parsed.data.name, index);
    rules.push(parsed.data);
  });

  let defaultOutcome: ApprovalOutcomeConfig = DEFAULT_APPROVAL_POLICY.default;
  if (top.data.default !== undefined) {
    const parsed = outcomeSchema.safeParse(top.data.default);
    if (parsed.success) {
      defaultOutcome = parsed.data;
    } else {
      errors.push(...issuesOf(`${PREFIX}.default`, parsed.error));
    }
  }

  let pendingTimeoutMs = DEFAULT_PENDING_TIMEOUT_MS;
  if (top.data.pendingTimeout !== undefined) {
    const parsed = durationSchema.safeParse(top.data.pendingTimeout);
    if (parsed.success) {
      pendingTimeoutMs = parsed.data;
    } else {
      errors.push(...issuesOf(`${PREFIX}.pendingTimeout`, parsed.error));
    }
  }

  let platformApprovers: string[] = [];
  if (top.data.platformApprovers !== undefined) {
    const parsed = z
      .array(approverSchema)
      .refine(list => !list.includes(OWNER_APPROVER), {
        message: 'must name groups or users: "owner" means nothing here',
      })
      .safeParse(top.data.platformApprovers);
    if (parsed.success) {
      platformApprovers = parsed.data;
    } else {
      errors.push(...issuesOf(`${PREFIX}.platformApprovers`, parsed.error));
    }
  }

  return {
    policy: {
      rules,
      default: defaultOutcome,
      pendingTimeoutMs,
      reminderAfterMs: pendingTimeoutMs / 2,
      platformApprovers,
    },
    errors,
  };
}
