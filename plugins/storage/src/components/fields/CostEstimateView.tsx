import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CostEstimate } from '@eks-storage/backstage-plugin-storage-common';
import { formatMonthlyCost, formatUsd } from '../../lib/format';

/** A monthly cost estimate: the total, its lines and its notes. */
export const CostEstimateView = ({
  cost,
  title = 'Estimated cost',
  compareTo,
}: {
  cost?: CostEstimate;
  title?: string;
  /** The current cost, to show the change (resize). */
  compareTo?: CostEstimate;
}) => {
  if (!cost) return null;
  const delta =
    compareTo?.totalMonthlyUsd !== undefined &&
    cost.totalMonthlyUsd !== undefined
      ? cost.totalMonthlyUsd - compareTo.totalMonthlyUsd
      : undefined;
  return (
    <Box my={1} aria-live="polite">
      <Typography variant="subtitle2">
        {title}: {formatMonthlyCost(cost)}
        {delta !== undefined && delta !== 0
          ? ` (${delta > 0 ? '+' : '−'}${formatUsd(Math.abs(delta))}/mo)`
          : ''}
      </Typography>
      {cost.breakdown.length > 1 &&
        cost.breakdown.map(line => (
          <Typography
            key={line.description}
            variant="caption"
            display="block"
            color="textSecondary"
          >
            {line.description}: {line.quantity} {line.unit} ×{' '}
            {formatUsd(line.unitPriceUsd)} = {formatUsd(line.monthlyUsd)}
          </Typography>
        ))}
      {cost.notes.map(note => (
        <Typography
          key={note}
          variant="caption"
          display="block"
          color="textSecondary"
        >
          {note}
        </Typography>
      ))}
      <Typography variant="caption" display="block" color="textSecondary">
        List prices for {cost.region} as of {cost.priceDate}.
      </Typography>
    </Box>
  );
};
