import { InputError } from '@backstage/errors';
import {
  DRIVER_IDS,
  DriverId,
} from '@eks-storage/backstage-plugin-storage-common';
import { z } from 'zod';

/** The console's claim filters, as the query string spells them. */
export interface FleetClaimFilter {
  team?: string;
  system?: string;
  entity?: string;
  cluster?: string;
  namespace?: string;
  driver?: DriverId;
  offering?: string;
  storageClass?: string;
  state?: string;
  owned?: boolean;
  minAgeDays?: number;
  maxAgeDays?: number;
  /** Percent, 0–100. */
  usageAbove?: number;
  usageBelow?: number;
  limit: number;
  offset: number;
}

export const CLAIM_STATES = [
  'provisioning',
  'waiting-for-consumer',
  'bound',
  'resizing',
  'resize-pending-restart',
  'failed',
  'lost',
  'terminating',
  'released',
  'available',
] as const;

const number = (what: string, min: number, max: number) =>
  z.coerce
    .number({ message: `must be ${what}` })
    .refine(value => Number.isFinite(value) && value >= min && value <= max, {
      message: `must be ${what} from ${min} to ${max}`,
    });

const text = z.string().trim().min(1, { message: 'must not be empty' });

const claimFilterSchema = z
  .object({
    team: text.optional(),
    system: text.optional(),
    entity: text.optional(),
    cluster: text.optional(),
    namespace: text.optional(),
    driver: z
      .enum(DRIVER_IDS as [DriverId, ...DriverId[]], {
        message: `must be one of ${DRIVER_IDS.join(', ')}`,
      })
      .optional(),
    offering: text.optional(),
    storageClass: text.optional(),
    state: z
      .enum(CLAIM_STATES, {
        message: `must be one of ${CLAIM_STATES.join(', ')}`,
      })
      .optional(),
    owned: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .transform(value => value === 'true')
      .optional(),
    minAgeDays: number('a number of days', 0, 36500).optional(),
    maxAgeDays: number('a number of days', 0, 36500).optional(),
    usageAbove: number('a percentage', 0, 100).optional(),
    usageBelow: number('a percentage', 0, 100).optional(),
    limit: number('a whole number', 1, 5000)
      .refine(Number.isInteger, { message: 'must be a whole number' })
      .default(500),
    offset: number('a whole number', 0, 1_000_000)
      .refine(Number.isInteger, { message: 'must be a whole number' })
      .default(0),
  })
  .strict();

/**
 * Parses a query with a schema; a bad value is a 400 naming the field and
 * what it must be, e.g. `minAgeDays must be a number of days from 0 to 36500`.
 */
function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    throw new InputError(
      `${issue.keys.join(', ')}: not a filter of this route`,
    );
  }
  throw new InputError(`${issue.path.join('.')} ${issue.message}`);
}

export function parseClaimFilter(query: unknown): FleetClaimFilter {
  const filter = parseQuery(claimFilterSchema, query);
  if (
    filter.minAgeDays !== undefined &&
    filter.maxAgeDays !== undefined &&
    filter.minAgeDays > filter.maxAgeDays
  ) {
    throw new InputError('minAgeDays must not be above maxAgeDays');
  }
  return filter;
}

export function parseHistoryDays(query: unknown): number {
  return parseQuery(
    z
      .object({
        days: number('a number of days', 1, 365).default(30),
      })
      .strict(),
    query,
  ).days;
}
