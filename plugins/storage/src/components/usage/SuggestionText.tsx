import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ClaimUsageSuggestion } from '@eks-storage/backstage-plugin-storage-common';
import { formatMonthlyUsd, formatPercent } from '../../lib/fleet';
import { formatDateTime } from '../../lib/format';

/** "Saves $4.00/mo", "Adds $8.00/mo" (a saving below zero), or nothing when the price is unknown. */
export function suggestionMoney(suggestion: ClaimUsageSuggestion): string {
  const saving = suggestion.monthlySavingUsd;
  if (saving === undefined) return '';
  return saving >= 0
    ? `Saves ${formatMonthlyUsd(saving)}`
    : `Adds ${formatMonthlyUsd(-saving)}`;
}

/** What the suggestion proposes, in a few words. */
export function suggestionTitle(suggestion: ClaimUsageSuggestion): string {
  const { action, fromSize, toSize, offering } = suggestion;
  switch (action) {
    case 'resize':
      return `Resize from ${fromSize} to ${toSize}`;
    case 'smaller-offering':
      return `Move to ${offering ?? 'a smaller offering'} at ${toSize}`;
    default:
      return `Shrink from ${fromSize} to ${toSize} by migration`;
  }
}

/** How to carry the suggestion out. */
export function suggestionHowTo(suggestion: ClaimUsageSuggestion): string {
  if (suggestion.action === 'resize') {
    return `${formatPercent(
      suggestion.usedFraction,
    )} used. Resize the claim from its page; the request goes through policy like any other.`;
  }
  return `${formatPercent(
    suggestion.usedFraction,
  )} used for days. Volumes cannot shrink in place: request a new claim of ${
    suggestion.toSize
  }${
    suggestion.offering ? ` (${suggestion.offering})` : ''
  }, copy the data, move the workload to it, then delete the old claim.`;
}

/** A resize or shrink suggestion: what, how, the money, and when it may start. */
export const SuggestionText = ({
  suggestion,
  now = Date.now(),
}: {
  suggestion: ClaimUsageSuggestion;
  now?: number;
}) => {
  const money = suggestionMoney(suggestion);
  const waitUntil =
    suggestion.notBefore && Date.parse(suggestion.notBefore) > now
      ? suggestion.notBefore
      : undefined;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
      <Typography variant="body2">
        <strong>{suggestionTitle(suggestion)}</strong>
        {money && ` · ${money}`}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {suggestionHowTo(suggestion)}
      </Typography>
      {waitUntil && (
        <Typography variant="caption">
          EBS allows one change per volume every six hours: not before{' '}
          {formatDateTime(waitUntil)}.
        </Typography>
      )}
    </Box>
  );
};
