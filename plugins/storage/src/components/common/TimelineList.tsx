import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import WarningIcon from '@material-ui/icons/Warning';
import ErrorIcon from '@material-ui/icons/Error';
import { DiagnosisSeverity } from '@eks-storage/backstage-plugin-storage-common';

const ICONS = {
  ok: <CheckCircleIcon aria-hidden style={{ color: 'inherit' }} />,
  info: <InfoIcon aria-hidden color="action" />,
  warning: <WarningIcon aria-hidden color="secondary" />,
  error: <ErrorIcon aria-hidden color="error" />,
};

export interface TimelineListEntry {
  key: string;
  title: string;
  severity: DiagnosisSeverity;
  /** Where and when, in small print. */
  caption: string;
  detail?: string;
}

/** A labelled list of what happened, each entry with its severity's icon. */
export const TimelineList = ({
  label,
  entries,
}: {
  label: string;
  entries: TimelineListEntry[];
}) => (
  <List dense aria-label={label} disablePadding>
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
                {entry.caption}
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
