import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import {
  FleetClassesResponse,
  FleetStorageClass,
} from '@eks-storage/backstage-plugin-storage-common';
import { distinct, plural } from '../../lib/fleet';
import { DriverLabel } from '../common/DriverIcon';
import { FilterSelect, plainOptions } from '../common/FilterSelect';
import { StatusChip } from '../common/StatusChip';
import { ConsoleSection } from './ConsoleSection';
import { ConsoleTable, FilterBar } from './ConsoleTable';
import { FindingText, FindingsTable } from './FindingsTable';
import { useConsoleData } from './useConsoleData';

/** What a class's status means for a claim of it. */
export const CLASS_STATUS_LABELS: Record<FleetStorageClass['status'], string> =
  {
    ok: 'Binds',
    warning: 'Binds, with warnings',
    error: 'Will not bind',
  };

const STATUS_ORDER = { error: 0, warning: 1, ok: 2 };

const classKey = (c: FleetStorageClass) => `${c.cluster}/${c.name}`;

const columns: TableColumn<FleetStorageClass>[] = [
  {
    title: 'Status',
    field: 'status',
    width: '160px',
    customSort: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
    render: c => (
      <StatusChip label={CLASS_STATUS_LABELS[c.status]} severity={c.status} />
    ),
  },
  {
    title: 'Class',
    field: 'name',
    customFilterAndSearch: (term: string, c) =>
      `${c.cluster} ${c.name} ${c.provisioner} ${c.offerings.join(' ')}`
        .toLowerCase()
        .includes(term.toLowerCase()),
    render: c => (
      <>
        <Typography variant="caption" display="block" color="textSecondary">
          {c.cluster}
        </Typography>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="body2" component="span">
            {c.name}
          </Typography>
          {c.isDefault && <Chip size="small" label="default" />}
        </Box>
        {c.offerings.length > 0 && (
          <Typography variant="caption" display="block">
            Offerings: {c.offerings.join(', ')}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Driver',
    field: 'provisioner',
    render: c => (
      <>
        <DriverLabel driver={c.driver} />
        <Typography variant="caption" display="block" color="textSecondary">
          {c.provisioner}
        </Typography>
      </>
    ),
  },
  {
    title: 'Binding, expansion, reclaim',
    field: 'volumeBindingMode',
    sorting: false,
    render: c => (
      <Typography variant="body2" component="div">
        <div>{c.volumeBindingMode ?? 'Immediate'}</div>
        <div>{c.allowVolumeExpansion ? 'Expands' : 'No expansion'}</div>
        <div>{c.reclaimPolicy ?? 'Delete'}</div>
      </Typography>
    ),
  },
  {
    title: 'Findings and fix',
    field: 'findings',
    sorting: false,
    cellStyle: { minWidth: 360 },
    customFilterAndSearch: (term: string, c) =>
      c.findings
        .map(f => `${f.title} ${f.fix} ${f.code}`)
        .join(' ')
        .toLowerCase()
        .includes(term.toLowerCase()),
    render: c =>
      c.findings.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing to fix.
        </Typography>
      ) : (
        <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
          {c.findings.map(f => (
            <FindingText key={f.id} finding={f} />
          ))}
        </Box>
      ),
  },
];

/** Every StorageClass of every cluster, worst first, with its findings and their fixes. */
export const ClassHealthView = ({ value }: { value: FleetClassesResponse }) => {
  const [cluster, setCluster] = useState('');
  const [status, setStatus] = useState('');
  const sorted = useMemo(
    () =>
      [...value.items].sort(
        (a, b) =>
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
          classKey(a).localeCompare(classKey(b)),
      ),
    [value.items],
  );
  const shown = sorted.filter(
    c =>
      (!cluster || c.cluster === cluster) && (!status || c.status === status),
  );
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
      {value.findings.length > 0 && (
        <FindingsTable
          id="storage-classes-cluster-findings"
          title="Clusters and offerings"
          findings={value.findings}
          emptyMessage="Every cluster has a default class and every offering's class exists."
        />
      )}
      <Box>
        <FilterBar label="Filter storage classes">
          <FilterSelect
            id="storage-classes-cluster"
            label="Cluster"
            value={cluster}
            options={plainOptions(distinct(value.items, c => c.cluster))}
            onChange={setCluster}
          />
          <FilterSelect
            id="storage-classes-status"
            label="Status"
            value={status}
            options={(['error', 'warning', 'ok'] as const).map(s => ({
              value: s,
              label: CLASS_STATUS_LABELS[s],
            }))}
            onChange={setStatus}
          />
        </FilterBar>
        <ConsoleTable
          title="Storage classes"
          columns={columns}
          rows={shown}
          total={sorted.length}
          emptyMessage="No cluster reports a StorageClass yet. Check that the clusters are connected; a cluster without classes cannot provision any claim."
        />
      </Box>
    </Box>
  );
};

/** Class health, "will this bind?": every class checked live, with the fix. */
export const ClassHealthSection = () => {
  const data = useConsoleData(api => api.listFleetClasses());
  return (
    <ConsoleSection
      title="Class health"
      {...data}
      clusters={v => v.clusters}
      generatedAt={v => v.generatedAt}
      summary={v => {
        const broken = v.items.filter(c => c.status === 'error').length;
        const warned = v.items.filter(c => c.status === 'warning').length;
        return `${plural(v.items.length, 'class', 'classes')} in ${plural(
          v.clusters.length,
          'cluster',
        )}: ${broken} will not bind, ${warned} with warnings${
          v.findings.length
            ? `; ${plural(v.findings.length, 'cluster or offering finding')}`
            : ''
        }.`;
      }}
    >
      {value => <ClassHealthView value={value} />}
    </ConsoleSection>
  );
};
