import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ClearIcon from '@material-ui/icons/Clear';
import SearchIcon from '@material-ui/icons/Search';
import { StorageRow } from '../../lib/rows';
import { useRequestLink } from '../../hooks/useRequestLink';
import { FilterOption, FilterSelect } from '../common/FilterSelect';
import {
  CLAIM_COLUMNS,
  CellLayout,
  ClaimColumn,
  RowLinks,
} from './claimColumns';
import {
  NO_FILTERS,
  PROBLEMS,
  RowFilters,
  filterRows,
  optionsOf,
} from './filters';
import {
  SortState,
  clampPage,
  nextSort,
  searchRows,
  sortRows,
} from './tableModel';
import { sameData } from '../../lib/sameData';

export { claimPath } from './claimColumns';

/** How long typing in the search box waits before the table follows. */
const SEARCH_DEBOUNCE_MS = 150;

// One static style sheet for the whole table (made once per theme), rather
// than styles computed per cell.
const useStyles = makeStyles(
  theme => ({
    toolbar: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: theme.spacing(2),
      padding: theme.spacing(3, 2, 2.5, 2.5),
    },
    title: { fontWeight: theme.typography.fontWeightBold as number },
    filters: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
    // A refresh that takes a while dims the rows; a quick one shows nothing.
    refreshing: {
      opacity: 0.6,
      transition: 'opacity 0.2s 0.3s',
    },
    head: {
      padding: theme.spacing(1, 2, 1, 2.5),
      borderTop: `1px solid ${theme.palette.grey.A100}`,
      borderBottom: `1px solid ${theme.palette.grey.A100}`,
      fontWeight: theme.typography.fontWeightBold as number,
      textTransform: 'uppercase',
      wordBreak: 'normal',
    },
    // Words break at their ends only (the theme breaks them anywhere).
    cell: { wordBreak: 'normal' },
    // Backstage's tables show the highlighted column's title in full contrast.
    headHighlight: {
      color: (theme.palette as { textContrast?: string }).textContrast,
    },
    noWrap: { whiteSpace: 'nowrap' },
    highlight: {
      whiteSpace: 'nowrap',
      fontWeight: theme.typography.fontWeightBold as number,
    },
    offering: { minWidth: 140 },
    status: { minWidth: 280 },
    stack: {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'flex-start',
      gap: 4,
    },
    scroll: { overflowX: 'auto' },
    empty: { textAlign: 'center' },
  }),
  { name: 'StorageClaimsTable' },
);

type Classes = ReturnType<typeof useStyles>;

interface ClaimRowProps {
  row: StorageRow;
  links: RowLinks;
  classes: Classes;
}

const cellClass = (classes: Classes, layout?: CellLayout) =>
  layout ? `${classes.cell} ${classes[layout]}` : classes.cell;

/**
 * One claim's row. A refreshed answer brings new objects for every claim;
 * a row whose data did not change is not rendered again.
 */
const ClaimRow = memo(
  function ClaimRowCells({ row, links, classes }: ClaimRowProps) {
    return (
      <TableRow>
        {CLAIM_COLUMNS.map(column => (
          <TableCell
            key={column.id}
            className={cellClass(classes, column.layout)}
          >
            {column.layout === 'status' ? (
              <div className={classes.stack}>{column.render(row, links)}</div>
            ) : (
              column.render(row, links)
            )}
          </TableCell>
        ))}
      </TableRow>
    );
  },
  (before, after) =>
    before.links === after.links &&
    before.classes === after.classes &&
    sameData(before.row, after.row),
);

const ariaSort = (sort: SortState | undefined, column: ClaimColumn) => {
  if (sort?.column !== column.id) return undefined;
  return sort.direction === 'asc' ? 'ascending' : 'descending';
};

/** The value, or the previous one while it holds the same data. */
function useSameData<T>(value: T): T {
  const last = useRef(value);
  if (!sameData(last.current, value)) last.current = value;
  return last.current;
}

/** The search box: the table follows the text once typing pauses. */
const SearchField = ({ onSearch }: { onSearch: (term: string) => void }) => {
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <TextField
      value={text}
      onChange={event => setText(event.target.value)}
      placeholder="Filter"
      inputProps={{ 'aria-label': 'Search claims' }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" color="action" />
          </InputAdornment>
        ),
        endAdornment: (
          <InputAdornment position="end">
            <IconButton
              size="small"
              aria-label="Clear search"
              disabled={!text}
              onClick={() => setText('')}
            >
              <ClearIcon fontSize="small" />
            </IconButton>
          </InputAdornment>
        ),
      }}
    />
  );
};

const FILTERS: Array<{ key: keyof RowFilters; label: string }> = [
  { key: 'status', label: 'Status' },
  { key: 'cluster', label: 'Cluster' },
  { key: 'driver', label: 'Driver' },
];

/** The drop-down filters above the table; rendered again only when they change. */
const FilterBar = memo(function Filters(props: {
  filters: RowFilters;
  options: Record<keyof RowFilters, FilterOption[]>;
  onChange: (key: keyof RowFilters, value: string) => void;
  className: string;
}) {
  const { filters, options, onChange, className } = props;
  return (
    <div className={className} role="group" aria-label="Filter claims">
      {FILTERS.map(({ key, label }) => (
        <FilterSelect
          key={key}
          id={`storage-filter-${key}`}
          label={label}
          value={filters[key]}
          options={options[key]}
          onChange={value => onChange(key, value)}
        />
      ))}
    </div>
  );
});

export interface ClaimsTableProps {
  rows: StorageRow[];
  title?: string;
  /** A refresh is under way: the rows shown stay (dimmed if it takes a while). */
  loading?: boolean;
  /** Prefix of the claim links, relative to the current route. */
  linkBase?: string;
  pageSize?: number;
}

/**
 * Every claim and request of the entity, with filters, search, sorting and
 * paging. Only the page on screen is rendered, whatever the number of
 * claims.
 */
export const ClaimsTable = memo(function ClaimsTableView({
  rows,
  title = 'Storage',
  loading,
  linkBase = '',
  pageSize: firstPageSize = 20,
}: ClaimsTableProps) {
  const classes = useStyles();
  const [filters, setFilters] = useState<RowFilters>(NO_FILTERS);
  const [term, setTerm] = useState('');
  const [sort, setSort] = useState<SortState>();
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(firstPageSize);
  // The same options after a refresh keep the filters from rendering again.
  const options = useSameData(
    useMemo<Record<keyof RowFilters, FilterOption[]>>(
      () => ({
        status: [
          { value: PROBLEMS, label: 'Needs attention' },
          ...optionsOf(rows, r => r.stateLabel).map(v => ({
            value: v,
            label: v,
          })),
        ],
        cluster: optionsOf(rows, r => r.cluster).map(v => ({
          value: v,
          label: v,
        })),
        driver: optionsOf(rows, r => r.driverName).map(v => ({
          value: v,
          label: v,
        })),
      }),
      [rows],
    ),
  );
  const shown = useMemo(
    () =>
      sortRows(
        searchRows(filterRows(rows, filters), CLAIM_COLUMNS, term),
        CLAIM_COLUMNS,
        sort,
      ),
    [rows, filters, term, sort],
  );
  const requestLink = useRequestLink();
  const links = useMemo<RowLinks>(
    () => ({ linkBase, requestLink }),
    [linkBase, requestLink],
  );
  // A new filter, search or order starts again at the first page; a
  // refresh keeps the page (or the last there still is).
  const showPage = clampPage(page, shown.length, pageSize);
  const onPage = shown.slice(showPage * pageSize, (showPage + 1) * pageSize);
  const paging = shown.length > firstPageSize;
  const setFilter = useCallback((key: keyof RowFilters, value: string) => {
    setFilters(current => ({ ...current, [key]: value }));
    setPage(0);
  }, []);
  const search = useCallback((value: string) => {
    setTerm(value);
    setPage(0);
  }, []);

  return (
    <>
      <FilterBar
        filters={filters}
        options={options}
        onChange={setFilter}
        className={classes.filters}
      />
      <Paper>
        <div className={classes.toolbar}>
          <Typography variant="h5" component="h2" className={classes.title}>
            {`${title} (${shown.length}${
              shown.length !== rows.length ? ` of ${rows.length}` : ''
            })`}
          </Typography>
          <SearchField onSearch={search} />
        </div>
        <div className={classes.scroll}>
          <Table
            size="small"
            aria-label={title}
            aria-busy={loading || undefined}
            className={loading ? classes.refreshing : undefined}
          >
            <TableHead>
              <TableRow>
                {CLAIM_COLUMNS.map(column => (
                  <TableCell
                    key={column.id}
                    className={
                      column.layout === 'highlight'
                        ? `${classes.head} ${classes.headHighlight}`
                        : classes.head
                    }
                    aria-sort={ariaSort(sort, column)}
                  >
                    {column.compare ? (
                      <TableSortLabel
                        active={sort?.column === column.id}
                        direction={
                          sort?.column === column.id ? sort.direction : 'asc'
                        }
                        onClick={() => {
                          setSort(current => nextSort(current, column.id));
                          setPage(0);
                        }}
                      >
                        {column.title}
                      </TableSortLabel>
                    ) : (
                      column.title
                    )}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {onPage.map(row => (
                <ClaimRow
                  key={row.id}
                  row={row}
                  links={links}
                  classes={classes}
                />
              ))}
              {onPage.length === 0 && (
                <TableRow>
                  <TableCell
                    colSpan={CLAIM_COLUMNS.length}
                    className={classes.empty}
                  >
                    No claim matches the filters
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </div>
        {paging && (
          <TablePagination
            component="div"
            count={shown.length}
            page={showPage}
            rowsPerPage={pageSize}
            rowsPerPageOptions={[firstPageSize, 50, 100]}
            onPageChange={(_event, next) => setPage(next)}
            onRowsPerPageChange={event => {
              setPageSize(Number(event.target.value));
              setPage(0);
            }}
          />
        )}
      </Paper>
    </>
  );
});
