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
          role="note"
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

/** The first error about a field with its fix, for the field's helper text. */
export function fieldError(
  findings: readonly Finding[],
  field: string,
): string | undefined {
  const found = findings.find(
    f =>
      f.severity === 'error' &&
      (f.field === field || f.field.startsWith(`${field}.`)),
  );
  return (
    found && (found.fix ? `${found.message}. ${found.fix}` : found.message)
  );
}

/**
 * A text field's `error` and `helperText`: its first error, else a hint.
 * `shown` false keeps a field quiet until the user has typed in it.
 */
export function fieldErrorProps(
  findings: readonly Finding[],
  field: string,
  hint = ' ',
  shown = true,
): { error: boolean; helperText: string } {
  const error = shown ? fieldError(findings, field) : undefined;
  return { error: Boolean(error), helperText: error || hint };
}
