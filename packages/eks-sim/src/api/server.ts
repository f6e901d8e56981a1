/**
 * The HTTP(S) front of the simulated API server: authentication, request
 * faults, routing to discovery, access reviews, the admin API and the
 * resource verbs, and Status errors for everything that goes wrong.
 */
import http, { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { AddressInfo, Socket } from 'node:net';
import { Registry } from './registry';
import { ApiError, errors, toApiError } from './errors';
import {
  AccessRequest,
  Authenticator,
  forbiddenFor,
  Identity,
  isAllowed,
} from './auth';
import * as discovery from './discovery';
import { parseRoute, ResourceRoute } from './routes';
import { handleResource, selectorsOf, verbOf } from './resourceHandlers';
import { WatchHub } from './watch';
import { decodeBody, readBody, readRawBody } from './body';
import { decodeReview, isProtobuf } from './protobuf';
import { openApiV3Document, openApiV3Index } from './openapi';
import { listQuery } from './query';
import { stringify as stringifyYaml } from 'yaml';
import { kindByName } from '../kinds';

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
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Responses whose client accepts YAML but not JSON. */
const wantsYaml = new WeakSet<ServerResponse>();

/**
 * Accept negotiation (apiserver endpoints/handlers/negotiation): JSON or
 * YAML; a client that accepts only protobuf (or nothing servable) gets 406,
 * since the simulator does not encode protobuf.
 */
function negotiate(req: IncomingMessage, res: ServerResponse) {
  const accept = req.headers.accept;
  if (!accept) return;
  const types = accept
    .split(',')
    .map(t => t.split(';')[0].trim().toLowerCase());
  const json = types.some(t =>
    ['application/json', 'application/*', '*/*', ''].includes(t),
  );
  if (json) return;
  if (types.includes('application/yaml')) {
    wantsYaml.add(res);
    return;
  }
  throw errors.notAcceptable();
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) {
    res.end();
    return;
  }
  const yaml = wantsYaml.has(res);
  const text = yaml ? stringifyYaml(body) : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': yaml ? 'application/yaml' : 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiError) {
  const headers: Record<string, string> = {};
  if (error.details?.retryAfterSeconds) {
    headers['Retry-After'] = String(error.details.retryAfterSeconds);
  }
  send(res, error.code, error.toStatus(), headers);
}

function wantsTable(accept: string | undefined) {
  return /as=Table/.test(accept ?? '');
}

function decodePath(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    throw errors.badRequest(`invalid URL escape in ${JSON.stringify(text)}`);
  }
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
        send(res, 201, await this.accessReview(req, identity, route.resource));
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

  private async accessReview(
    req: IncomingMessage,
    identity: Identity,
    resource: string,
  ) {
    if (req.method !== 'POST') throw errors.methodNotAllowed();
    const raw = await readRawBody(req);
    const contentType = req.headers['content-type'];
    const review: any = isProtobuf(contentType)
      ? decodeReview(raw)
      : decodeBody(
          raw.toString('utf8'),
          contentType,
          'SelfSubjectAccessReview',
        );
    if (resource === 'selfsubjectaccessreviews') {
      const attributes = review?.spec?.resourceAttributes;
      let allowed = identity.rules === 'all';
      if (attributes && !allowed) {
        allowed = isAllowed(identity, {
          verb: attributes.verb ?? '',
          group: attributes.group ?? '',
          resource: attributes.resource ?? '',
          subresource: attributes.subresource || undefined,
          namespace: attributes.namespace || undefined,
          name: attributes.name,
        });
      }
      return {
        kind: 'SelfSubjectAccessReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec: review?.spec ?? {},
        status: {
          allowed,
          ...(allowed ? { reason: 'allowed by the simulator policy' } : {}),
        },
      };
    }
    if (resource === 'selfsubjectrulesreviews') {
      const namespace = review?.spec?.namespace;
      const rules =
        identity.rules === 'all'
          ? [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]
          : identity.rules
              .filter(
                r =>
                  !namespace ||
                  r.namespaces === undefined ||
                  r.namespaces.includes('*') ||
                  r.namespaces.includes(namespace),
              )
              .map(r => ({
                verbs: r.verbs,
                apiGroups: ['*'],
                resources: r.resources,
              }));
      return {
        kind: 'SelfSubjectRulesReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec: review?.spec ?? {},
        status: {
          resourceRules: rules,
          nonResourceRules: [
            {
              verbs: ['get'],
              nonResourceURLs: [
                '/api',
                '/api/*',
                '/apis',
                '/apis/*',
                '/version',
              ],
            },
          ],
          incomplete: false,
        },
      };
    }
    throw errors.pathNotFound();
  }
}

/** Starts listening on 127.0.0.1 and tracks sockets so close() is prompt. */
export function listen(
  api: ApiServer,
  port: number,
  tls: { key: string; cert: string } | undefined,
): Promise<RunningServer> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    api.handle(req, res);
  };
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, handler)
    : http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      const scheme = tls ? 'https' : 'http';
      resolve({
        url: `${scheme}://127.0.0.1:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>(done => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
