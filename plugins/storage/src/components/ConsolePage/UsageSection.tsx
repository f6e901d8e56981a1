import { useMemo, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import {
  FleetUsageItem,
  FleetUsageResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import {
  distinct,
  formatMonthlyUsd,
  monthlyTotal,
  plural,
} from '../../lib/fleet';
import { formatDateTime } from '../../lib/format';
import { DriverLabel } from '../common/DriverIcon';
import { FilterSelect, plainOptions } from '../common/FilterSelect';
import { ConsoleSection } from './ConsoleSection';
import {
  ClaimRefCell,
  ConsoleTable,
  FilterBar,
  ToggleFilter,
} from './ConsoleTable';
import { SuggestionText } from '../usage/SuggestionText';
import { UsageBar } from '../usage/UsageBar';
import { UsageHistory } from '../usage/UsageHistory';
import { useConsoleData } from './useConsoleData';

const itemKey = (i: FleetUsageItem) => `${i.cluster}/${i.namespace}/${i.name}`;

const columns: TableColumn<FleetUsageItem>[] = [
  {
    title: 'Claim',
    field: 'name',
    customFilterAndSearch: (term: string, i) =>
      `${itemKey(i)} ${i.entityRef ?? ''}`
        .toLowerCase()
        .includes(term.toLowerCase()),
    render: i => <ClaimRefCell claim={i} entityRef={i.entityRef} />,
  },
  {
    title: 'Driver and class',
    field: 'storageClassName',
    render: i => (
      <>
        <DriverLabel driver={i.driver} />
        <Typography variant="caption" display="block" color="textSecondary">
          {i.storageClassName ?? '—'}
          {i.capacity ? ` · ${i.capacity}` : ''}
        </Typography>
      </>
    ),
  },
  {
    title: 'Used',
    field: 'usage.usedFraction',
    defaultSort: 'desc',
    customSort: (a, b) => a.usage.usedFraction - b.usage.usedFraction,
    render: i => <UsageBar usage={i.usage} />,
  },
  {
    title: `History`,
    sorting: false,
    searchable: false,
    render: i => <UsageHistory claim={i} />,
  },
  {
    title: 'Suggestion',
    field: 'suggestion.action',
    cellStyle: { minWidth: 320 },
    customSort: (a, b) =>
      Number(!!b.suggestion) - Number(!!a.suggestion) ||
      b.usage.usedFraction - a.usage.usedFraction,
    render: i =>
      i.suggestion ? (
        <SuggestionText suggestion={i.suggestion} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Sized right
        </Typography>
      ),
  },
];

/** Used against capacity of every claim, with its history and suggestion. */
export const UsageView = ({ value }: { value: FleetUsageResponse }) => {
  const [cluster, setCluster] = useState('');
  const [onlySuggestions, setOnlySuggestions] = useState(false);
  const sorted = useMemo(
    () =>
      [...value.items].sort(
        (a, b) =>
          b.usage.usedFraction - a.usage.usedFraction ||
          itemKey(a).localeCompare(itemKey(b)),
      ),
    [value.items],
  );
  const shown = sorted.filter(
    i =>
      (!cluster || i.cluster === cluster) &&
      (!onlySuggestions || !!i.suggestion),
  );
  return (
    <>
      <FilterBar label="Filter usage">
        <FilterSelect
          id="storage-usage-cluster"
          label="Cluster"
          value={cluster}
          options={plainOptions(distinct(value.items, i => i.cluster))}
          onChange={setCluster}
        />
        <ToggleFilter
          label="Only claims with a suggestion"
          checked={onlySuggestions}
          onChange={setOnlySuggestions}
        />
      </FilterBar>
      <ConsoleTable
        title="Usage"
        columns={columns}
        rows={shown}
        total={sorted.length}
        emptyMessage="No readings yet. The backend reads each node’s volume stats on a schedule; claims appear once a pod mounts them and the first reading is stored."
      />
    </>
  );
};

/** Usage: how full each claim is, with resize and shrink suggestions. */
export const UsageSection = () => {
  const data = useConsoleData(api => api.listFleetUsage());
  return (
    <ConsoleSection
      title="Usage"
      {...data}
      clusters={v => v.clusters}
      generatedAt={v => v.lastCollectedAt}
      summary={v => {
        const resize = v.items.filter(i => i.suggestion?.action === 'resize');
        const shrink = v.items.filter(
          i => i.suggestion && i.suggestion.action !== 'resize',
        );
        const saving = monthlyTotal(
          shrink.map(i => ({ monthlyUsd: i.suggestion?.monthlySavingUsd })),
        );
        return `${plural(v.items.length, 'claim')} measured${
          v.lastCollectedAt
            ? `, last read ${formatDateTime(v.lastCollectedAt)}`
            : ''
        }: ${resize.length} to resize, ${shrink.length} to shrink${
          saving > 0 ? ` (saving ${formatMonthlyUsd(saving)})` : ''
        }.`;
      }}
    >
      {value => <UsageView value={value} />}
    </ConsoleSection>
  );
};
