import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { Link, Table, TableColumn } from '@backstage/core-components';
import {
  ACCESS_MODE_HELP,
  SEVERITY_ORDER,
  costSortValue,
  formatAccessModes,
  formatAge,
  formatDateTime,
  formatMonthlyCost,
  quantityBytes,
} from '../../lib/format';
import { StorageRow, pendingNote } from '../../lib/rows';
import { useRequestLink } from '../../hooks/useRequestLink';
import { DriverLabel } from '../common/DriverIcon';
import { FilterOption, FilterSelect } from '../common/FilterSelect';
import { StatusChip } from '../common/StatusChip';
import { UsageBar } from '../usage/UsageBar';
import { relativeTime } from '../../lib/fleet';
import {
  NO_FILTERS,
  PROBLEMS,
  RowFilters,
  filterRows,
  optionsOf,
} from './filters';

/** The path of a claim's page, relative to the Storage tab. */
export function claimPath(row: {
  cluster: string;
  namespace: string;
  name: string;
}): string {
  return [row.cluster, row.namespace, row.name]
    .map(encodeURIComponent)
    .join('/');
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const time = (iso?: string) => (iso ? Date.parse(iso) || 0 : 0);

function columns(
  linkBase: string,
  requestLink: (id: string) => string,
): TableColumn<StorageRow>[] {
  return [
    {
      title: 'Driver',
      field: 'driverName',
      cellStyle: NO_WRAP,
      render: row => <DriverLabel driver={row.driver} />,
    },
    {
      title: 'Claim',
      field: 'name',
      highlight: true,
      cellStyle: NO_WRAP,
      customFilterAndSearch: (term: string, row) =>
        `${row.name} ${row.cluster}/${row.namespace}`
          .toLowerCase()
          .includes(term.toLowerCase()),
      render: row => (
        <>
          {row.kind === 'claim' && (
            <Link to={`${linkBase}${claimPath(row)}`}>{row.name}</Link>
          )}
          {row.kind === 'request' && row.request && (
            <Link to={requestLink(row.request.id)}>{row.name}</Link>
          )}
          {row.kind === 'request' && !row.request && row.name}
          <Typography variant="caption" display="block" color="textSecondary">
            {row.cluster} / {row.namespace}
            {row.kind === 'request' && ' · not in the cluster yet'}
          </Typography>
        </>
      ),
    },
    {
      title: 'Offering or class',
      field: 'offering',
      cellStyle: { minWidth: 140 },
    },
    {
      title: 'Capacity',
      field: 'requested',
      customSort: (a, b) =>
        quantityBytes(a.capacity ?? a.requested) -
        quantityBytes(b.capacity ?? b.requested),
      render: row => (
        <>
          {row.requested ?? '—'}
          {row.capacity && row.capacity !== row.requested && (
            <Typography variant="caption" display="block" color="textSecondary">
              has {row.capacity}
            </Typography>
          )}
          {!row.capacity && row.kind === 'claim' && (
            <Typography variant="caption" display="block" color="textSecondary">
              not provisioned
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Used',
      field: 'claim.usage.usedFraction',
      searchable: false,
      customSort: (a, b) =>
        (a.claim?.usage?.usedFraction ?? -1) -
        (b.claim?.usage?.usedFraction ?? -1),
      render: row =>
        row.claim?.usage ? <UsageBar usage={row.claim.usage} /> : '—',
    },
    {
      title: 'Access',
      field: 'accessModes',
      searchable: false,
      sorting: false,
      render: row => (
        <Tooltip
          title={row.accessModes
            .map(m => `${m}: ${ACCESS_MODE_HELP[m] ?? ''}`)
            .join('; ')}
        >
          <span>{formatAccessModes(row.accessModes) || '—'}</span>
        </Tooltip>
      ),
    },
    {
      title: 'Status',
      field: 'headline',
      cellStyle: { minWidth: 280 },
      customSort: (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.stateLabel.localeCompare(b.stateLabel),
      customFilterAndSearch: (term: string, row) =>
        `${row.stateLabel} ${row.headline}`
          .toLowerCase()
          .includes(term.toLowerCase()),
      render: row => (
        <Box
          display="flex"
          flexDirection="column"
          alignItems="flex-start"
          style={{ gap: 4 }}
        >
          <StatusChip label={row.stateLabel} severity={row.severity} />
          <Typography variant="body2">{row.headline}</Typography>
          {row.approvalNote && (
            <Typography
              variant="caption"
              data-testid={`storage-row-approval-${row.request?.id}`}
            >
              {row.approvalNote}
            </Typography>
          )}
          {row.kind === 'request' && row.request && (
            <Typography variant="caption">
              <Link to={requestLink(row.request.id)}>View request</Link>
            </Typography>
          )}
          {row.fix &&
            (row.severity === 'error' || row.severity === 'warning') && (
              <Typography variant="caption">
                <strong>Fix:</strong> {row.fix}
              </Typography>
            )}
          {row.pending.map(request => (
            <Typography key={request.id} variant="caption">
              <Link to={requestLink(request.id)}>{pendingNote(request)}</Link>
            </Typography>
          ))}
        </Box>
      ),
    },
    {
      title: 'Monthly cost',
      field: 'cost',
      searchable: false,
      cellStyle: NO_WRAP,
      customSort: (a, b) => costSortValue(a.cost) - costSortValue(b.cost),
      render: row => formatMonthlyCost(row.cost),
    },
    {
      title: 'Age',
      field: 'createdAt',
      searchable: false,
      customSort: (a, b) => time(b.createdAt) - time(a.createdAt),
      render: row => (
        <>
          {formatAge(row.createdAt)}
          {row.claim?.expiresAt && (
            <Typography
              variant="caption"
              display="block"
              title={formatDateTime(row.claim.expiresAt)}
            >
              expires {relativeTime(row.claim.expiresAt)}
            </Typography>
          )}
        </>
      ),
    },
  ];
}

const FILTERS: Array<{ key: keyof RowFilters; label: string }> = [
  { key: 'status', label: 'Status' },
  { key: 'cluster', label: 'Cluster' },
  { key: 'driver', label: 'Driver' },
];

export interface ClaimsTableProps {
  rows: StorageRow[];
  title?: string;
  loading?: boolean;
  /** Prefix of the claim links, relative to the current route. */
  linkBase?: string;
  pageSize?: number;
}

/** Every claim and request of the entity, with filters, sorting and paging. */
export const ClaimsTable = ({
  rows,
  title = 'Storage',
  loading,
  linkBase = '',
  pageSize = 20,
}: ClaimsTableProps) => {
  const [filters, setFilters] = useState<RowFilters>(NO_FILTERS);
  const options = useMemo<Record<keyof RowFilters, FilterOption[]>>(
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
  );
  const shown = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const requestLink = useRequestLink();
  const tableColumns = useMemo(
    () => columns(linkBase, requestLink),
    [linkBase, requestLink],
  );
  const set = (key: keyof RowFilters) => (value: string) =>
    setFilters(current => ({ ...current, [key]: value }));

  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 16 }}
        mb={2}
        role="group"
        aria-label="Filter claims"
      >
        {FILTERS.map(({ key, label }) => (
          <FilterSelect
            key={key}
            id={`storage-filter-${key}`}
            label={label}
            value={filters[key]}
            options={options[key]}
            onChange={set(key)}
          />
        ))}
      </Box>
      <Table<StorageRow>
        title={`${title} (${shown.length}${
          shown.length !== rows.length ? ` of ${rows.length}` : ''
        })`}
        isLoading={loading}
        columns={tableColumns}
        data={shown}
        options={{
          paging: shown.length > pageSize,
          pageSize,
          pageSizeOptions: [pageSize, 50, 100],
          search: true,
          debounceInterval: 150,
          padding: 'dense',
          emptyRowsWhenPaging: false,
          draggable: false,
        }}
        localization={{
          body: { emptyDataSourceMessage: 'No claim matches the filters' },
        }}
      />
    </>
  );
};
