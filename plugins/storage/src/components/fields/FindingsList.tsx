import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { Finding } from '@eks-storage/backstage-plugin-storage-common';

/** Validation findings, errors first, each with its fix. */
export const FindingsList = ({
  findings,
  hideInfo = false,
}: {
  findings: readonly Finding[];
  hideInfo?: boolean;
}) => {
  const shown = hideInfo
    ? findings.filter(f => f.severity !== 'info')
    : findings;
  if (!shown.length) return null;
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }} my={1}>
      {shown.map((finding, index) => (
        <Alert
          key={`${finding.code}-${finding.field}-${index}`}
          severity={finding.severity}
          variant="outlined"
        >
          <div>{finding.message}</div>
          {finding.fix && (
            <div>
              <strong>Fix:</strong> {finding.fix}
            </div>
          )}
        </Alert>
      ))}
    </Box>
  );
};

/** The first error finding about a field, for a field's helper text. */
export function fieldError(
  findings: readonly Finding[],
  field: string,
): string | undefined {
  return findings.find(
    f =>
      f.severity === 'error' &&
      (f.field === field || f.field.startsWith(`${field}.`)),
  )?.message;
}
