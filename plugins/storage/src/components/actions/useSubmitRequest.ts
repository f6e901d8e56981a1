import { useCallback, useState } from 'react';
import {
  Finding,
  StorageApiError,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { errorMessage } from '../../lib/format';

export interface SubmitState {
  submitting: boolean;
  /** The backend's message when it refused. */
  error?: string;
  /** The backend's findings with a 400. */
  findings: Finding[];
  response?: SubmitResponse;
}

/** A problem with a request, for people: 403 and 400 keep the backend's words. */
export function describeSubmitError(error: unknown): string {
  if (error instanceof StorageApiError) {
    if (error.status === 403) {
      return `Not allowed: ${error.message}`;
    }
    return error.message;
  }
  return errorMessage(error);
}

/** Sends one request and keeps what came back: the response or the refusal. */
export function useSubmitRequest(
  send: () => Promise<SubmitResponse>,
  onSubmitted?: (response: SubmitResponse) => void,
) {
  const [state, setState] = useState<SubmitState>({
    submitting: false,
    findings: [],
  });
  const submit = useCallback(async () => {
    setState({ submitting: true, findings: [] });
    try {
      const response = await send();
      setState({ submitting: false, findings: [], response });
      onSubmitted?.(response);
    } catch (error) {
      setState({
        submitting: false,
        error: describeSubmitError(error),
        findings: error instanceof StorageApiError ? error.findings : [],
      });
    }
  }, [send, onSubmitted]);
  const reset = useCallback(
    () => setState({ submitting: false, findings: [] }),
    [],
  );
  return { ...state, submit, reset };
}
