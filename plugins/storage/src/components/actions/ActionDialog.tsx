import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { FindingsList } from '../fields/FindingsList';
import { RequestOutcome } from './RequestOutcome';
import { SubmitState } from './useSubmitRequest';

export interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The dialog's id, for aria-labelledby. */
  id: string;
  submitLabel: string;
  /** Whether the form is complete and valid as the browser sees it. */
  canSubmit: boolean;
  onSubmit: () => void;
  state: SubmitState;
  /** Makes the submit button red. */
  destructive?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
  children: ReactNode;
}

/**
 * The frame of every storage request dialog: the form, the backend's refusal
 * (message and findings), then the outcome once the request is accepted.
 */
export const ActionDialog = (props: ActionDialogProps) => {
  const {
    open,
    onClose,
    title,
    id,
    submitLabel,
    canSubmit,
    onSubmit,
    state,
    destructive,
    maxWidth = 'sm',
    children,
  } = props;
  const done = !!state.response;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      maxWidth={maxWidth}
      fullWidth
    >
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent dividers>
        {done ? (
          <RequestOutcome response={state.response!} />
        ) : (
          <form
            id={`${id}-form`}
            noValidate
            onSubmit={event => {
              event.preventDefault();
              if (canSubmit && !state.submitting) onSubmit();
            }}
          >
            {children}
            {state.error && (
              <Alert severity="error" role="alert" style={{ marginTop: 8 }}>
                {state.error}
              </Alert>
            )}
            <FindingsList findings={state.findings} hideInfo />
          </form>
        )}
      </DialogContent>
      <DialogActions>
        {done ? (
          <Button onClick={onClose} color="primary" variant="contained">
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              type="submit"
              form={`${id}-form`}
              variant="contained"
              color={destructive ? 'secondary' : 'primary'}
              disabled={!canSubmit || state.submitting}
              startIcon={
                state.submitting ? (
                  <CircularProgress size={16} color="inherit" />
                ) : undefined
              }
            >
              {submitLabel}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
