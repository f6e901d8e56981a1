import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import WarningIcon from '@material-ui/icons/Warning';
import ErrorIcon from '@material-ui/icons/Error';
import { ClaimDetailResponse } from '@eks-storage/backstage-plugin-storage-common';
import { formatDateTime } from '../../lib/format';
import { buildTimeline } from './timeline';

const ICONS = {
  ok: <CheckCircleIcon aria-hidden style={{ color: 'inherit' }} />,
  info: <InfoIcon aria-hidden color="action" />,
  warning: <WarningIcon aria-hidden color="secondary" />,
  error: <ErrorIcon aria-hidden color="error" />,
};

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
    <List dense aria-label="Timeline" disablePadding>
      {entries.map(entry => (
        <ListItem key={entry.key} alignItems="flex-start" disableGutters>
          <ListItemIcon style={{ minWidth: 36, marginTop: 4 }}>
            {ICONS[entry.severity]}
          </ListItemIcon>
          <ListItemText
            primary={entry.title}
            secondary={
              <>
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                  component="span"
                >
                  {SOURCES[entry.source]} · {formatDateTime(entry.at)}
                </Typography>
                {entry.detail && (
                  <Typography variant="body2" component="span">
                    {entry.detail}
                  </Typography>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};
