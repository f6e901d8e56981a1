import { ApiException } from '@kubernetes/client-node';
import { toClusterError } from './clusterErrors';

const status = (code: number, reason: string, message: string) =>
  new ApiException(
    code,
    `HTTP-Code: ${code}`,
    JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code,
      reason,
      message,
    }),
    {},
  );

describe('toClusterError', () => {
  it.each([
    [
      status(
        422,
        'Invalid',
        'PersistentVolumeClaim "data" is invalid: spec.accessModes: Required value',
      ),
      422,
      'Invalid',
      false,
    ],
    [
      status(
        403,
        'Forbidden',
        'persistentvolumeclaims "data" is forbidden: Only bound persistent volume claims can be expanded',
      ),
      403,
      'Forbidden',
      false,
    ],
    [
      status(
        409,
        'Conflict',
        'Apply failed with 1 conflict: conflict with "argocd": .spec.resources.requests.storage',
      ),
      409,
      'Conflict',
      false,
    ],
    [
      status(
        429,
        'TooManyRequests',
        'Too many requests, please try again later.',
      ),
      429,
      'TooManyRequests',
      true,
    ],
    [
      status(
        500,
        'InternalError',
        'Internal error occurred: etcdserver: request timed out',
      ),
      500,
      'InternalError',
      true,
    ],
  ])('keeps the API server message of %s', (error, code, reason, retryable) => {
    const result = toClusterError(error);
    expect(result).toEqual({
      code,
      reason,
      message: JSON.parse((error as ApiException<string>).body).message,
      retryable,
    });
  });

  it('describes a cluster that never answered as retryable, without details of the request', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7101'), {
        code: 'ECONNREFUSED',
      }),
    });
    expect(toClusterError(error)).toEqual({
      message: 'The cluster could not be reached (ECONNREFUSED)',
      retryable: true,
    });
  });

  it('copes with a body that is not a Status', () => {
    expect(
      toClusterError(
        new ApiException(502, 'x', '<html>bad gateway</html>', {}),
      ),
    ).toEqual({
      code: 502,
      reason: undefined,
      message: '<html>bad gateway</html>',
      retryable: true,
    });
  });
});
