/**
 * The HTTP(S) front of the simulated API server: authentication, request
 * faults, routing to discovery, access reviews, the admin API and the
 * resource verbs, and Status errors for everything that goes wrong.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { kindByName } from '../kinds';
import { accessReview } from './accessReviews';
import {
  AccessRequest,
  Authenticator,
  forbiddenFor,
  Identity,
  isAllowed,
} from './auth';
import { decodeBody, readBody } from './body';
import * as discovery from './discovery';
import { ApiError, errors, toApiError } from './errors';
import { openApiV3Document, openApiV3Index } from './openapi';
import { listQuery } from './query';
import { Registry } from './registry';
import { handleResource, selectorsOf, verbOf } from './resourceHandlers';
import { negotiate, send, sendError, wantsTable } from './responses';
import { RequestCounter } from './requestCounter';
import { parseRoute, ResourceRoute } from './routes';
import { WatchHub } from './watch';

export { listen } from './listen';
export type { RunningServer } from './listen';

/** Request faults (error injection, latency) consulted for every API call. */
export interface RequestFaults {
  latencyMs(): number;
  injectedError(): ApiError | undefined;
}

export type AdminHandler = (
  req: IncomingMessage,
  path: string,
  body: unknown,
) => Promise<{ status: number; body: unknown }>;

export interface ApiServerOptions {
  registry: Registry;
  watches: WatchHub;
  authenticator: Authenticator;
  faults: RequestFaults;
  admin: AdminHandler;
  now: () => number;
  tls?: { key: string; cert: string };
  /** What a node's kubelet answers through the API server's node proxy. */
  nodeProxy?: (node: string, path: string) => unknown | undefined;
  /** Counts every request but health checks. */
  requests?: RequestCounter;
}

function decodePath(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    throw errors.badRequest(`invalid URL escape in ${JSON.stringify(text)}`);
  }
}

/** `list persistentvolumeclaims`, `watch pods`, `GET /version`: what a request asks. */
function requestKind(req: IncomingMessage): string {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  try {
    const route = parseRoute(url.pathname);
    if (route.type === 'resource') {
      return `${verbOf(method, route, url.searchParams) ?? method} ${
        route.kind.plural
      }`;
    }
  } catch {
    // A malformed path is answered (and counted) as it is.
  }
  return `${method} ${url.pathname}`;
}

function authorize(identity: Identity, request: AccessRequest) {
  if (!isAllowed(identity, request)) {
    throw forbiddenFor(identity, request);
  }
}

export class ApiServer {
  constructor(private readonly options: ApiServerOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse) {
    try {
      if (
        this.options.requests &&
        !/^\/(healthz|livez|readyz)\b/.test(req.url ?? '')
      ) {
        this.options.requests.add(requestKind(req));
      }
      await this.dispatch(req, res);
    } catch (error) {
      sendError(res, toApiError(error));
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (['/healthz', '/livez', '/readyz'].includes(path)) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    }
    const identity = this.options.authenticator.authenticate(
      req.headers.authorization,
    );
    if (path.startsWith('/_sim/')) {
      if (!identity.admin) {
        throw new ApiError(
          403,
          'Forbidden',
          `User "${identity.name}" cannot use the simulator admin API`,
        );
      }
      const text = await readBody(req);
      const body = text.trim()
        ? decodeBody(text, req.headers['content-type'], 'admin request')
        : {};
      const reply = await this.options.admin(req, path, body);
      send(res, reply.status, reply.body);
      return;
    }
    const latency = this.options.faults.latencyMs();
    if (latency > 0) {
      await new Promise(resolve => setTimeout(resolve, latency));
    }
    const injected = this.options.faults.injectedError();
    if (injected) {
      throw injected;
    }
    if (path === '/version' || path === '/version/') {
      send(res, 200, discovery.KUBERNETES_VERSION);
      return;
    }
    if (path === '/openapi/v3' || path.startsWith('/openapi/v3/')) {
      const document =
        path === '/openapi/v3'
          ? openApiV3Index()
          : openApiV3Document(path.slice('/openapi/v3/'.length));
      if (!document) throw errors.pathNotFound();
      send(res, 200, document);
      return;
    }
    const proxy = /^\/api\/v1\/nodes\/([^/]+)\/proxy(\/.*)?$/.exec(path);
    if (proxy) {
      // Clients may escape the path's slashes (the Python client sends
      // stats%2Fsummary); Go's URL.Path, which the API server proxies, is decoded.
      await this.serveNodeProxy(
        req,
        res,
        identity,
        decodePath(proxy[1]),
        decodePath(proxy[2] ?? '/'),
      );
      return;
    }
    const route = parseRoute(path);
    if (route.type === 'resource') negotiate(req, res);
    switch (route.type) {
      case 'discovery':
        this.serveDiscovery(res, route);
        return;
      case 'access-review':
        send(res, 201, await accessReview(req, identity, route.resource));
        return;
      case 'resource':
        await this.serveResource(req, res, url, route, identity);
        return;
      default:
        throw errors.pathNotFound();
    }
  }

  /** `nodes/proxy`: the kubelet's read-only endpoints (only /stats/summary here). */
  private async serveNodeProxy(
    req: IncomingMessage,
    res: ServerResponse,
    identity: Identity,
    node: string,
    path: string,
  ) {
    const nodes = kindByName('Node');
    const verb = (req.method ?? 'GET') === 'GET' ? 'get' : 'create';
    authorize(identity, {
      verb,
      group: '',
      resource: 'nodes',
      subresource: 'proxy',
      name: node,
    });
    if (!this.options.registry.find(nodes, undefined, node)) {
      throw errors.notFound(nodes, node);
    }
    const body =
      verb === 'get' ? this.options.nodeProxy?.(node, path) : undefined;
    if (body === undefined) {
      // The kubelet answers unknown paths with a plain 404.
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404 page not found\n');
      return;
    }
    send(res, 200, body);
  }

  private serveDiscovery(
    res: ServerResponse,
    route: { group?: string; version?: string; legacy: boolean },
  ) {
    let body: unknown;
    if (route.legacy && route.version === undefined) {
      body = discovery.coreVersions();
    } else if (route.group === undefined) {
      body = discovery.groupList();
    } else if (route.version === undefined) {
      body = discovery.group(route.group);
    } else {
      body = discovery.resourceList(route.group, route.version);
    }
    if (!body) throw errors.pathNotFound();
    send(res, 200, body);
  }

  private async serveResource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: ResourceRoute,
    identity: Identity,
  ) {
    const verb = verbOf(req.method ?? 'GET', route, url.searchParams);
    if (!verb) throw errors.methodNotAllowed();
    authorize(identity, {
      verb,
      group: route.group,
      resource: route.kind.plural,
      subresource: route.subresource,
      namespace: route.kind.kind === 'Namespace' ? route.name : route.namespace,
      name: route.name,
    });
    const asTable = wantsTable(req.headers.accept);
    if (verb === 'watch') {
      const options = listQuery(url.searchParams);
      this.options.watches.serve(res, {
        kind: route.kind,
        namespace: route.namespace,
        resourceVersion: options.resourceVersion,
        ...selectorsOf(route.kind, url.searchParams, route.name),
        allowBookmarks: options.allowWatchBookmarks,
        sendInitialEvents: options.sendInitialEvents,
        timeoutSeconds: options.timeoutSeconds,
        asTable,
      });
      return;
    }
    const reply = await handleResource(this.options.registry, {
      req,
      route,
      query: url.searchParams,
      verb,
      asTable,
      now: this.options.now(),
    });
    const warnings = [...new Set(reply.warnings ?? [])];
    if (warnings.length > 0) {
      res.setHeader(
        'Warning',
        warnings.map(w => `299 - ${JSON.stringify(w)}`),
      );
    }
    send(res, reply.status, reply.body);
  }
}
