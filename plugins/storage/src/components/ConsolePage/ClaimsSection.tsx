import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { CopyTextButton, Link, TableColumn } from '@backstage/core-components';
import {
  DRIVERS,
  FleetClaim,
  FleetClaimsResponse,
  KUBERNETES_ID_ANNOTATION,
} from '@eks-storage/backstage-plugin-storage-common';
import useDebounce from 'react-use/esm/useDebounce';
import { useClaimLink } from '../../hooks/useRequestLink';
import { shortRef } from '../../lib/approvals';
import { formatDays, formatMonthlyUsd, plural } from '../../lib/fleet';
import {
  claimStatusLabel,
  driverShortTitle,
  quantityBytes,
  stateLabel,
} from '../../lib/format';
import { DriverLabel } from '../common/DriverIcon';
import { EntityLink } from '../common/EntityLink';
import { StatusChip } from '../common/StatusChip';
import { TextInput } from '../common/TextInput';
import {
  CLAIM_STATES,
  ClaimFilterValues,
  apiFilter,
  filtersFromQuery,
  invalidNumbers,
  queryFromFilters,
} from './claimFilters';
import { ConsoleSection } from './ConsoleSection';
import { ConsoleTable, FilterBar } from './ConsoleTable';
import { UsageBar } from '../usage/UsageBar';
import { useConsoleData } from './useConsoleData';

const rowKey = (c: FleetClaim) =>
  `${c.kind}/${c.cluster}/${c.namespace}/${c.name}/${c.volumeName ?? ''}`;

/** The command that ties a claim to an entity, as the Kubernetes plugin reads it. */
export function labelCommand(claim: FleetClaim, kubernetesId: string): string {
  return `kubectl --context ${claim.cluster} -n ${claim.namespace} label pvc ${claim.name} ${KUBERNETES_ID_ANNOTATION}=${kubernetesId}`;
}

const ClaimCell = ({ claim }: { claim: FleetClaim }) => {
  const claimLink = useClaimLink();
  const volume = claim.kind === 'PersistentVolume';
  return (
    <>
      <Typography variant="caption" display="block" color="textSecondary">
        {claim.cluster}
        {claim.namespace ? ` / ${claim.namespace}` : ''}
      </Typography>
      {volume ? (
        <Typography variant="body2">
          Volume {claim.volumeName ?? claim.name}
        </Typography>
      ) : (
        <Link to={claimLink(claim)}>{claim.name}</Link>
      )}
      {volume && (
        <Typography variant="caption" display="block">
          {claim.namespace
            ? `no claim holds it; last claim ${claim.namespace}/${claim.name}`
            : 'never claimed'}
        </Typography>
      )}
    </>
  );
};

/** Who owns a claim; for an unowned one, the clues and how to tie it to its entity. */
export const OwnerCell = ({ claim }: { claim: FleetClaim }) => {
  if (claim.owned && claim.entityRef) {
    return (
      <>
        <EntityLink entityRef={claim.entityRef} />
        {claim.ownerRef && (
          <Typography variant="caption" display="block">
            {shortRef(claim.ownerRef)}
            {claim.systemRef ? ` · ${shortRef(claim.systemRef)}` : ''}
          </Typography>
        )}
      </>
    );
  }
  const kubernetesId = claim.labels[KUBERNETES_ID_ANNOTATION];
  const pointed = claim.ownerHints.find(h => h.entityRef)?.entityRef;
  const suggestedId = pointed ? shortRef(pointed).split('/').pop() : undefined;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
      <Box>
        <Chip size="small" label="Unowned" />
      </Box>
      <Typography variant="caption">
        {kubernetesId
          ? `Its label ${KUBERNETES_ID_ANNOTATION}=${kubernetesId} names no entity.`
          : `No ${KUBERNETES_ID_ANNOTATION} label.`}
      </Typography>
      {claim.ownerHints.map(hint => (
        <Typography key={`${hint.source}-${hint.detail}`} variant="caption">
          Clue ({hint.source}): {hint.detail}
          {hint.entityRef && (
            <>
              {' → '}
              <EntityLink entityRef={hint.entityRef} />
            </>
          )}
        </Typography>
      ))}
      {claim.kind === 'PersistentVolumeClaim' && (
        <Box display="flex" alignItems="center">
          <Typography variant="caption">
            Tell its owner: label it with their entity&apos;s id
            {suggestedId ? ` (${suggestedId}?)` : ''}
          </Typography>
          <CopyTextButton
            text={labelCommand(claim, suggestedId ?? '<entity-id>')}
            tooltipText="Command copied"
            aria-label={`Copy the label command for ${claim.name}`}
          />
        </Box>
      )}
    </Box>
  );
};

const columns: TableColumn<FleetClaim>[] = [
  {
    title: 'Claim',
    field: 'name',
    customFilterAndSearch: (term: string, c) =>
      rowKey(c).toLowerCase().includes(term.toLowerCase()),
    render: c => <ClaimCell claim={c} />,
  },
  {
    title: 'Owner',
    field: 'entityRef',
    cellStyle: { minWidth: 220 },
    render: c => <OwnerCell claim={c} />,
  },
  {
    title: 'Driver and class',
    field: 'storageClassName',
    render: c => (
      <>
        <DriverLabel driver={c.driver} />
        <Typography variant="caption" display="block" color="textSecondary">
          {[c.offeringId, c.storageClassName].filter(Boolean).join(' · ') ||
            '—'}
        </Typography>
      </>
    ),
  },
  {
    title: 'State',
    field: 'state',
    cellStyle: { minWidth: 220 },
    render: c => (
      <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
        <Box>
          <StatusChip label={claimStatusLabel(c)} severity={c.severity} />
        </Box>
        <Typography variant="caption">{c.headline}</Typography>
      </Box>
    ),
  },
  {
    title: 'Capacity',
    field: 'capacityBytes',
    customSort: (a, b) =>
      (a.capacityBytes ?? quantityBytes(a.capacity ?? a.requested)) -
      (b.capacityBytes ?? quantityBytes(b.capacity ?? b.requested)),
    render: c => c.capacity ?? c.requested ?? '—',
  },
  {
    title: 'Used',
    field: 'usage.usedFraction',
    customSort: (a, b) =>
      (a.usage?.usedFraction ?? -1) - (b.usage?.usedFraction ?? -1),
    render: c =>
      c.usage ? (
        <UsageBar usage={c.usage} />
      ) : (
        <Typography variant="caption" color="textSecondary">
          {c.consumers ? 'No reading yet' : 'Not mounted'}
        </Typography>
      ),
  },
  {
    title: 'Monthly',
    field: 'monthlyUsd',
    customSort: (a, b) => (a.monthlyUsd ?? -1) - (b.monthlyUsd ?? -1),
    render: c => formatMonthlyUsd(c.monthlyUsd),
  },
  {
    title: 'Age',
    field: 'ageDays',
    render: c => formatDays(c.ageDays),
  },
];

const SELECTS: Array<{
  key: keyof ClaimFilterValues;
  label: string;
  options: (value: FleetClaimsResponse) => Array<[string, string]>;
}> = [
  {
    key: 'cluster',
    label: 'Cluster',
    options: v => v.clusters.map(c => [c.name, c.name]),
  },
  {
    key: 'driver',
    label: 'Driver',
    options: () => Object.keys(DRIVERS).map(d => [d, driverShortTitle(d)]),
  },
  {
    key: 'state',
    label: 'State',
    options: () => CLAIM_STATES.map(s => [s, stateLabel(s)]),
  },
  {
    key: 'owned',
    label: 'Ownership',
    options: () => [
      ['true', 'Owned by an entity'],
      ['false', 'Unowned'],
    ],
  },
];

const TEXTS: Array<{
  key: keyof ClaimFilterValues;
  label: string;
  placeholder?: string;
  width?: number;
  /** Shown only after "More filters" (or when set). */
  more?: boolean;
}> = [
  { key: 'team', label: 'Team', placeholder: 'group:default/team-payments' },
  {
    key: 'entity',
    label: 'Entity',
    placeholder: 'component:default/payments-api',
  },
  {
    key: 'system',
    label: 'System',
    placeholder: 'system:default/online-shop',
    more: true,
  },
  { key: 'namespace', label: 'Namespace', more: true },
  { key: 'offering', label: 'Offering', more: true },
  { key: 'storageClass', label: 'Storage class', more: true },
  { key: 'minAgeDays', label: 'Older than (days)', width: 150, more: true },
  { key: 'maxAgeDays', label: 'Newer than (days)', width: 150, more: true },
  { key: 'usageAbove', label: 'Used above (%)', width: 140, more: true },
  { key: 'usageBelow', label: 'Used below (%)', width: 140, more: true },
];

/** The filter fields; typing is applied once it stops. */
const ClaimFilters = (props: {
  value: ClaimFilterValues;
  onChange: (filters: ClaimFilterValues) => void;
  clusters: FleetClaimsResponse;
}) => {
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  useDebounce(
    () => {
      if (JSON.stringify(draft) !== JSON.stringify(props.value)) {
        props.onChange(draft);
      }
    },
    400,
    [draft],
  );
  const invalid = invalidNumbers(draft);
  const set = (key: keyof ClaimFilterValues) => (event: { target: any }) =>
    setDraft(current => ({ ...current, [key]: event.target.value }));
  const any = Object.values(draft).some(v => v.trim());
  const [more, setMore] = useState(() =>
    TEXTS.some(t => t.more && props.value[t.key]),
  );
  return (
    <FilterBar label="Filter claims">
      {SELECTS.map(({ key, label, options }) => (
        <TextInput
          key={key}
          id={`storage-claims-${key}`}
          select
          fullWidth={false}
          label={label}
          value={draft[key]}
          onChange={set(key)}
          style={{ minWidth: 160 }}
        >
          <MenuItem value="">All</MenuItem>
          {options(props.clusters).map(([value, text]) => (
            <MenuItem key={value} value={value}>
              {text}
            </MenuItem>
          ))}
        </TextInput>
      ))}
      {TEXTS.filter(t => more || !t.more).map(
        ({ key, label, placeholder, width }) => (
          <TextInput
            key={key}
            id={`storage-claims-${key}`}
            fullWidth={false}
            label={label}
            placeholder={placeholder}
            value={draft[key]}
            onChange={set(key)}
            error={invalid.includes(key)}
            helperText={invalid.includes(key) ? 'A number, please' : undefined}
            style={width ? { width } : undefined}
          />
        ),
      )}
      <Button onClick={() => setMore(!more)} aria-expanded={more}>
        {more ? 'Fewer filters' : 'More filters'}
      </Button>
      {any && (
        <Button
          onClick={() =>
            setDraft(
              Object.fromEntries(
                Object.keys(draft).map(k => [k, '']),
              ) as unknown as ClaimFilterValues,
            )
          }
        >
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
};

/** Every claim of every cluster, with the answer's rows and how many matched. */
export const ClaimsView = (props: {
  value: FleetClaimsResponse;
  filters: ClaimFilterValues;
  onFiltersChange: (filters: ClaimFilterValues) => void;
  loading?: boolean;
}) => {
  const { value, filters, onFiltersChange, loading } = props;
  return (
    <>
      <ClaimFilters
        value={filters}
        onChange={onFiltersChange}
        clusters={value}
      />
      {value.total > value.items.length && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          Showing {value.items.length} of {value.total}: narrow the filters to
          see the rest.
        </Alert>
      )}
      <ConsoleTable
        title="Claims"
        isLoading={loading}
        columns={columns}
        rows={value.items}
        total={value.items.length}
        emptyMessage={
          Object.values(filters).some(v => v)
            ? 'No claim matches the filters. Clear some to see more.'
            : 'No claim in any cluster yet. Teams ask for storage from their component’s Storage tab or a template.'
        }
      />
    </>
  );
};

/** Claims: every claim in every cluster, filtered on the server; the filters live in the URL. */
export const ClaimsSection = () => {
  const [query, setQuery] = useSearchParams();
  const filters = useMemo(() => filtersFromQuery(query), [query]);
  const invalid = invalidNumbers(filters).length > 0;
  const key = JSON.stringify(apiFilter(filters));
  const data = useConsoleData(
    async api => ({
      key,
      response: await api.listFleetClaims(JSON.parse(key)),
    }),
    [key],
  );
  // A background refresh keeps the rows on screen; new filters show the wait.
  const refiltering = data.loading && data.value?.key !== key;
  return (
    <ConsoleSection
      title="Claims"
      {...data}
      value={data.value?.response}
      clusters={v => v.clusters}
      summary={v => {
        const unowned = v.items.filter(c => !c.owned).length;
        return `${plural(v.total, 'claim')} match${v.total === 1 ? 'es' : ''}${
          unowned ? `, ${unowned} of them unowned` : ''
        }${
          invalid ? ' (number filters that are not numbers are left out)' : ''
        }.`;
      }}
    >
      {value => (
        <ClaimsView
          value={value}
          filters={filters}
          loading={refiltering}
          onFiltersChange={next =>
            setQuery(queryFromFilters(next), { replace: true })
          }
        />
      )}
    </ConsoleSection>
  );
};
