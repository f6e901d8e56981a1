import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ClusterStatus } from '@eks-storage/backstage-plugin-storage-common';
import { formatDateTime } from '../../lib/format';
import { HeaderRow } from '../common/HeaderRow';

export interface ConsoleSectionProps<T> {
  /** The section's heading, for screen readers and the page outline. */
  title: string;
  value?: T;
  loading: boolean;
  error?: Error;
  live: boolean;
  /** A sentence summing up the answer ("3 findings, $12.80/mo"). */
  summary?: (value: T) => ReactNode;
  /** Actions beside the summary (filters, buttons). */
  actions?: ReactNode;
  clusters?: (value: T) => readonly ClusterStatus[] | undefined;
  /** When the backend computed the answer. */
  generatedAt?: (value: T) => string | undefined;
  children: (value: T) => ReactNode;
}

/**
 * The frame of every console section: a spinner on the first load, the
 * error when there is nothing to show, the last answer under a warning when
 * a refresh failed, and a warning per cluster the backend cannot reach.
 */
export function ConsoleSection<T>(props: ConsoleSectionProps<T>) {
  const { title, value, loading, error, live, summary, actions } = props;
  const headingId = `storage-console-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}`;
  if (!value && loading) return <Progress />;
  if (!value) {
    return <ResponseErrorPanel error={error ?? new Error('No answer')} />;
  }
  const unsynced = (props.clusters?.(value) ?? []).filter(c => !c.synced);
  const generatedAt = props.generatedAt?.(value);
  return (
    <section aria-labelledby={headingId}>
      {error && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          Could not refresh: {error.message}. Showing the last answer.
        </Alert>
      )}
      {unsynced.map(c => (
        <Alert key={c.name} severity="warning" style={{ marginBottom: 16 }}>
          Cluster {c.name} is not connected: what it holds may be missing or out
          of date.
        </Alert>
      ))}
      <HeaderRow mb={2}>
        <Box>
          <Typography variant="h5" component="h2" id={headingId}>
            {title}
          </Typography>
          {summary && (
            <Typography
              variant="body1"
              data-testid={`${headingId}-summary`}
              component="div"
            >
              {summary(value)}
            </Typography>
          )}
        </Box>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          style={{ gap: 16 }}
        >
          {actions}
          <Chip
            size="small"
            variant="outlined"
            label={live ? 'Live' : 'Refreshes every 30 s'}
            title={
              generatedAt
                ? `Computed ${formatDateTime(generatedAt)}`
                : undefined
            }
          />
        </Box>
      </HeaderRow>
      {props.children(value)}
    </section>
  );
}
