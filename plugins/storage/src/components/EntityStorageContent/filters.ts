import { StorageRow } from '../../lib/rows';

export interface RowFilters {
  /** '' (all), 'problems' (warnings and errors), or a state label. */
  status: string;
  cluster: string;
  driver: string;
}

export const NO_FILTERS: RowFilters = { status: '', cluster: '', driver: '' };

export const PROBLEMS = 'problems';

export function filterRows(
  rows: readonly StorageRow[],
  filters: RowFilters,
): StorageRow[] {
  const { status, cluster, driver } = filters;
  if (!status && !cluster && !driver) return rows as StorageRow[];
  return rows.filter(
    row =>
      (!status ||
        (status === PROBLEMS
          ? row.severity === 'warning' || row.severity === 'error'
          : row.stateLabel === status)) &&
      (!cluster || row.cluster === cluster) &&
      (!driver || row.driverName === driver),
  );
}

/** The distinct values of a row field, sorted, for a filter's options. */
export function optionsOf(
  rows: readonly StorageRow[],
  pick: (row: StorageRow) => string,
): string[] {
  return [...new Set(rows.map(pick))].sort((a, b) => a.localeCompare(b));
}
