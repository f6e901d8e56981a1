import { useState } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  RequestDetailResponse,
  StoredStorageRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../../api';
import { describeDecisionError, requestTitle } from '../../lib/approvals';
import { stateLabel } from '../../lib/format';
import { TextInput } from '../common/TextInput';

export type DecisionKind = 'approve' | 'reject' | 'cancel';

const TEXTS: Record<
  DecisionKind,
  {
    title: string;
    submit: string;
    comment: string;
    help: string;
    done: string;
  }
> = {
  approve: {
    title: 'Approve',
    submit: 'Approve',
    comment: 'Comment (optional)',
    help: 'The requester reads it with the approval.',
    done: 'Your approval is recorded',
  },
  reject: {
    title: 'Reject',
    submit: 'Reject',
    comment: 'Reason for rejecting',
    help: 'Required: the requester reads it and can submit a corrected request.',
    done: 'The request is rejected',
  },
  cancel: {
    title: 'Cancel',
    submit: 'Cancel request',
    comment: 'Comment (optional)',
    help: 'Why the request is no longer needed.',
    done: 'The request is cancelled',
  },
};

/**
 * Approve, reject (with a required comment) or cancel a request; shows the
 * backend's refusal (403: not an approver, or the requester; 409: decided
 * meanwhile) in its own words.
 */
export const DecisionDialog = (props: {
  kind: DecisionKind;
  request: StoredStorageRequest;
  onClose: () => void;
  onDecided?: (response: RequestDetailResponse) => void;
}) => {
  const { kind, request, onClose, onDecided } = props;
  const api = useApi(storageApiRef);
  const texts = TEXTS[kind];
  const [comment, setComment] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<RequestDetailResponse | undefined>();
  const trimmed = comment.trim();
  const canSubmit = kind !== 'reject' || trimmed.length > 0;
  const id = `storage-${kind}-dialog`;

  const submit = async () => {
    setSubmitting(true);
    setError(undefined);
    try {
      const input = trimmed ? { comment: trimmed } : {};
      let response: RequestDetailResponse;
      if (kind === 'approve') {
        response = await api.approveRequest(request.id, input);
      } else if (kind === 'reject') {
        response = await api.rejectRequest(request.id, { comment: trimmed });
      } else {
        response = await api.cancelRequest(request.id, input);
      }
      setResult(response);
      onDecided?.(response);
    } catch (e) {
      setError(describeDecisionError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      maxWidth="sm"
      fullWidth
      data-testid={id}
    >
      <DialogTitle id={`${id}-title`}>
        {texts.title} {request.namespace}/{request.claimName}
      </DialogTitle>
      <DialogContent dividers>
        {result ? (
          <Alert severity="success" role="status">
            {texts.done}. The request is now{' '}
            {stateLabel(result.request.status).toLowerCase()}.
          </Alert>
        ) : (
          <form
            id={`${id}-form`}
            noValidate
            onSubmit={event => {
              event.preventDefault();
              if (canSubmit && !submitting) submit();
            }}
          >
            <Typography variant="body2" gutterBottom>
              {requestTitle(request)}, requested by {request.requestedBy}.
            </Typography>
            <TextInput
              id={`${id}-comment`}
              label={texts.comment}
              helperText={texts.help}
              value={comment}
              onChange={event => setComment(event.target.value)}
              required={kind === 'reject'}
              multiline
              minRows={3}
              inputProps={{
                maxLength: 2000,
                spellCheck: true,
                'data-testid': `${id}-comment`,
              }}
            />
            {error && (
              <Alert severity="error" role="alert" style={{ marginTop: 8 }}>
                {error}
              </Alert>
            )}
          </form>
        )}
      </DialogContent>
      <DialogActions>
        {result ? (
          <Button onClick={onClose} color="primary" variant="contained">
            Close
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>
              {kind === 'cancel' ? 'Keep request' : 'Cancel'}
            </Button>
            <Button
              type="submit"
              form={`${id}-form`}
              variant="contained"
              color={kind === 'approve' ? 'primary' : 'secondary'}
              disabled={!canSubmit || submitting}
              data-testid={`${id}-confirm`}
              startIcon={
                submitting ? (
                  <CircularProgress size={16} color="inherit" />
                ) : undefined
              }
            >
              {texts.submit}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
