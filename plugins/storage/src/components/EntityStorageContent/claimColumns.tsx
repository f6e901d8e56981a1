import { ReactNode } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
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
import { relativeTime } from '../../lib/fleet';
import { StorageRow, pendingNote } from '../../lib/rows';
import { DriverLabel } from '../common/DriverIcon';
import { StatusChip } from '../common/StatusChip';
import { UsageBar } from '../usage/UsageBar';
import { ModelColumn, compareText } from './tableModel';

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

/** Where a row's links go. */
export interface RowLinks {
  /** Prefix of the claim links, relative to the current route. */
  linkBase: string;
  requestLink: (id: string) => string;
}

/** How a column's cells are laid out (a class of the table's styles). */
export type CellLayout = 'noWrap' | 'highlight' | 'offering' | 'status';

export interface ClaimColumn extends ModelColumn<StorageRow> {
  title: string;
  layout?: CellLayout;
  render: (row: StorageRow, links: RowLinks) => ReactNode;
}

const time = (iso?: string) => (iso ? Date.parse(iso) || 0 : 0);

const Caption = ({ children }: { children: ReactNode }) => (
  <Typography variant="caption" display="block" color="textSecondary">
    {children}
  </Typography>
);

/** The columns of the Storage tab's table, in order. */
export const CLAIM_COLUMNS: readonly ClaimColumn[] = [
  {
    id: 'driver',
    title: 'Driver',
    layout: 'noWrap',
    compare: (a, b) => compareText(a.driverName, b.driverName),
    searchText: row => row.driverName,
    render: row => <DriverLabel driver={row.driver} />,
  },
  {
    id: 'claim',
    title: 'Claim',
    layout: 'highlight',
    compare: (a, b) => compareText(a.name, b.name),
    searchText: row => `${row.name} ${row.cluster}/${row.namespace}`,
    render: (row, { linkBase, requestLink }) => (
      <>
        {row.kind === 'claim' && (
          <Link to={`${linkBase}${claimPath(row)}`}>{row.name}</Link>
        )}
        {row.kind === 'request' && row.request && (
          <Link to={requestLink(row.request.id)}>{row.name}</Link>
        )}
        {row.kind === 'request' && !row.request && row.name}
        <Caption>
          {row.cluster} / {row.namespace}
          {row.kind === 'request' && ' · not in the cluster yet'}
        </Caption>
      </>
    ),
  },
  {
    id: 'offering',
    title: 'Offering or class',
    layout: 'offering',
    compare: (a, b) => compareText(a.offering, b.offering),
    searchText: row => row.offering,
    render: row => row.offering,
  },
  {
    id: 'capacity',
    title: 'Capacity',
    compare: (a, b) =>
      quantityBytes(a.capacity ?? a.requested) -
      quantityBytes(b.capacity ?? b.requested),
    searchText: row => row.requested,
    render: row => (
      <>
        {row.requested ?? '—'}
        {row.capacity && row.capacity !== row.requested && (
          <Caption>has {row.capacity}</Caption>
        )}
        {!row.capacity && row.kind === 'claim' && (
          <Caption>not provisioned</Caption>
        )}
      </>
    ),
  },
  {
    id: 'used',
    title: 'Used',
    compare: (a, b) =>
      (a.claim?.usage?.usedFraction ?? -1) -
      (b.claim?.usage?.usedFraction ?? -1),
    render: row =>
      row.claim?.usage ? <UsageBar usage={row.claim.usage} /> : '—',
  },
  {
    id: 'access',
    title: 'Access',
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
    id: 'status',
    title: 'Status',
    layout: 'status',
    compare: (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.stateLabel.localeCompare(b.stateLabel),
    searchText: row => `${row.stateLabel} ${row.headline}`,
    render: (row, { requestLink }) => (
      <>
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
      </>
    ),
  },
  {
    id: 'cost',
    title: 'Monthly cost',
    layout: 'noWrap',
    compare: (a, b) => costSortValue(a.cost) - costSortValue(b.cost),
    render: row => formatMonthlyCost(row.cost),
  },
  {
    id: 'age',
    title: 'Age',
    compare: (a, b) => time(b.createdAt) - time(a.createdAt),
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
