import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
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

/** How full a claim's file system is, as a bar and in words. */
export const UsageBar = ({ usage }: { usage: ClaimUsage }) => {
  const percent = Math.min(100, Math.max(0, usage.usedFraction * 100));
  const text = usageText(usage);
  return (
    <Box minWidth={160}>
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
    </Box>
  );
};
