import { z } from 'zod';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60 * 1000,
  h: 3600 * 1000,
  d: 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
};

const DURATION = /^(\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;

/**
 * Milliseconds of a duration written as Go and Kubernetes write them
 * (`90s`, `30m`, `24h`, `1h30m`), plus days and weeks (`7d`, `2w`);
 * undefined when malformed or not positive.
 */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    total += Number(amount) * UNIT_MS[unit];
  }
  return total > 0 && Number.isFinite(total) ? Math.round(total) : undefined;
}

/** A positive duration such as `24h` (see parseDuration). */
export const durationSchema = z
  .string()
  .refine(value => parseDuration(value) !== undefined, {
    message: 'must be a positive duration such as 30m, 24h, 7d or 1h30m',
  });
