import { sameData } from '../../lib/sameData';
import {
  ModelColumn,
  SortState,
  clampPage,
  compareText,
  nextSort,
  searchRows,
  sortRows,
} from './tableModel';

interface Row {
  name: string;
  size?: number;
  note?: string;
}

const COLUMNS: ModelColumn<Row>[] = [
  {
    id: 'name',
    compare: (a, b) => compareText(a.name, b.name),
    searchText: row => row.name,
  },
  { id: 'size', compare: (a, b) => (a.size ?? -1) - (b.size ?? -1) },
  { id: 'note', searchText: row => row.note },
];

const ROWS: Row[] = [
  { name: 'cache', size: 20, note: 'Bound' },
  { name: 'archive', size: 5 },
  { name: 'db', size: 20, note: 'Lost volume' },
  { name: 'Queue' },
];

const names = (rows: readonly Row[]) => rows.map(r => r.name);

describe('searchRows', () => {
  it.each([
    ['', ['cache', 'archive', 'db', 'Queue']],
    ['   ', ['cache', 'archive', 'db', 'Queue']],
    ['a', ['cache', 'archive']],
    ['QUEUE', ['Queue']],
    [' lost ', ['db']],
    ['volume', ['db']],
    // Not searched: the size column has no search text.
    ['20', []],
    ['nothing', []],
  ])('%j finds %j', (term, expected) => {
    expect(names(searchRows(ROWS, COLUMNS, term))).toEqual(expected);
  });
});

describe('sortRows', () => {
  it.each<[SortState | undefined, string[]]>([
    [undefined, ['cache', 'archive', 'db', 'Queue']],
    [{ column: 'name', direction: 'asc' }, ['Queue', 'archive', 'cache', 'db']],
    [
      { column: 'name', direction: 'desc' },
      ['db', 'cache', 'archive', 'Queue'],
    ],
    // Equal sizes keep their order; a missing size sorts first.
    [{ column: 'size', direction: 'asc' }, ['Queue', 'archive', 'cache', 'db']],
    [
      { column: 'size', direction: 'desc' },
      ['cache', 'db', 'archive', 'Queue'],
    ],
    // A column without an order leaves the rows as they are.
    [{ column: 'note', direction: 'asc' }, ['cache', 'archive', 'db', 'Queue']],
  ])('%j gives %j', (sort, expected) => {
    expect(names(sortRows(ROWS, COLUMNS, sort))).toEqual(expected);
  });

  it('leaves the rows it was given in their order', () => {
    sortRows(ROWS, COLUMNS, { column: 'name', direction: 'asc' });
    expect(names(ROWS)).toEqual(['cache', 'archive', 'db', 'Queue']);
  });
});

describe('nextSort', () => {
  it.each<[SortState | undefined, string, SortState | undefined]>([
    [undefined, 'name', { column: 'name', direction: 'asc' }],
    [
      { column: 'name', direction: 'asc' },
      'name',
      { column: 'name', direction: 'desc' },
    ],
    [{ column: 'name', direction: 'desc' }, 'name', undefined],
    [
      { column: 'name', direction: 'desc' },
      'size',
      { column: 'size', direction: 'asc' },
    ],
  ])('from %j, a click on %s gives %j', (current, column, expected) => {
    expect(nextSort(current, column)).toEqual(expected);
  });
});

describe('compareText', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    [undefined, 'a', -1],
    ['a', undefined, 1],
    ['', 'a', -1],
  ])('%j and %j → %d', (a, b, expected) => {
    expect(compareText(a, b)).toBe(expected);
  });
});

describe('clampPage', () => {
  it.each([
    [0, 100, 20, 0],
    [4, 100, 20, 4],
    [5, 100, 20, 4],
    [3, 41, 20, 2],
    [2, 0, 20, 0],
    [-1, 10, 20, 0],
  ])('page %d of %d rows by %d → %d', (page, rows, size, expected) => {
    expect(clampPage(page, rows, size)).toBe(expected);
  });
});

describe('sameData', () => {
  it.each([
    [1, 1, true],
    ['a', 'b', false],
    [undefined, null, false],
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] }, false],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: undefined }, { b: undefined }, false],
    [[1, 2], [1, 2, 3], false],
    [[], {}, false],
    [{ a: null }, { a: {} }, false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(sameData(a, b)).toBe(expected);
    expect(sameData(b, a)).toBe(expected);
  });
});
