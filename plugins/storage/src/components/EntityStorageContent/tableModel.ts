/**
 * Searching, sorting and paging of the claims table, apart from rendering:
 * the table works out the one page it shows and renders only that.
 */

export type SortDirection = 'asc' | 'desc';

/** The column the table is sorted by; none keeps the rows' own order. */
export interface SortState {
  column: string;
  direction: SortDirection;
}

/** What the model needs of a column. */
export interface ModelColumn<Row> {
  id: string;
  /** Ascending order; without it the column cannot be sorted. */
  compare?: (a: Row, b: Row) => number;
  /** The texts a search looks in; without it the column is not searched. */
  searchText?: (row: Row) => string | undefined;
}

/** Rows of which any searched column contains the term (any case). */
export function searchRows<Row>(
  rows: readonly Row[],
  columns: readonly ModelColumn<Row>[],
  term: string,
): readonly Row[] {
  const wanted = term.trim().toLowerCase();
  if (!wanted) return rows;
  const texts = columns.flatMap(c => (c.searchText ? [c.searchText] : []));
  return rows.filter(row =>
    texts.some(text => text(row)?.toLowerCase().includes(wanted)),
  );
}

/** A sorted copy of the rows (stable: equal rows keep their order). */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly ModelColumn<Row>[],
  sort: SortState | undefined,
): readonly Row[] {
  const compare = sort && columns.find(c => c.id === sort.column)?.compare;
  if (!sort || !compare) return rows;
  return [...rows].sort(
    sort.direction === 'asc' ? compare : (a, b) => compare(b, a),
  );
}

/**
 * The sort after a click on a column's header: a new column sorts
 * ascending, a second click descending, a third goes back to the rows'
 * own order.
 */
export function nextSort(
  current: SortState | undefined,
  column: string,
): SortState | undefined {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc'
    ? { column, direction: 'desc' }
    : undefined;
}

/** Text order with missing values first. */
export function compareText(a?: string, b?: string): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return a < b ? -1 : 1;
}

/** The page to show: the asked one, or the last there is. */
export function clampPage(page: number, rows: number, pageSize: number) {
  const last = Math.max(0, Math.ceil(rows / pageSize) - 1);
  return Math.min(Math.max(0, page), last);
}
