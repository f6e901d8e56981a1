import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { TrendLine } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ClaimRef,
  UsageSample,
} from '@eks-storage/backstage-plugin-storage-common';
import useAsync from 'react-use/esm/useAsync';
import { storageApiRef } from '../../api';
import { formatPercent } from '../../lib/fleet';
import { NEARLY_FULL } from './UsageBar';

/** The days of history a sparkline shows. */
export const HISTORY_DAYS = 30;

const fractionOf = (s: UsageSample) =>
  s.capacityBytes > 0 ? s.usedBytes / s.capacityBytes : 0;

/** "From 41% to 86% in 30 days", for the sparkline's name. */
export function historyText(samples: readonly UsageSample[]): string {
  if (!samples.length) return 'No readings yet';
  const first = fractionOf(samples[0]);
  const last = fractionOf(samples[samples.length - 1]);
  return `Used share over ${HISTORY_DAYS} days: from ${formatPercent(
    first,
  )} to ${formatPercent(last)} (${samples.length} readings)`;
}

/** Used share of capacity over time, as a sparkline. */
export const UsageSparkline = ({
  samples,
}: {
  samples: readonly UsageSample[];
}) => {
  const theme = useTheme();
  if (samples.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary">
        {samples.length ? 'One reading so far' : 'No readings yet'}
      </Typography>
    );
  }
  const text = historyText(samples);
  const last = fractionOf(samples[samples.length - 1]);
  return (
    <span role="img" aria-label={text}>
      <TrendLine
        data={samples.map(fractionOf)}
        title={text}
        color={
          last >= NEARLY_FULL
            ? theme.palette.error.main
            : theme.palette.primary.main
        }
      />
    </span>
  );
};

/** A claim's usage history, loaded when its row is shown. */
export const UsageHistory = ({ claim }: { claim: ClaimRef }) => {
  const api = useApi(storageApiRef);
  const { cluster, namespace, name } = claim;
  const { value, error } = useAsync(
    () =>
      api.getClaimUsage({ cluster, namespace, name }, { days: HISTORY_DAYS }),
    [api, cluster, namespace, name],
  );
  if (error) {
    return (
      <Typography variant="caption" color="textSecondary">
        History unavailable
      </Typography>
    );
  }
  if (!value) return null;
  return <UsageSparkline samples={value.samples} />;
};
