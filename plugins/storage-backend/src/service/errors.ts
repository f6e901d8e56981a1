import { LoggerService } from '@backstage/backend-plugin-api';
import { ErrorRequestHandler } from 'express';

const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotModifiedError: 304,
};

/**
 * Answers errors as JSON in Backstage's shape, with the message of errors
 * meant for users and nothing else: no stack, no cluster details.
 */
export function errorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const name = error?.name ?? 'Error';
    let status = STATUS_BY_NAME[name];
    if (!status && error?.type === 'entity.parse.failed') {
      status = 400;
    }
    if (!status && error?.type === 'entity.too.large') {
      status = 413;
    }
    if (!status) {
      logger.error(`${req.method} ${req.path} failed`, error);
    }
    res.status(status ?? 500).json({
      error: {
        name: status ? name : 'Error',
        message: status
          ? String(error.message ?? name)
          : 'The storage backend failed; the error is in its log',
      },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: status ?? 500 },
    });
  };
}
