/**
 * What a resource request asks for, read from its method, query and body:
 * the verb, selectors, write options and delete options, each checked as
 * the API server's options validation does (422 naming the options kind).
 */
import { IncomingMessage } from 'node:http';
import { ResourceKind } from '../kinds';
import {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from '../store/selectors';
import { decodeBody, readBody, readRawBody } from './body';
import { DeleteOptions } from './deletion';
import { errors, StatusCause } from './errors';
import { decodeObject, isProtobuf } from './protobuf';
import {
  dryRunCauses,
  fieldManagerCauses,
  fieldValidationOf,
  invalidOptions,
  OptionsKind,
  PropagationPolicy,
  queryBool,
  queryInt,
} from './query';
import { WriteOptions } from './registry';
import { ResourceRoute } from './routes';

export interface RequestInfo {
  req: IncomingMessage;
  route: ResourceRoute;
  query: URLSearchParams;
  verb: string;
  asTable: boolean;
  now: number;
}

export function verbOf(
  method: string,
  route: ResourceRoute,
  query: URLSearchParams,
) {
  // Any value but 0/false (any case) is true, as apimachinery decodes it.
  const watching = queryBool(query, 'watch') ?? false;
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (route.name) return watching ? 'watch' : 'get';
      return watching ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return route.name ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

/** The request's selectors; undefined where the request sets none. */
export function selectorsOf(
  kind: ResourceKind,
  query: URLSearchParams,
  name?: string,
) {
  try {
    const labelText = query.get('labelSelector')?.trim();
    const fieldText = [
      query.get('fieldSelector'),
      name ? `metadata.name=${name}` : undefined,
    ]
      .filter(Boolean)
      .join(',');
    return {
      labelSelector: labelText ? parseLabelSelector(labelText) : undefined,
      fieldSelector: fieldText.trim()
        ? parseFieldSelector(fieldText, kind.kind)
        : undefined,
    };
  } catch (error) {
    if (error instanceof SelectorError) {
      throw errors.badRequest(error.message);
    }
    throw error;
  }
}

export function writeOptions(
  info: RequestInfo,
  optionsKind: OptionsKind,
  patchType?: string,
): WriteOptions {
  const dryRun = info.query.getAll('dryRun');
  const explicitManager = info.query.get('fieldManager') ?? '';
  const causes: StatusCause[] = [];
  if (optionsKind === 'PatchOptions') {
    // ValidatePatchOptions: force only for apply; apply needs a manager.
    if (patchType !== 'apply' && info.query.has('force')) {
      causes.push({
        reason: 'FieldValueForbidden',
        message: 'Forbidden: may not be specified for non-apply patch',
        field: 'force',
      });
    }
    if (patchType === 'apply' && !explicitManager) {
      causes.push({
        reason: 'FieldValueRequired',
        message: 'Required value: is required for apply patch',
        field: 'fieldManager',
      });
    }
  }
  causes.push(...fieldManagerCauses(explicitManager));
  causes.push(...dryRunCauses(dryRun));
  const validation = fieldValidationOf(info.query);
  causes.push(...validation.causes);
  if (causes.length > 0) throw invalidOptions(optionsKind, causes);
  return {
    fieldManager: explicitManager || defaultManager(info.req),
    dryRun: dryRun.length > 0,
    fieldValidation: validation.value,
    warnings: [],
    ...(info.route.subresource === 'status'
      ? { subresource: 'status' as const }
      : {}),
  };
}

/** As the server names a manager the client did not: its user agent's program. */
function defaultManager(req: IncomingMessage) {
  const agent = req.headers['user-agent'] ?? 'unknown';
  return agent.split('/')[0].slice(0, 128) || 'unknown';
}

/** A create or update body: JSON, YAML, or the protobuf kinds decodeObject reads. */
export async function objectBody(info: RequestInfo) {
  const contentType = info.req.headers['content-type'];
  const kind = info.route.kind;
  if (isProtobuf(contentType)) {
    const object = decodeObject(await readRawBody(info.req), kind.kind);
    if (!object) throw errors.unsupportedBodyMediaType(contentType!);
    return object;
  }
  const type = (contentType ?? 'application/json').split(';')[0].trim();
  if (!['application/json', 'application/yaml', '*/*', ''].includes(type)) {
    throw errors.unsupportedBodyMediaType(type);
  }
  return decodeBody(await readBody(info.req), contentType, kind.kind);
}

export async function deleteOptions(info: RequestInfo): Promise<DeleteOptions> {
  const text = await readBody(info.req);
  const body = text.trim()
    ? (decodeBody(
        text,
        info.req.headers['content-type'],
        'DeleteOptions',
      ) as any)
    : {};
  const query = info.query;
  // Query parameters win over the body's DeleteOptions.
  const fromBody = (value: unknown, check: (v: unknown) => boolean) =>
    check(value) ? value : undefined;
  const dryRun: string[] = query.has('dryRun')
    ? query.getAll('dryRun')
    : (fromBody(body?.dryRun, Array.isArray) as string[] | undefined) ?? [];
  const grace = query.has('gracePeriodSeconds')
    ? queryInt(query, 'gracePeriodSeconds')
    : body?.gracePeriodSeconds;
  const orphan = query.has('orphanDependents')
    ? queryBool(query, 'orphanDependents')
    : (fromBody(body?.orphanDependents, v => typeof v === 'boolean') as
        | boolean
        | undefined);
  const policy: string | undefined =
    query.get('propagationPolicy') ?? body?.propagationPolicy ?? undefined;
  // ValidateDeleteOptions (apimachinery meta/v1/validation).
  const causes: StatusCause[] = [];
  if (orphan !== undefined && policy !== undefined) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(
        policy,
      )}: orphanDependents and deletionPropagation cannot be both set`,
      field: 'propagationPolicy',
    });
  }
  if (
    policy !== undefined &&
    !['Foreground', 'Background', 'Orphan'].includes(policy)
  ) {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(
        policy,
      )}: supported values: "Foreground", "Background", "Orphan", "nil"`,
      field: 'propagationPolicy',
    });
  }
  causes.push(...dryRunCauses(dryRun));
  if (causes.length > 0) throw invalidOptions('DeleteOptions', causes);
  return {
    preconditions: body?.preconditions,
    gracePeriodSeconds:
      typeof grace === 'number' && Number.isFinite(grace) ? grace : undefined,
    dryRun: dryRun.length > 0,
    orphanDependents: orphan,
    propagationPolicy: policy as PropagationPolicy | undefined,
  };
}
