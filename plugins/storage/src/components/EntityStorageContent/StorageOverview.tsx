import { memo, useCallback, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityStorage } from '../../hooks/useEntityStorage';
import { formatUsd } from '../../lib/format';
import { StorageRow } from '../../lib/rows';
import { sameData } from '../../lib/sameData';
import { HeaderRow } from '../common/HeaderRow';
import { RequestStorageDialog } from '../RequestStorageDialog';
import { ClaimsTable } from './ClaimsTable';
import { RequestButtons } from './RequestButtons';
import { StorageEmptyState } from './StorageEmptyState';

/** The monthly total of sized storage, and whether usage-billed storage comes on top. */
export function totalCost(rows: readonly StorageRow[]) {
  let total = 0;
  let byUse = false;
  for (const row of rows) {
    if (row.kind !== 'claim' || !row.cost) continue;
    if (row.cost.totalMonthlyUsd !== undefined)
      total += row.cost.totalMonthlyUsd;
    else byUse = true;
  }
  return { total: Math.round(total * 100) / 100, byUse };
}

interface SummaryCounts {
  claimCount: number;
  requestCount: number;
  problems: number;
  total: number;
  byUse: boolean;
}

/** What the summary line says of the rows. */
function summaryCounts(rows: readonly StorageRow[]): SummaryCounts {
  const problems = rows.filter(
    r => r.severity === 'error' || r.severity === 'warning',
  ).length;
  const requestCount = rows.filter(r => r.kind === 'request').length;
  return {
    claimCount: rows.length - requestCount,
    requestCount,
    problems,
    ...totalCost(rows),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The counts, the cost, the live indicator and the request buttons above
 * the table; rendered again only when one of them changes, not at every
 * refresh.
 */
const StorageSummary = memo(function SummaryLine(props: {
  counts: SummaryCounts;
  live: boolean;
  entityRef: string;
  onRequest: () => void;
  requestTemplate?: string;
}) {
  const { claimCount, requestCount, problems, total, byUse } = props.counts;
  return (
    <HeaderRow mb={2}>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 16 }}
      >
        <Typography variant="body1">
          {plural(claimCount, 'claim')}
          {requestCount
            ? `, ${plural(requestCount, 'request')} on the way`
            : ''}
          {problems
            ? `, ${problems} need${problems === 1 ? 's' : ''} attention`
            : ', all healthy'}
          {` · ${formatUsd(total)}/mo${
            byUse ? ' + storage billed by use' : ''
          }`}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={props.live ? 'Live' : 'Refreshes every 30 s'}
        />
      </Box>
      <RequestButtons
        entityRef={props.entityRef}
        onRequest={props.onRequest}
        requestTemplate={props.requestTemplate}
      />
    </HeaderRow>
  );
},
sameData);

/**
 * The Storage tab's main view: the claims table, or the empty state.
 * `requestTemplate` (a template's entity ref) adds "Use a template".
 */
export const StorageOverview = ({
  requestTemplate,
}: {
  requestTemplate?: string;
}) => {
  const { entity } = useEntity();
  const storage = useEntityStorage(entity, { approvals: true });
  const [requesting, setRequesting] = useState(false);
  const request = useCallback(() => setRequesting(true), []);
  const { rows, response } = storage;
  const counts = useMemo(() => summaryCounts(rows), [rows]);

  if (!response && storage.loading) return <Progress />;
  if (!response) {
    return (
      <ResponseErrorPanel error={storage.error ?? new Error('No answer')} />
    );
  }
  const unsynced = response.clusters.filter(c => !c.synced);
  const dialog = requesting && (
    <RequestStorageDialog
      open
      onClose={() => setRequesting(false)}
      entityRef={storage.entityRef}
      offerings={storage.offerings}
      clusters={response.clusters.map(c => c.name)}
      defaultNamespace={storage.namespace}
      defaultClaimName={`${entity.metadata.name}-data`}
      onSubmitted={storage.refresh}
    />
  );

  return (
    <>
      {storage.error && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          Could not refresh: {storage.error.message}. Showing the last answer.
        </Alert>
      )}
      {unsynced.map(c => (
        <Alert key={c.name} severity="warning" style={{ marginBottom: 16 }}>
          Cluster {c.name} is not connected: its claims may be missing or out of
          date.
        </Alert>
      ))}
      {rows.length === 0 ? (
        <StorageEmptyState
          entityName={entity.metadata.name}
          selector={storage.selector}
          namespace={storage.namespace}
          offerings={storage.offerings}
          action={
            <RequestButtons
              entityRef={storage.entityRef}
              onRequest={request}
              requestTemplate={requestTemplate}
            />
          }
        />
      ) : (
        <>
          <StorageSummary
            counts={counts}
            live={storage.live}
            entityRef={storage.entityRef}
            onRequest={request}
            requestTemplate={requestTemplate}
          />
          <ClaimsTable rows={rows} loading={storage.loading} />
        </>
      )}
      {dialog}
    </>
  );
};
