import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import ErrorIcon from '@material-ui/icons/Error';
import { DiagnosisSeverity } from '@eks-storage/backstage-plugin-storage-common';

function severityColor(theme: Theme, severity: DiagnosisSeverity): string {
  const status = (theme.palette as any).status ?? {};
  switch (severity) {
    case 'ok':
      return status.ok ?? theme.palette.success.main;
    case 'warning':
      return status.warning ?? theme.palette.warning.main;
    case 'error':
      return status.error ?? theme.palette.error.main;
    default:
      return theme.palette.info.main;
  }
}

const chipStyle = (theme: Theme, severity: DiagnosisSeverity) => {
  const color = severityColor(theme, severity);
  return {
    margin: 0,
    fontWeight: theme.typography.fontWeightMedium as number,
    color: theme.palette.getContrastText(color),
    backgroundColor: color,
    '& svg': { color: 'inherit' },
  };
};

// A static class per severity: made once per theme, where styles computed
// from props would make a style sheet for every chip on the page.
const useStyles = makeStyles(
  theme => ({
    ok: chipStyle(theme, 'ok'),
    info: chipStyle(theme, 'info'),
    warning: chipStyle(theme, 'warning'),
    error: chipStyle(theme, 'error'),
  }),
  { name: 'StorageStatusChip' },
);

const ICONS = {
  ok: CheckCircleIcon,
  info: InfoIcon,
  warning: WarningIcon,
  error: ErrorIcon,
};

export const SEVERITY_NAMES: Record<DiagnosisSeverity, string> = {
  ok: 'healthy',
  info: 'in progress',
  warning: 'needs attention',
  error: 'broken',
};

/** The state of a claim (or request) as a chip coloured by its severity. */
export const StatusChip = ({
  label,
  severity,
  size = 'small',
}: {
  label: string;
  severity: DiagnosisSeverity;
  size?: 'small' | 'medium';
}) => {
  const classes = useStyles();
  const Icon = ICONS[severity] ?? InfoIcon;
  return (
    <Chip
      className={classes[severity] ?? classes.info}
      size={size}
      icon={<Icon aria-hidden />}
      label={label}
      title={`${label}: ${SEVERITY_NAMES[severity] ?? severity}`}
    />
  );
};
