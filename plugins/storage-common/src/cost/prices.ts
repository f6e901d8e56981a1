import { z } from 'zod';

const perMonth = z.number().nonnegative();

/** Storage list prices in USD per month; config (`storage.prices`) may override any of them. */
export const priceTableSchema = z.object({
  region: z.string(),
  currency: z.literal('USD').default('USD'),
  /** When these prices were read from the AWS price list (YYYY-MM-DD). */
  effectiveDate: z.string(),
  ebs: z.object({
    gp3: z.object({
      perGiBMonth: perMonth,
      perIopsMonth: perMonth,
      perMiBpsMonth: perMonth,
    }),
    gp2: z.object({ perGiBMonth: perMonth }),
    io1: z.object({ perGiBMonth: perMonth, perIopsMonth: perMonth }),
    io2: z.object({
      perGiBMonth: perMonth,
      /** IOPS tiers, cheapest last; `upTo` null for the open-ended tier. */
      iopsTiers: z
        .array(
          z.object({
            upTo: z.number().positive().nullable(),
            perIopsMonth: perMonth,
          }),
        )
        .min(1),
    }),
    st1: z.object({ perGiBMonth: perMonth }),
    sc1: z.object({ perGiBMonth: perMonth }),
    standard: z.object({ perGiBMonth: perMonth }),
  }),
  efs: z.object({ standardPerGiBMonth: perMonth }),
  /** Per GiB-month by `DEPLOYMENT_TYPE` or `DEPLOYMENT_TYPE/STORAGE/throughput` (e.g. `PERSISTENT_2/SSD/250`). */
  fsxLustre: z.record(z.string(), perMonth),
  s3: z.object({ standardPerGiBMonth: perMonth }),
  ontap: z.object({ ssdPerGiBMonth: perMonth }),
});

export type PriceTable = z.output<typeof priceTableSchema>;

/** us-east-1 list prices (on-demand, 2025). */
export const DEFAULT_PRICES: PriceTable = {
  region: 'us-east-1',
  currency: 'USD',
  effectiveDate: '2025-06-01',
  ebs: {
    gp3: { perGiBMonth: 0.08, perIopsMonth: 0.005, perMiBpsMonth: 0.04 },
    gp2: { perGiBMonth: 0.1 },
    io1: { perGiBMonth: 0.125, perIopsMonth: 0.065 },
    io2: {
      perGiBMonth: 0.125,
      iopsTiers: [
        { upTo: 32000, perIopsMonth: 0.065 },
        { upTo: 64000, perIopsMonth: 0.0455 },
        { upTo: null, perIopsMonth: 0.03185 },
      ],
    },
    st1: { perGiBMonth: 0.045 },
    sc1: { perGiBMonth: 0.015 },
    standard: { perGiBMonth: 0.05 },
  },
  efs: { standardPerGiBMonth: 0.3 },
  fsxLustre: {
    SCRATCH_1: 0.14,
    SCRATCH_2: 0.14,
    'PERSISTENT_1/SSD/50': 0.145,
    'PERSISTENT_1/SSD/100': 0.21,
    'PERSISTENT_1/SSD/200': 0.29,
    'PERSISTENT_1/HDD/12': 0.025,
    'PERSISTENT_1/HDD/40': 0.083,
    'PERSISTENT_2/SSD/125': 0.145,
    'PERSISTENT_2/SSD/250': 0.21,
    'PERSISTENT_2/SSD/500': 0.34,
    'PERSISTENT_2/SSD/1000': 0.6,
  },
  s3: { standardPerGiBMonth: 0.023 },
  ontap: { ssdPerGiBMonth: 0.125 },
};

/** Deep-merges a partial override (from config) onto the defaults, then validates it. */
export function resolvePrices(override: unknown): {
  prices: PriceTable;
  errors: string[];
} {
  const merged = mergeDeep(DEFAULT_PRICES, override);
  const parsed = priceTableSchema.safeParse(merged);
  if (parsed.success) return { prices: parsed.data, errors: [] };
  return {
    prices: DEFAULT_PRICES,
    errors: parsed.error.issues.map(
      issue => `storage.prices.${issue.path.join('.')}: ${issue.message}`,
    ),
  };
}

function mergeDeep(base: unknown, override: unknown): unknown {
  if (override === undefined || override === null) return base;
  if (
    typeof base !== 'object' ||
    base === null ||
    Array.isArray(base) ||
    typeof override !== 'object' ||
    Array.isArray(override)
  ) {
    return override;
  }
  const result: Record<string, unknown> = {
    ...(base as Record<string, unknown>),
  };
  for (const [key, value] of Object.entries(
    override as Record<string, unknown>,
  )) {
    result[key] = mergeDeep(result[key], value);
  }
  return result;
}
