import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';

/**
 * The path parameters of each route, by position after the first segment,
 * so a malformed one is refused by name before express tries to decode it
 * (express answers a bare "Failed to decode param").
 */
const PARAMS_BY_ROUTE: Record<string, string[]> = {
  claims: ['cluster', 'namespace', 'name', 'action'],
  requests: ['id', 'action'],
};

const MAX_SEGMENT = 512;

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Refuses paths whose parameters are not valid percent-encoding or too long. */
export function pathGuard(): RequestHandler {
  return (req, _res, next) => {
    const [route, ...params] = req.path.split('/').filter(Boolean);
    const names = PARAMS_BY_ROUTE[route] ?? [];
    params.forEach((segment, index) => {
      const field = names[index] ?? `path segment ${index + 2}`;
      if (!decodes(segment)) {
        throw new InputError(
          `${field} in the path is not valid percent-encoding: encode it with encodeURIComponent`,
        );
      }
      if (segment.length > MAX_SEGMENT) {
        throw new InputError(
          `${field} in the path is longer than ${MAX_SEGMENT} characters`,
        );
      }
    });
    next();
  };
}
