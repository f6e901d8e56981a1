import { useState } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import Typography from '@material-ui/core/Typography';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  DECIDED_REQUEST_STATUSES,
  StorageRequestStatus,
} from '@eks-storage/backstage-plugin-storage-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { storageApiRef } from '../../api';
import { useLiveRefresh } from '../../hooks/useLiveRefresh';
import { useRequestLink } from '../../hooks/useRequestLink';
import { requestTitle, shortRef } from '../../lib/approvals';
import { formatDateTime, stateLabel } from '../../lib/format';
import { SimpleTable } from '../common/SimpleTable';
import { StatusChip } from '../common/StatusChip';
import { TextInput } from '../common/TextInput';

/** Statuses a decided request can have. */
export const HISTORY_STATUSES: readonly StorageRequestStatus[] =
  DECIDED_REQUEST_STATUSES;

export interface HistoryFilters {
  status: string;
  team: string;
  cluster: string;
  /** YYYY-MM-DD, from the date input. */
  since: string;
}

const NO_FILTERS: HistoryFilters = {
  status: '',
  team: '',
  cluster: '',
  since: '',
};

function severityOf(status: string) {
  if (status === 'failed') return 'error' as const;
  if (status === 'rejected' || status === 'cancelled')
    return 'warning' as const;
  if (status === 'applied' || status === 'approved') return 'ok' as const;
  return 'info' as const;
}

/** Decided requests, filtered by status, team, cluster and date. */
export const ApprovalHistory = () => {
  const api = useApi(storageApiRef);
  const requestLink = useRequestLink();
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  // Typing in the team and cluster fields asks once the typing stops.
  const [applied, setApplied] = useState<HistoryFilters>(NO_FILTERS);
  useDebounce(() => setApplied(filters), 300, [filters]);
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.listApprovals({
        view: 'history',
        ...(applied.status && {
          status: [applied.status as StorageRequestStatus],
        }),
        ...(applied.team.trim() && { team: applied.team.trim() }),
        ...(applied.cluster.trim() && { cluster: applied.cluster.trim() }),
        ...(applied.since && {
          since: new Date(`${applied.since}T00:00:00Z`).toISOString(),
        }),
      }),
    [api, applied],
  );
  useLiveRefresh(retry, {
    channel: value?.signalChannel,
    failed: !!error,
    loading,
  });
  const set = (key: keyof HistoryFilters) => (event: { target: any }) =>
    setFilters(current => ({ ...current, [key]: event.target.value }));

  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 16 }}
        mb={2}
        role="group"
        aria-label="Filter history"
      >
        <TextInput
          id="storage-history-status"
          fullWidth={false}
          select
          label="Status"
          value={filters.status}
          onChange={set('status')}
          style={{ minWidth: 180 }}
        >
          <MenuItem value="">All</MenuItem>
          {HISTORY_STATUSES.map(status => (
            <MenuItem key={status} value={status}>
              {stateLabel(status)}
            </MenuItem>
          ))}
        </TextInput>
        <TextInput
          id="storage-history-team"
          fullWidth={false}
          label="Team"
          placeholder="group:default/payments"
          value={filters.team}
          onChange={set('team')}
        />
        <TextInput
          id="storage-history-cluster"
          fullWidth={false}
          label="Cluster"
          value={filters.cluster}
          onChange={set('cluster')}
        />
        <TextInput
          id="storage-history-since"
          fullWidth={false}
          type="date"
          label="Decided since"
          InputLabelProps={{ shrink: true }}
          value={filters.since}
          onChange={set('since')}
        />
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      {!value && loading && <Progress />}
      {value && value.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No decided request matches the filters.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <SimpleTable
          label="Decided requests"
          headers={[
            'Request',
            'Entity',
            'Owner',
            'Status',
            'Decided by',
            'Reason',
            'Updated',
          ]}
          items={value.items}
          rowKey={item => item.request.id}
          cells={({ request, entityOwner }) => [
            <Link to={requestLink(request.id)}>{requestTitle(request)}</Link>,
            shortRef(request.entityRef),
            shortRef(entityOwner),
            <StatusChip
              label={stateLabel(request.status)}
              severity={severityOf(request.status)}
            />,
            shortRef(request.decidedBy),
            request.decisionReason ?? '—',
            formatDateTime(request.updatedAt),
          ]}
        />
      )}
    </>
  );
};
