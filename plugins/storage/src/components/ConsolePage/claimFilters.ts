import { FleetClaimFilter } from '@eks-storage/backstage-plugin-storage-common';

/** The console's claim filters as the page's query string holds them. */
export interface ClaimFilterValues {
  team: string;
  system: string;
  entity: string;
  cluster: string;
  namespace: string;
  driver: string;
  offering: string;
  storageClass: string;
  state: string;
  /** '', 'true' or 'false'. */
  owned: string;
  minAgeDays: string;
  maxAgeDays: string;
  usageAbove: string;
  usageBelow: string;
}

export const CLAIM_FILTER_KEYS: readonly (keyof ClaimFilterValues)[] = [
  'team',
  'system',
  'entity',
  'cluster',
  'namespace',
  'driver',
  'offering',
  'storageClass',
  'state',
  'owned',
  'minAgeDays',
  'maxAgeDays',
  'usageAbove',
  'usageBelow',
];

/** States a claim (or a volume without one) can be listed by. */
export const CLAIM_STATES = [
  'bound',
  'provisioning',
  'waiting-for-consumer',
  'resizing',
  'resize-pending-restart',
  'failed',
  'lost',
  'terminating',
  'released',
  'available',
] as const;

/** How many rows the console asks for at once. */
export const CLAIMS_LIMIT = 500;

/** The filters in a query string; unknown parameters are ignored. */
export function filtersFromQuery(query: URLSearchParams): ClaimFilterValues {
  return Object.fromEntries(
    CLAIM_FILTER_KEYS.map(key => [key, query.get(key)?.trim() ?? '']),
  ) as unknown as ClaimFilterValues;
}

/** The query string of the filters that are set. */
export function queryFromFilters(
  filters: ClaimFilterValues,
): Record<string, string> {
  return Object.fromEntries(
    CLAIM_FILTER_KEYS.filter(key => filters[key].trim()).map(key => [
      key,
      filters[key].trim(),
    ]),
  );
}

const NUMBER = /^\d+(\.\d+)?$/;

const OWNED: Record<string, boolean | undefined> = {
  true: true,
  false: false,
};

/** A number typed into a filter, or undefined when the field is empty or not a number. */
function numberOf(text: string): number | undefined {
  return NUMBER.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The filters that are not numbers although they must be, by field. */
export function invalidNumbers(
  filters: ClaimFilterValues,
): (keyof ClaimFilterValues)[] {
  return (
    ['minAgeDays', 'maxAgeDays', 'usageAbove', 'usageBelow'] as const
  ).filter(key => {
    const text = filters[key].trim();
    if (!text) return false;
    const value = numberOf(text);
    const isPercent = key === 'usageAbove' || key === 'usageBelow';
    return value === undefined || (isPercent && value > 100);
  });
}

/** What the API is asked: the set filters, the numbers as numbers. */
export function apiFilter(filters: ClaimFilterValues): FleetClaimFilter {
  const text = (key: keyof ClaimFilterValues) =>
    filters[key].trim() || undefined;
  const number = (key: keyof ClaimFilterValues) => numberOf(filters[key]);
  const owned = OWNED[filters.owned];
  const filter: FleetClaimFilter = {
    team: text('team'),
    system: text('system'),
    entity: text('entity'),
    cluster: text('cluster'),
    namespace: text('namespace'),
    driver: text('driver'),
    offering: text('offering'),
    storageClass: text('storageClass'),
    state: text('state'),
    owned,
    minAgeDays: number('minAgeDays'),
    maxAgeDays: number('maxAgeDays'),
    usageAbove: number('usageAbove'),
    usageBelow: number('usageBelow'),
    limit: CLAIMS_LIMIT,
  };
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined),
  ) as FleetClaimFilter;
}
