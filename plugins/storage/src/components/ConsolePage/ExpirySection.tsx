import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link, TableColumn } from '@backstage/core-components';
import {
  DiagnosisSeverity,
  FleetExpiriesResponse,
  FleetExpiryItem,
} from '@eks-storage/backstage-plugin-storage-common';
import { useRequestLink } from '../../hooks/useRequestLink';
import { plural, relativeTime } from '../../lib/fleet';
import { formatDateTime } from '../../lib/format';
import { StatusChip } from '../common/StatusChip';
import { ConsoleSection } from './ConsoleSection';
import { ClaimRefCell, ConsoleTable } from './ConsoleTable';
import { useConsoleData } from './useConsoleData';

export const EXPIRY_STATUS: Record<
  FleetExpiryItem['status'],
  { label: string; severity: DiagnosisSeverity }
> = {
  upcoming: { label: 'Upcoming', severity: 'info' },
  warned: { label: 'Owner warned', severity: 'warning' },
  snapshotting: { label: 'Snapshotting', severity: 'info' },
  deleting: { label: 'Deleting', severity: 'info' },
  deleted: { label: 'Deleted', severity: 'ok' },
  failed: { label: 'Clean-up failed', severity: 'error' },
};

const expiryKey = (i: FleetExpiryItem) =>
  `${i.cluster}/${i.namespace}/${i.name}`;

const RequestLinks = ({ item }: { item: FleetExpiryItem }) => {
  const requestLink = useRequestLink();
  const links = [
    ['Request that set it', item.requestId],
    ['Snapshot request', item.snapshotRequestId],
    ['Delete request', item.deleteRequestId],
  ].filter((entry): entry is [string, string] => !!entry[1]);
  if (!links.length) return <>—</>;
  return (
    <Box display="flex" flexDirection="column">
      {links.map(([label, id]) => (
        <Typography key={id} variant="body2">
          <Link to={requestLink(id)}>{label}</Link>
        </Typography>
      ))}
    </Box>
  );
};

const columns: TableColumn<FleetExpiryItem>[] = [
  {
    title: 'Expires',
    field: 'expiresAt',
    defaultSort: 'asc',
    render: i => (
      <>
        <Typography variant="body2">{formatDateTime(i.expiresAt)}</Typography>
        <Typography variant="caption" color="textSecondary">
          {relativeTime(i.expiresAt)}
        </Typography>
      </>
    ),
  },
  {
    title: 'Claim',
    field: 'name',
    customFilterAndSearch: (term: string, i) =>
      `${expiryKey(i)} ${i.entityRef ?? ''}`
        .toLowerCase()
        .includes(term.toLowerCase()),
    render: i => (
      <ClaimRefCell
        claim={i}
        entityRef={i.entityRef}
        gone={i.status === 'deleted'}
      />
    ),
  },
  {
    title: 'Status',
    field: 'status',
    render: i => (
      <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
        <StatusChip
          label={EXPIRY_STATUS[i.status].label}
          severity={EXPIRY_STATUS[i.status].severity}
        />
        {i.warnedAt && (
          <Typography variant="caption">
            Warned {formatDateTime(i.warnedAt)}
          </Typography>
        )}
        {i.message && <Typography variant="caption">{i.message}</Typography>}
      </Box>
    ),
  },
  {
    title: 'At expiry',
    field: 'snapshotFirst',
    render: i =>
      i.snapshotFirst ? 'Snapshot, then delete' : 'Delete (no snapshot)',
  },
  {
    title: 'Requests',
    sorting: false,
    searchable: false,
    render: i => <RequestLinks item={i} />,
  },
];

/** Claims with an expiry, soonest first, and where their clean-up stands. */
export const ExpiryView = ({ value }: { value: FleetExpiriesResponse }) => {
  const sorted = useMemo(
    () =>
      [...value.items].sort(
        (a, b) =>
          a.expiresAt.localeCompare(b.expiresAt) ||
          expiryKey(a).localeCompare(expiryKey(b)),
      ),
    [value.items],
  );
  return (
    <ConsoleTable
      title="Expiries"
      columns={columns}
      rows={sorted}
      total={sorted.length}
      emptyMessage="No claim expires. Requests may set an expiry (expiresAt) for temporary storage; the owner is warned a day before and the claim is deleted through the request workflow."
    />
  );
};

/** Expiry: upcoming expiries and the clean-up of expired claims. */
export const ExpirySection = () => {
  const data = useConsoleData(api => api.listFleetExpiries());
  return (
    <ConsoleSection
      title="Expiry"
      {...data}
      clusters={v => v.clusters}
      summary={v => {
        const open = v.items.filter(
          i => i.status === 'upcoming' || i.status === 'warned',
        ).length;
        const failed = v.items.filter(i => i.status === 'failed').length;
        return `${plural(open, 'claim')} to expire${
          failed ? `, ${failed} clean-up failed` : ''
        }.`;
      }}
    >
      {value => <ExpiryView value={value} />}
    </ConsoleSection>
  );
};
