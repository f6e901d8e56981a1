/**
 * Kubernetes `Status` errors with the reasons, codes and messages the real
 * API server uses, so clients branch on them exactly as they would in
 * production.
 */
import { ResourceKind, qualifiedResource } from '../kinds';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    /** ListMeta of the Status (a 410 on a continued list carries a new token). */
    readonly listMeta?: { continue?: string },
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus() {
    return statusObject(
      this.code,
      this.reason,
      this.message,
      this.details,
      this.listMeta,
    );
  }
}

export function statusObject(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
  listMeta: { continue?: string } = {},
) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: listMeta,
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function describe(k: ResourceKind, name?: string) {
  const resource = qualifiedResource(k);
  return name === undefined ? resource : `${resource} "${name}"`;
}

function nameDetails(k: ResourceKind, name?: string): StatusDetails {
  return {
    ...(name !== undefined ? { name } : {}),
    group: k.group,
    kind: k.plural,
  };
}

export const errors = {
  notFound(k: ResourceKind, name: string) {
    return new ApiError(
      404,
      'NotFound',
      `${describe(k, name)} not found`,
      nameDetails(k, name),
    );
  },
  alreadyExists(k: ResourceKind, name: string) {
    return new ApiError(
      409,
      'AlreadyExists',
      `${describe(k, name)} already exists`,
      nameDetails(k, name),
    );
  },
  conflict(k: ResourceKind, name: string) {
    return new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${describe(
        k,
        name,
      )}: the object has been modified; please apply your changes to the latest version and try again`,
      nameDetails(k, name),
    );
  },
  conflictWithMessage(k: ResourceKind, name: string, detail: string) {
    return new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${describe(k, name)}: ${detail}`,
      nameDetails(k, name),
    );
  },
  invalid(k: ResourceKind, name: string, causes: StatusCause[]) {
    const list = causes.map(c =>
      c.field ? `${c.field}: ${c.message}` : c.message,
    );
    const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
    return new ApiError(
      422,
      'Invalid',
      `${k.kind} "${name}" is invalid: ${summary}`,
      { name, group: k.group, kind: k.kind, causes },
    );
  },
  forbidden(k: ResourceKind, name: string | undefined, reason: string) {
    return new ApiError(
      403,
      'Forbidden',
      `${describe(k, name)} is forbidden: ${reason}`,
      nameDetails(k, name),
    );
  },
  badRequest(message: string) {
    return new ApiError(400, 'BadRequest', message);
  },
  methodNotAllowed(
    message = 'the server does not allow this method on the requested resource',
  ) {
    return new ApiError(405, 'MethodNotAllowed', message);
  },
  unsupportedMediaType(custom: boolean) {
    return new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml${
        custom ? '' : ', application/strategic-merge-patch+json'
      }`,
    );
  },
  /** negotiation.NewUnsupportedMediaTypeError for a create or update body. */
  unsupportedBodyMediaType(_contentType: string) {
    return new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    );
  },
  /** negotiation.NewNotAcceptableError: nothing in Accept can be served. */
  notAcceptable() {
    return new ApiError(
      406,
      'NotAcceptable',
      'only the following media types are accepted: application/json, application/yaml',
    );
  },
  pathNotFound() {
    return new ApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
      {},
    );
  },
  /**
   * A continue token older than the compaction window
   * (storage/etcd3 `handleCompactedErrorForPaging`): the Status carries a
   * token that continues at the latest version, inconsistently.
   */
  expiredContinue(inconsistentToken: string) {
    return new ApiError(
      410,
      'Expired',
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      undefined,
      { continue: inconsistentToken },
    );
  },
  /** A list at a compacted resourceVersion (storage/etcd3 `expired`). */
  expiredList() {
    return new ApiError(
      410,
      'Expired',
      'The resourceVersion for the provided list is too old.',
    );
  },
  /** A resourceVersion the server has not reached (watch cache `waitUntilFreshAndBlock`). */
  tooLargeResourceVersion(requested: number, current: number) {
    return new ApiError(
      504,
      'Timeout',
      `Too large resource version: ${requested}, current: ${current}`,
      {
        causes: [
          {
            reason: 'ResourceVersionTooLarge',
            message: 'Too large resource version',
          },
        ],
        retryAfterSeconds: 1,
      },
    );
  },
  expiredWatch(requested: number, oldest: number) {
    return new ApiError(
      410,
      'Expired',
      `too old resource version: ${requested} (${oldest})`,
    );
  },
  unauthorized() {
    return new ApiError(401, 'Unauthorized', 'Unauthorized');
  },
  tooManyRequests() {
    return new ApiError(
      429,
      'TooManyRequests',
      'Too many requests, please try again later.',
      { retryAfterSeconds: 1 },
    );
  },
  internal(message: string) {
    return new ApiError(
      500,
      'InternalError',
      `Internal error occurred: ${message}`,
      { causes: [{ reason: '', message }] },
    );
  },
};

/** The message of an unexpected (non-API) error, without internals. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return errors.internal('the server encountered an unexpected error');
}
