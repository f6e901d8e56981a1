import { InputError } from '@backstage/errors';
import { Request } from 'express';
import { z } from 'zod';

/**
 * The wire shape of a storage request: every field's type and length,
 * checked before anything reads, stringifies, logs or audits a value.
 * What the values mean (names, sizes, offerings) is the validator's job.
 */
const text = (max: number) => z.string().max(max);

const sourceShape = z
  .object({
    type: text(16),
    snapshotName: text(253).optional(),
    claimName: text(253).optional(),
    volumeId: text(255).optional(),
    zone: text(32).optional(),
    dnsName: text(253).optional(),
    mountName: text(64).optional(),
    mountOptions: z.array(text(128)).max(16).optional(),
  })
  .strict();

export const requestInputShape = z
  .object({
    operation: text(16),
    requestId: z.string().min(1).max(63).optional(),
    entityRef: text(512),
    kubernetesId: text(63).optional(),
    cluster: text(253),
    namespace: text(253),
    claimName: text(253),
    justification: text(2000).optional(),
    offering: text(63).optional(),
    size: text(32).optional(),
    accessMode: text(32).optional(),
    volumeMode: text(32).optional(),
    workload: text(32).optional(),
    expiresAt: text(64).optional(),
    source: sourceShape.optional(),
    snapshotName: text(253).optional(),
    volumeSnapshotClassName: text(253).optional(),
    confirm: text(253).optional(),
  })
  .strict();

export type RequestInput = z.infer<typeof requestInputShape>;

const common = {
  requestId: requestInputShape.shape.requestId,
  justification: requestInputShape.shape.justification,
};

/** The bodies of the day-2 routes on a claim, by action. */
export const claimActionShapes = {
  resize: z.object({ ...common, size: text(32) }).strict(),
  snapshot: z
    .object({
      ...common,
      snapshotName: text(253).optional(),
      volumeSnapshotClassName: text(253).optional(),
    })
    .strict(),
  restore: z
    .object({
      ...common,
      snapshotName: text(253),
      claimName: text(253),
      size: text(32).optional(),
      offering: text(63).optional(),
      accessMode: text(32).optional(),
    })
    .strict(),
  delete: z.object({ ...common, confirm: text(253).optional() }).strict(),
} as const;

export type ClaimActionName = keyof typeof claimActionShapes;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** One issue in plain words, naming the field. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.map(String);
  const field = path.length ? path.join('.') : 'the body';
  switch (issue.code) {
    case 'invalid_type': {
      let value: any = input;
      for (const key of issue.path) value = value?.[key as any];
      return value === undefined
        ? `${field} is required`
        : `${field} must be ${
            issue.expected === 'string' ? 'a string' : `a ${issue.expected}`
          }, not ${typeName(value)}`;
    }
    case 'too_big':
      return issue.origin === 'array'
        ? `${field} has more than ${issue.maximum} entries`
        : `${field} is longer than ${issue.maximum} characters`;
    case 'too_small':
      return `${field} must not be empty`;
    case 'unrecognized_keys': {
      const prefix = path.length ? `${path.join('.')}.` : '';
      const key = String(issue.keys[0]).slice(0, 64);
      return `${prefix}${JSON.stringify(key)} is not a field of ${
        path.length ? field : 'a storage request'
      }: remove it`;
    }
    default:
      return `${field}: ${issue.message}`;
  }
}

/** Parses a body against a shape, or throws a 400 naming the first bad field. */
export function parseShape<T extends z.ZodType>(
  shape: T,
  body: unknown,
): z.infer<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The body must be a JSON object');
  }
  const parsed = shape.safeParse(body);
  if (!parsed.success) {
    throw new InputError(describeIssue(parsed.error.issues[0], body));
  }
  return parsed.data;
}

/** A query parameter that must be one string, or absent. */
export function queryText(
  req: Request,
  name: string,
  max = 512,
): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${name} must be given once, as text`);
  }
  if (value.length > max) {
    throw new InputError(`${name} is longer than ${max} characters`);
  }
  return value;
}

/** A query parameter that may repeat; each value text. */
export function queryList(req: Request, name: string): string[] {
  const value = req.query[name];
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  if (values.some(v => typeof v !== 'string') || values.length > 20) {
    throw new InputError(`${name} must be text, given at most 20 times`);
  }
  return (values as string[]).flatMap(v => v.split(',')).filter(Boolean);
}
