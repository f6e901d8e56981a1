import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ClaimDetailResponse } from '@eks-storage/backstage-plugin-storage-common';
import useAsync from 'react-use/esm/useAsync';
import { storageApiRef } from '../../api';
import { SuggestionText } from '../usage/SuggestionText';
import { UsageBar } from '../usage/UsageBar';
import { HISTORY_DAYS, UsageSparkline } from '../usage/UsageHistory';

/** How full the claim is, its history, and what to do about its size. */
export const UsageCard = ({ claim }: { claim: ClaimDetailResponse }) => {
  const api = useApi(storageApiRef);
  const { cluster, namespace, name } = claim;
  // The history and the suggestion come from the stored readings.
  const observedAt = claim.usage?.observedAt;
  const history = useAsync(
    async () =>
      observedAt
        ? api.getClaimUsage(
            { cluster, namespace, name },
            { days: HISTORY_DAYS },
          )
        : undefined,
    [api, cluster, namespace, name, observedAt],
  );
  return (
    <InfoCard title="Usage">
      {claim.usage ? (
        <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
          <UsageBar usage={claim.usage} />
          <Box>
            <Typography variant="caption" color="textSecondary" display="block">
              Last {HISTORY_DAYS} days
            </Typography>
            {history.error && (
              <Typography variant="caption" color="textSecondary">
                History unavailable: {history.error.message}
              </Typography>
            )}
            {history.value && (
              <UsageSparkline samples={history.value.samples} />
            )}
          </Box>
          {history.value?.suggestion && (
            <SuggestionText suggestion={history.value.suggestion} />
          )}
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No reading yet. The backend reads the file system&apos;s use from the
          node&apos;s volume stats on a schedule, once a pod mounts the claim.
        </Typography>
      )}
    </InfoCard>
  );
};
