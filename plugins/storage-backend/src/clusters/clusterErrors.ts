import { ApiException } from '@kubernetes/client-node';

/** What went wrong talking to a cluster, in words safe to show a user. */
export interface ClusterError {
  /** HTTP status from the API server; undefined when it never answered. */
  code?: number;
  /** The Kubernetes Status reason, e.g. `Invalid`, `Forbidden`. */
  reason?: string;
  message: string;
  /** Worth trying again later: throttling, server errors, network trouble. */
  retryable: boolean;
}

function statusBody(body: unknown): { message?: string; reason?: string } {
  if (typeof body === 'string') {
    try {
      return statusBody(JSON.parse(body));
    } catch {
      return { message: body.slice(0, 500) };
    }
  }
  if (body && typeof body === 'object') {
    const { message, reason } = body as Record<string, unknown>;
    return {
      message: typeof message === 'string' ? message : undefined,
      reason: typeof reason === 'string' ? reason : undefined,
    };
  }
  return {};
}

/**
 * Turns whatever a client-node call threw into a ClusterError. The message
 * is the API server's own Status message: it never carries our credentials,
 * unlike the request options a raw error may hold.
 */
export function toClusterError(error: unknown): ClusterError {
  if (error instanceof ApiException) {
    const { message, reason } = statusBody(error.body);
    const code = error.code;
    return {
      code,
      reason,
      message: message ?? `The cluster answered HTTP ${code}`,
      retryable: code === 429 || code >= 500,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return {
    message: cause
      ? `The cluster could not be reached (${cause})`
      : `The cluster could not be reached: ${text
          .split('\n')[0]
          .slice(0, 200)}`,
    retryable: true,
  };
}
