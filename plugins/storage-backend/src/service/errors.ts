import { LoggerService } from '@backstage/backend-plugin-api';
import { CustomErrorBase } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** Too many dry runs at once; the caller should retry after `retryAfterSeconds`. */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotModifiedError: 304,
  TooManyRequestsError: 429,
};

/** Messages for the 4xx errors express and body-parser raise themselves. */
const MESSAGE_BY_TYPE: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is larger than 256 kB',
  'encoding.unsupported': 'The request body has an unsupported encoding',
  'charset.unsupported': 'The request body has an unsupported charset',
  'request.aborted': 'The request was aborted',
};

/**
 * The contract validator says `request/body/source/volumeId must be
 * string`; callers read `source.volumeId must be string`.
 */
function fieldFirst(message: string): string {
  const where = /^request\/(body|params|query)\/?(\S*)/.exec(message);
  if (!where) return message;
  const [prefix, part, path] = where;
  const field = path ? `${path.split('/').join('.')}` : '';
  const required = /must have required property '([^']+)'/.exec(message);
  if (required) {
    return `${field ? `${field}.` : ''}${required[1]} is required`;
  }
  return `${field || `the ${part === 'params' ? 'path' : part}`}${message.slice(
    prefix.length,
  )}`;
}

/** A 4xx status an error carries itself (express, body-parser), if any. */
function ownClientStatus(error: any): number | undefined {
  const status = error?.status ?? error?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500
    ? status
    : undefined;
}

/**
 * Answers errors as JSON in Backstage's ErrorResponseBody shape, with the
 * message of errors meant for users and nothing else: no stack, no cluster
 * details, no echo of what the caller sent.
 */
export function errorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const knownName = typeof error?.name === 'string' ? error.name : 'Error';
    if (knownName === 'InputError' && typeof error.message === 'string') {
      error.message = fieldFirst(error.message);
    }
    let status: number | undefined = STATUS_BY_NAME[knownName];
    let name = knownName;
    let message =
      status && typeof error?.message === 'string' ? error.message : undefined;
    if (!status) {
      status = ownClientStatus(error);
      if (status) {
        name = status === 413 ? 'PayloadTooLargeError' : 'InputError';
        message =
          MESSAGE_BY_TYPE[String(error?.type)] ??
          'The request could not be read';
      }
    }
    if (!status) {
      logger.error(`${req.method} ${req.path} failed`, error);
    }
    if (error instanceof TooManyRequestsError) {
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    res.status(status ?? 500).json({
      error: {
        name: status ? name : 'Error',
        message:
          message ?? 'The storage backend failed; the error is in its log',
      },
      request: { method: req.method, url: req.baseUrl + req.path },
      response: { statusCode: status ?? 500 },
    });
  };
}
