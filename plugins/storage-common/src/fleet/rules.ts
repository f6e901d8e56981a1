import { z } from 'zod';

const fraction = z.number().min(0).max(1);
const days = z.number().positive();

/**
 * The platform's fleet rules (config `storage.fleet`): what compliance
 * requires and the thresholds of waste, usage, backup and expiry findings.
 * Every key is optional; `parseFleetRules` fills in the defaults.
 */
export const fleetRulesSchema = z.object({
  compliance: z
    .object({
      ebs: z
        .object({
          /** EBS classes and volumes must set `encrypted: "true"`. */
          requireEncryption: z.boolean().default(true),
          /** …and name a customer managed key (`kmsKeyId`). */
          requireKmsKey: z.boolean().default(false),
          /** When set, the only KMS keys (ARNs) allowed. */
          allowedKmsKeys: z.array(z.string().min(1)).optional(),
          /**
           * The AWS accounts turn on EBS encryption by default, so a volume
           * without `encrypted` is encrypted with the account's default key.
           */
          encryptedByDefault: z.boolean().default(false),
        })
        .prefault({}),
      efs: z
        .object({
          /** EFS mounts must be encrypted in transit (TLS). */
          requireTls: z.boolean().default(true),
        })
        .prefault({}),
    })
    .prefault({}),
  waste: z
    .object({
      /** A Bound claim no pod mounted for this many days is unused. */
      unusedClaimDays: days.default(14),
    })
    .prefault({}),
  usage: z
    .object({
      /** Suggest a resize above this share in use. */
      resizeAbove: fraction.default(0.8),
      /** Suggest shrinking when every sample of the window is below this share. */
      shrinkBelow: fraction.default(0.2),
      /** The window the low usage must last. */
      shrinkAfterDays: days.default(7),
      /** A resize grows to the size that puts usage back at this share. */
      targetUsage: fraction.default(0.6),
    })
    .prefault({}),
  backups: z
    .object({
      /** Production claims need a ready snapshot newer than this. */
      maxAgeDays: days.default(1),
      /** Entity lifecycles held to the backup rule. */
      productionLifecycles: z.array(z.string()).default(['production']),
    })
    .prefault({}),
  expiry: z
    .object({
      /** Warn the owner this many hours before a claim expires. */
      warnBeforeHours: z.number().nonnegative().default(24),
    })
    .prefault({}),
});

export type FleetRules = z.output<typeof fleetRulesSchema>;
export type FleetRulesInput = z.input<typeof fleetRulesSchema>;

export const DEFAULT_FLEET_RULES: FleetRules = fleetRulesSchema.parse({});

/** Parses `storage.fleet` from config; on errors the defaults, and each error by path. */
export function parseFleetRules(value: unknown): {
  rules: FleetRules;
  errors: string[];
} {
  const parsed = fleetRulesSchema.safeParse(value ?? {});
  if (parsed.success) return { rules: parsed.data, errors: [] };
  return {
    rules: DEFAULT_FLEET_RULES,
    errors: parsed.error.issues.map(
      issue => `storage.fleet.${issue.path.join('.')}: ${issue.message}`,
    ),
  };
}
