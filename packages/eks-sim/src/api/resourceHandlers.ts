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
import { decodeBody, patchTypeOf, readBody } from './body';
import { errors } from './errors';
import { DeleteOptions, Registry, WriteOptions } from './registry';
import { ResourceRoute } from './routes';
import { toTable } from './tables';

export interface Reply {
  status: number;
  body: unknown;
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
  const watching = ['true', '1'].includes(query.get('watch') ?? '');
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

function writeOptions(info: RequestInfo): WriteOptions {
  const dryRun = info.query.getAll('dryRun');
  for (const value of dryRun) {
    if (value !== 'All') {
      throw errors.badRequest(
        `dryRun: Unsupported value: "${value}": supported values: "All"`,
      );
    }
  }
  const manager = info.query.get('fieldManager') ?? defaultManager(info.req);
  if (manager.length > 128) {
    throw errors.badRequest(
      `fieldManager: Too long: may not be more than 128 bytes`,
    );
  }
  return {
    fieldManager: manager,
    dryRun: dryRun.length > 0,
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
      const body = decodeBody(
        await readBody(info.req),
        info.req.headers['content-type'],
        kind.kind,
      );
      const created = registry.create(
        kind,
        namespace,
        body,
        writeOptions(info),
      );
      return { status: 201, body: created };
    }
    case 'update': {
      const body = decodeBody(
        await readBody(info.req),
        info.req.headers['content-type'],
        kind.kind,
      );
      return {
        status: 200,
        body: registry.update(kind, namespace, name!, body, writeOptions(info)),
      };
    }
    case 'patch': {
      const patchType = patchTypeOf(
        info.req.headers['content-type'],
        kind.custom,
      );
      const force = query.get('force');
      if (force !== null && patchType !== 'apply') {
        throw errors.badRequest(
          'force: Invalid value: true: may not be specified for non-apply patch',
        );
      }
      const body = decodeBody(
        await readBody(info.req),
        info.req.headers['content-type'],
        kind.kind,
      );
      const existed = registry.find(kind, namespace, name!) !== undefined;
      const options = writeOptions(info);
      if (patchType === 'apply' && !query.get('fieldManager')) {
        throw errors.badRequest('PATCH /apply requires fieldManager to be set');
      }
      const result = registry.patch(kind, namespace, name!, patchType, body, {
        ...options,
        force: force === 'true',
      });
      return { status: existed ? 200 : 201, body: result };
    }
    case 'delete': {
      const options = await deleteOptions(info);
      const result = registry.delete(kind, namespace, name!, options);
      const stillThere = registry.find(kind, namespace, name!) !== undefined;
      return {
        status: stillThere && !options.dryRun ? 202 : 200,
        body: result,
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

async function deleteOptions(info: RequestInfo): Promise<DeleteOptions> {
  const text = await readBody(info.req);
  const body = text.trim()
    ? (decodeBody(
        text,
        info.req.headers['content-type'],
        'DeleteOptions',
      ) as any)
    : {};
  const dryRun = [
    ...info.query.getAll('dryRun'),
    ...(Array.isArray(body?.dryRun) ? body.dryRun : []),
  ];
  if (dryRun.some(v => v !== 'All')) {
    throw errors.badRequest(
      `dryRun: Unsupported value: "${dryRun.find(
        v => v !== 'All',
      )}": supported values: "All"`,
    );
  }
  const graceQuery = info.query.get('gracePeriodSeconds');
  const grace =
    graceQuery !== null ? Number(graceQuery) : body?.gracePeriodSeconds;
  return {
    preconditions: body?.preconditions,
    gracePeriodSeconds:
      typeof grace === 'number' && Number.isFinite(grace) ? grace : undefined,
    dryRun: dryRun.length > 0,
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
  const limitText = info.query.get('limit');
  const limit = limitText ? Number(limitText) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw errors.badRequest(
      `limit: Invalid value: "${limitText}": must be a non-negative integer`,
    );
  }
  const result = registry.list(kind, {
    namespace,
    ...selectorsOf(kind, info.query),
    limit,
    continueToken: info.query.get('continue') ?? undefined,
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
