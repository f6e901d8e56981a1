import { useMemo, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import {
  FleetBackupItem,
  FleetBackupsResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { distinct, plural } from '../../lib/fleet';
import { formatDateTime } from '../../lib/format';
import { FilterSelect, plainOptions } from '../common/FilterSelect';
import { StatusChip } from '../common/StatusChip';
import { ConsoleSection } from './ConsoleSection';
import {
  ClaimRefCell,
  ConsoleTable,
  FilterBar,
  ToggleFilter,
} from './ConsoleTable';
import { FindingText } from './FindingsTable';
import { useConsoleData } from './useConsoleData';

/** "5 h", "3 days": the age of a snapshot from its hours. */
export function formatHours(hours: number | undefined): string {
  if (hours === undefined) return '—';
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** "Every 24 h, keeps 7". */
export function scheduleText(schedule: FleetBackupItem['schedule']): string {
  if (!schedule) return 'No schedule';
  return `Every ${formatHours(schedule.everyHours)}, keeps ${schedule.keep}`;
}

const backupKey = (i: FleetBackupItem) =>
  `${i.cluster}/${i.namespace}/${i.name}`;

function backupStatus(item: FleetBackupItem) {
  if (item.stale)
    return { label: 'No recent snapshot', severity: 'error' } as const;
  if (item.newestSnapshot)
    return { label: 'Backed up', severity: 'ok' } as const;
  return { label: 'No snapshot', severity: 'info' } as const;
}

const columns: TableColumn<FleetBackupItem>[] = [
  {
    title: 'Status',
    field: 'stale',
    width: '180px',
    customSort: (a, b) => Number(b.stale) - Number(a.stale),
    render: i => {
      const status = backupStatus(i);
      return <StatusChip label={status.label} severity={status.severity} />;
    },
  },
  {
    title: 'Claim',
    field: 'name',
    customFilterAndSearch: (term: string, i) =>
      `${backupKey(i)} ${i.entityRef ?? ''}`
        .toLowerCase()
        .includes(term.toLowerCase()),
    render: i => (
      <ClaimRefCell claim={i} entityRef={i.entityRef} note={i.lifecycle} />
    ),
  },
  {
    title: 'Newest ready snapshot',
    field: 'newestAgeHours',
    customSort: (a, b) =>
      (a.newestAgeHours ?? Infinity) - (b.newestAgeHours ?? Infinity),
    render: i =>
      i.newestSnapshot ? (
        <>
          <Typography variant="body2">{i.newestSnapshot.name}</Typography>
          <Typography variant="caption" color="textSecondary">
            {formatHours(i.newestAgeHours)} old ·{' '}
            {plural(i.snapshots, 'snapshot')} in all
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          None ready{i.snapshots ? ` (${plural(i.snapshots, 'snapshot')})` : ''}
        </Typography>
      ),
  },
  {
    title: 'Schedule',
    field: 'schedule.everyHours',
    render: i => (
      <>
        <Typography variant="body2">{scheduleText(i.schedule)}</Typography>
        {i.schedule?.nextDueAt && (
          <Typography variant="caption" color="textSecondary">
            Next {formatDateTime(i.schedule.nextDueAt)}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Finding and fix',
    sorting: false,
    cellStyle: { minWidth: 280 },
    render: i =>
      i.finding ? (
        <FindingText finding={i.finding} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          {i.production ? 'Within the rule' : 'Not held to the backup rule'}
        </Typography>
      ),
  },
];

/** Per claim its newest ready snapshot; production claims without a recent one first. */
export const BackupsView = ({ value }: { value: FleetBackupsResponse }) => {
  const [cluster, setCluster] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const sorted = useMemo(
    () =>
      [...value.items].sort(
        (a, b) =>
          Number(b.stale) - Number(a.stale) ||
          Number(b.production) - Number(a.production) ||
          backupKey(a).localeCompare(backupKey(b)),
      ),
    [value.items],
  );
  const shown = sorted.filter(
    i => (!cluster || i.cluster === cluster) && (!onlyFlagged || i.stale),
  );
  return (
    <>
      <FilterBar label="Filter backups">
        <FilterSelect
          id="storage-backups-cluster"
          label="Cluster"
          value={cluster}
          options={plainOptions(distinct(value.items, i => i.cluster))}
          onChange={setCluster}
        />
        <ToggleFilter
          label="Only flagged production claims"
          checked={onlyFlagged}
          onChange={setOnlyFlagged}
        />
      </FilterBar>
      <ConsoleTable
        title="Backups"
        columns={columns}
        rows={shown}
        total={sorted.length}
        emptyMessage="No claim of a driver with snapshots yet."
      />
    </>
  );
};

/** Backups: the newest snapshot of every claim, and production claims left without one. */
export const BackupsSection = () => {
  const data = useConsoleData(api => api.listFleetBackups());
  return (
    <ConsoleSection
      title="Backups"
      {...data}
      clusters={v => v.clusters}
      summary={v => {
        const flagged = v.items.filter(i => i.stale).length;
        return `${plural(v.items.length, 'claim')}; ${plural(
          flagged,
          'production claim',
        )} without a ready snapshot in the last ${formatHours(
          v.staleAfterHours,
        )}.`;
      }}
    >
      {value => <BackupsView value={value} />}
    </ConsoleSection>
  );
};
