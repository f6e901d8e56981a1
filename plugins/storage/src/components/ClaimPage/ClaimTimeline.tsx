import Typography from '@material-ui/core/Typography';
import { ClaimDetailResponse } from '@eks-storage/backstage-plugin-storage-common';
import { formatDateTime } from '../../lib/format';
import { TimelineList } from '../common/TimelineList';
import { buildTimeline } from './timeline';

const SOURCES = {
  transition: 'State',
  event: 'Cluster event',
  request: 'Request',
};

/** Our transitions, the cluster's events and the claim's requests, newest first. */
export const ClaimTimeline = ({ claim }: { claim: ClaimDetailResponse }) => {
  const entries = buildTimeline(claim);
  if (!entries.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing has happened to this claim yet.
      </Typography>
    );
  }
  return (
    <TimelineList
      label="Timeline"
      entries={entries.map(entry => ({
        key: entry.key,
        title: entry.title,
        severity: entry.severity,
        caption: `${SOURCES[entry.source]} · ${formatDateTime(entry.at)}`,
        detail: entry.detail,
      }))}
    />
  );
};
