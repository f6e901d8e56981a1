import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress } from '@backstage/core-components';
import { errorMessage } from '../../lib/format';

/**
 * What a field shows instead of its input while what it needs is loading,
 * failed to load, or is not answered yet; nothing when it can render.
 */
export const FieldStatus = ({
  loading,
  error,
  waitingFor,
}: {
  loading?: boolean;
  error?: unknown;
  /** The answer this field needs first, e.g. "an offering". */
  waitingFor?: string;
}) => {
  if (error) {
    return (
      <Alert severity="error" role="alert">
        Could not load what this field needs: {errorMessage(error)}
      </Alert>
    );
  }
  if (loading) return <Progress />;
  if (waitingFor) {
    return (
      <Typography variant="body2" color="textSecondary">
        Choose {waitingFor} first.
      </Typography>
    );
  }
  return null;
};
