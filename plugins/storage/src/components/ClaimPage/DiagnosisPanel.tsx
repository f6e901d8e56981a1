import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Diagnosis } from '@eks-storage/backstage-plugin-storage-common';
import { formatDateTime } from '../../lib/format';

const ALERT_SEVERITY = {
  ok: 'success',
  info: 'info',
  warning: 'warning',
  error: 'error',
} as const;

/** The claim's diagnosis in plain words, with the fix up front when something is wrong. */
export const DiagnosisPanel = ({ diagnosis }: { diagnosis: Diagnosis }) => {
  const needsAction =
    diagnosis.severity === 'warning' || diagnosis.severity === 'error';
  return (
    <Alert
      severity={ALERT_SEVERITY[diagnosis.severity] ?? 'info'}
      role={needsAction ? 'alert' : 'status'}
    >
      <AlertTitle>{diagnosis.headline}</AlertTitle>
      {needsAction && diagnosis.fix && (
        <Typography variant="body1" paragraph>
          <strong>What to do: </strong>
          {diagnosis.fix}
        </Typography>
      )}
      <Typography variant="body2">{diagnosis.explanation}</Typography>
      {!needsAction && diagnosis.fix && (
        <Typography variant="body2">{diagnosis.fix}</Typography>
      )}
      {diagnosis.since && (
        <Typography variant="caption" display="block">
          Since {formatDateTime(diagnosis.since)}
        </Typography>
      )}
    </Alert>
  );
};
