import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { InfoCard, Link, TrendLine } from '@backstage/core-components';
import {
  FleetCostPoint,
  FleetGroup,
  FleetOverviewResponse,
  UNOWNED,
} from '@eks-storage/backstage-plugin-storage-common';
import { useConsoleLink } from '../../hooks/useRequestLink';
import { shortRef } from '../../lib/approvals';
import { formatBytes, formatMonthlyUsd, plural } from '../../lib/fleet';
import { driverShortTitle, formatUsd, stateLabel } from '../../lib/format';
import { SimpleTable } from '../common/SimpleTable';
import { ConsoleSection } from './ConsoleSection';
import { useConsoleData } from './useConsoleData';

type Counts = FleetOverviewResponse['counts'];

/** The console's sections that count findings, with the path of their tab. */
const FINDING_COUNTS: Array<{
  key: keyof Counts;
  label: string;
  section: string;
  what: string;
}> = [
  { key: 'waste', label: 'Waste', section: 'waste', what: 'finding' },
  {
    key: 'classHealth',
    label: 'Class health',
    section: 'classes',
    what: 'finding',
  },
  {
    key: 'compliance',
    label: 'Compliance',
    section: 'compliance',
    what: 'finding',
  },
  { key: 'usage', label: 'Usage', section: 'usage', what: 'suggestion' },
  {
    key: 'backups',
    label: 'Backups',
    section: 'backups',
    what: 'flagged claim',
  },
  { key: 'expiries', label: 'Expiry', section: 'expiry', what: 'expiry' },
];

/** A number that links to the section where it comes from. */
const CountLink = (props: {
  to: string;
  label: string;
  count: number;
  what: string;
}) => (
  <Link
    to={props.to}
    aria-label={`${props.label}: ${plural(props.count, props.what)}`}
    underline="none"
  >
    <Box
      p={2}
      border={1}
      borderColor="divider"
      borderRadius={4}
      minWidth={140}
      data-testid={`storage-overview-count-${props.label
        .toLowerCase()
        .replace(/\s+/g, '-')}`}
    >
      <Typography variant="h4" component="div">
        {props.count}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
    </Box>
  </Link>
);

/**
 * Whether a cost group's key is an entity ref; storage no entity owns (or
 * whose entity names no team or system) is grouped under '' or UNOWNED.
 */
export const isGroupRef = (key: string) => !!key && key !== UNOWNED;

/** "+$3.20/mo (+4%) since 2 Mar": the change over the recorded trend. */
export function trendText(trend: readonly FleetCostPoint[]): string {
  if (trend.length < 2) return 'Not enough history for a trend yet.';
  const first = trend[0];
  const last = trend[trend.length - 1];
  const delta = last.totalMonthlyUsd - first.totalMonthlyUsd;
  const percent = first.totalMonthlyUsd
    ? Math.round((delta / first.totalMonthlyUsd) * 100)
    : undefined;
  const sign = delta >= 0 ? '+' : '−';
  return `${sign}${formatUsd(Math.abs(delta))}/mo${
    percent !== undefined ? ` (${sign}${Math.abs(percent)}%)` : ''
  } since ${first.date}`;
}

/** "By cluster" and its table: claims, capacity and cost per group, costliest first. */
const GroupTable = (props: {
  /** What is counted ("Claims", "Cost"); the table is named "<what> by <key>". */
  what: string;
  keyTitle: string;
  groups: readonly FleetGroup[];
  name: (key: string) => ReactNode;
  /** Show claim counts and capacity beside the cost. */
  capacity?: boolean;
}) => {
  const { what, keyTitle, groups, name, capacity } = props;
  const by = keyTitle.toLowerCase();
  return (
    <Box mb={2}>
      <Typography variant="subtitle2" component="h3">
        By {by}
      </Typography>
      {groups.length ? (
        <SimpleTable
          label={`${what} by ${by}`}
          headers={
            capacity
              ? [keyTitle, 'Claims', 'Unclaimed', 'Capacity', 'Monthly']
              : [keyTitle, 'Claims', 'Monthly']
          }
          items={[...groups].sort(
            (a, b) => b.monthlyUsd - a.monthlyUsd || a.key.localeCompare(b.key),
          )}
          rowKey={g => g.key || '(none)'}
          cells={g =>
            capacity
              ? [
                  name(g.key),
                  g.claims,
                  g.volumes,
                  formatBytes(g.capacityBytes),
                  formatMonthlyUsd(g.monthlyUsd),
                ]
              : [name(g.key), g.claims, formatMonthlyUsd(g.monthlyUsd)]
          }
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Nothing to group yet.
        </Typography>
      )}
    </Box>
  );
};

/** Claims, capacity and cost across the fleet, and counts that lead to each section. */
export const OverviewView = ({ value }: { value: FleetOverviewResponse }) => {
  const theme = useTheme();
  const link = useConsoleLink();
  const { counts, cost } = value;
  /** A group's name, linking to the claims it counts. */
  const claimsOf =
    (filter: 'cluster' | 'driver' | 'state', label: (key: string) => string) =>
    (key: string) =>
      key ? (
        <Link to={link('claims', { [filter]: key })}>{label(key)}</Link>
      ) : (
        'Unknown'
      );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          flexWrap="wrap"
          style={{ gap: 16 }}
          component="nav"
          aria-label="Console sections"
        >
          <CountLink
            to={link('claims')}
            label="Claims"
            count={counts.claims}
            what="claim"
          />
          <CountLink
            to={link('claims', { owned: 'false' })}
            label="Unowned claims"
            count={counts.unowned}
            what="claim"
          />
          {FINDING_COUNTS.map(c => (
            <CountLink
              key={c.key}
              to={link(c.section)}
              label={c.label}
              count={counts[c.key]}
              what={c.what}
            />
          ))}
        </Box>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Monthly cost"
          subheader={`List prices${cost.region ? ` in ${cost.region}` : ''}${
            cost.priceDate ? ` as of ${cost.priceDate}` : ''
          }`}
        >
          <Box display="flex" alignItems="center" style={{ gap: 24 }} mb={2}>
            <Typography
              variant="h4"
              component="div"
              data-testid="storage-overview-cost-total"
            >
              {formatMonthlyUsd(cost.totalMonthlyUsd)}
            </Typography>
            {cost.trend.length >= 2 && (
              <span
                role="img"
                aria-label={`Cost trend: ${trendText(cost.trend)}`}
              >
                <TrendLine
                  data={cost.trend.map(p => p.totalMonthlyUsd)}
                  title={`Cost trend: ${trendText(cost.trend)}`}
                  min={undefined}
                  max={undefined}
                  color={theme.palette.primary.main}
                />
              </span>
            )}
            <Typography variant="body2" color="textSecondary">
              {trendText(cost.trend)}
            </Typography>
          </Box>
          <GroupTable
            what="Cost"
            keyTitle="Team"
            groups={cost.byTeam}
            name={key =>
              isGroupRef(key) ? (
                <Link to={link('claims', { team: key })}>{shortRef(key)}</Link>
              ) : (
                'No owner'
              )
            }
          />
          <GroupTable
            what="Cost"
            keyTitle="System"
            groups={cost.bySystem}
            name={key =>
              isGroupRef(key) ? (
                <Link to={link('claims', { system: key })}>
                  {shortRef(key)}
                </Link>
              ) : (
                'No system'
              )
            }
          />
          <GroupTable
            what="Cost"
            keyTitle="Driver"
            groups={cost.byDriver}
            name={key => (key ? driverShortTitle(key) : 'Unknown')}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Claims and capacity"
          subheader={`${plural(counts.claims, 'claim')} and ${plural(
            counts.volumes,
            'volume',
          )} without a claim`}
        >
          <GroupTable
            what="Claims"
            keyTitle="Cluster"
            groups={value.byCluster}
            name={claimsOf('cluster', key => key)}
            capacity
          />
          <GroupTable
            what="Claims"
            keyTitle="Driver"
            groups={value.byDriver}
            name={claimsOf('driver', driverShortTitle)}
            capacity
          />
          <GroupTable
            what="Claims"
            keyTitle="State"
            groups={value.byState}
            name={claimsOf('state', stateLabel)}
            capacity
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
};

/** Overview: the fleet's claims, capacity and cost, and what each section found. */
export const OverviewSection = () => {
  const data = useConsoleData(api => api.getFleetOverview());
  return (
    <ConsoleSection
      title="Overview"
      {...data}
      clusters={v => v.clusters}
      generatedAt={v => v.generatedAt}
      summary={v =>
        `${plural(v.counts.claims, 'claim')} in ${plural(
          v.clusters.length,
          'cluster',
        )}, ${formatMonthlyUsd(v.cost.totalMonthlyUsd)} at list prices.`
      }
    >
      {value => <OverviewView value={value} />}
    </ConsoleSection>
  );
};
