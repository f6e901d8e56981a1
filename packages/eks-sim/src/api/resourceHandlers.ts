/**
 * The REST verbs over a resource route: query parameters and bodies in,
 * registry calls, JSON (or Table) out.
 */
import { IncomingMessage } from 'node:http';
import { ResourceKind } from '../kinds';
import {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from '../store/selectors';
import { K8sObject } from '../store/types';
import { decodeBody, patchTypeOf, readBody, readRawBody } from './body';
import { decodeObject, isProtobuf } from './protobuf';
import { errors, StatusCause } from './errors';
import { DeleteOptions } from './deletion';
import { Registry, WriteOptions } from './registry';
import { ResourceRoute } from './routes';
import { toTable } from './tables';
import {
  dryRunCauses,
  fieldManagerCauses,
  fieldValidationOf,
  invalidOptions,
  listQuery,
  OptionsKind,
  PropagationPolicy,
  queryBool,
  queryInt,
} from './query';

export interface Reply {
  status: number;
  body: unknown;
  /** `Warning` header texts (RFC 7234 code 299). */
  warnings?: string[];
}

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

function writeOptions(
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

function present(info: RequestInfo, object: K8sObject) {
  if (!info.asTable) return object;
  return toTable(info.route.kind.kind, [object], {
    now: info.now,
    resourceVersion: object.metadata.resourceVersion,
  });
}

export async function handleResource(
  registry: Registry,
  info: RequestInfo,
): Promise<Reply> {
  const { route, query } = info;
  const { kind, namespace, name } = route;
  switch (info.verb) {
    case 'get':
      return {
        status: 200,
        body: present(info, registry.get(kind, namespace, name!)),
      };
    case 'list':
      return list(registry, info);
    case 'create': {
      if (name) throw errors.methodNotAllowed();
      const options = writeOptions(info, 'CreateOptions');
      const body = await objectBody(info);
      const created = registry.create(kind, namespace, body, options);
      return { status: 201, body: created, warnings: options.warnings };
    }
    case 'update': {
      const options = writeOptions(info, 'UpdateOptions');
      const body = await objectBody(info);
      const existed = registry.find(kind, namespace, name!) !== undefined;
      return {
        status: existed ? 200 : 201,
        body: registry.update(kind, namespace, name!, body, options),
        warnings: options.warnings,
      };
    }
    case 'patch': {
      const patchType = patchTypeOf(
        info.req.headers['content-type'],
        kind.custom,
      );
      const options = writeOptions(info, 'PatchOptions', patchType);
      const body = decodeBody(
        await readBody(info.req),
        info.req.headers['content-type'],
        kind.kind,
      );
      const existed = registry.find(kind, namespace, name!) !== undefined;
      const result = registry.patch(kind, namespace, name!, patchType, body, {
        ...options,
        force: queryBool(query, 'force') ?? false,
      });
      return {
        status: existed ? 200 : 201,
        body: result,
        warnings: options.warnings,
      };
    }
    case 'delete': {
      const options = await deleteOptions(info);
      const result = registry.delete(kind, namespace, name!, options);
      const wasDeleted =
        options.dryRun === true
          ? result.metadata.deletionTimestamp === undefined
          : registry.find(kind, namespace, name!)?.metadata.uid !==
            result.metadata.uid;
      // staging/src/k8s.io/apiserver/pkg/endpoints/handlers/delete.go: 200,
      // or 202 only when the object stays (finalizers) and the client set
      // orphanDependents=false; a deletion pending on finalizers is a 200.
      const status =
        !wasDeleted && options.orphanDependents === false ? 202 : 200;
      return {
        status,
        body: wasDeleted ? deletedBody(kind, result) : result,
      };
    }
    case 'deletecollection': {
      const options = await deleteOptions(info);
      const { items } = registry.list(kind, {
        namespace,
        ...selectorsOf(kind, query),
      });
      const deleted = items.map(item =>
        registry.delete(
          kind,
          item.metadata.namespace,
          item.metadata.name!,
          options,
        ),
      );
      return {
        status: 200,
        body: listBody(
          kind,
          deleted,
          String(registry.store.currentResourceVersion()),
        ),
      };
    }
    default:
      throw errors.methodNotAllowed();
  }
}

/** A create or update body: JSON, YAML, or the protobuf kinds decodeObject reads. */
async function objectBody(info: RequestInfo) {
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

/**
 * Kinds whose registry sets `ReturnDeletedObject: true` (pkg/registry/<group>/<resource>/storage):
 * an immediate delete answers with the object, others with a Status.
 */
const RETURNS_DELETED_OBJECT = new Set([
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Pod',
  'Service',
  'Node',
  'Namespace',
  'ResourceQuota',
  'StorageClass',
]);

function deletedBody(kind: ResourceKind, object: K8sObject) {
  if (RETURNS_DELETED_OBJECT.has(kind.kind)) return object;
  // genericregistry.Store.finalizeDelete: a success Status naming the object.
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: object.metadata.name,
      group: kind.group,
      kind: kind.plural,
      uid: object.metadata.uid,
    },
  };
}

async function deleteOptions(info: RequestInfo): Promise<DeleteOptions> {
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

function listBody(
  kind: ResourceKind,
  items: K8sObject[],
  resourceVersion: string,
  extra: Record<string, unknown> = {},
) {
  return {
    kind: kind.listKind,
    apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
    metadata: { resourceVersion, ...extra },
    items,
  };
}

function list(registry: Registry, info: RequestInfo): Reply {
  const { kind, namespace } = info.route;
  const options = listQuery(info.query);
  const result = registry.list(kind, {
    namespace,
    ...selectorsOf(kind, info.query),
    limit: options.limit,
    continueToken: options.continueToken,
    resourceVersion: options.resourceVersion,
    resourceVersionMatch: options.resourceVersionMatch,
  });
  if (info.asTable) {
    return {
      status: 200,
      body: toTable(kind.kind, result.items, {
        now: info.now,
        resourceVersion: result.resourceVersion,
        continueToken: result.continueToken,
        remainingItemCount: result.remainingItemCount,
      }),
    };
  }
  const extra: Record<string, unknown> = {};
  if (result.continueToken) extra.continue = result.continueToken;
  if (result.remainingItemCount !== undefined)
    extra.remainingItemCount = result.remainingItemCount;
  return {
    status: 200,
    body: listBody(kind, result.items, result.resourceVersion, extra),
  };
}
