import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ClaimUsage } from '@eks-storage/backstage-plugin-storage-common';
import { formatBytes, formatPercent } from '../../lib/fleet';
import { formatDateTime } from '../../lib/format';

/** Above this share in use a claim is close to full (the resize threshold). */
export const NEARLY_FULL = 0.8;

/** "83% used: 41.5 GiB of 50 GiB". */
export function usageText(usage: ClaimUsage): string {
  return `${formatPercent(usage.usedFraction)} used: ${formatBytes(
    usage.usedBytes,
  )} of ${formatBytes(usage.capacityBytes)}`;
}

const useStyles = makeStyles(
  { bar: { minWidth: 160 } },
  { name: 'StorageUsageBar' },
);

/** How full a claim's file system is, as a bar and in words. */
export const UsageBar = ({ usage }: { usage: ClaimUsage }) => {
  const classes = useStyles();
  const percent = Math.min(100, Math.max(0, usage.usedFraction * 100));
  const text = usageText(usage);
  return (
    <div className={classes.bar}>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={usage.usedFraction >= NEARLY_FULL ? 'secondary' : 'primary'}
        aria-label={text}
      />
      <Typography
        variant="caption"
        display="block"
        title={`Read ${formatDateTime(usage.observedAt)}`}
      >
        {text}
      </Typography>
    </div>
  );
};
