import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy in front of a simulated API server that adds faults the
 * way a network or a loaded API server would, per resource path: a slow
 * or failing list of one resource type, and dropped watch connections.
 * Everything else passes through unchanged, watches streaming.
 */
export interface FaultProxy {
  url: string;
  /** Delays every list (not watch) of this path, e.g. `/apis/storage.k8s.io/v1/storageclasses`. */
  slowList(path: string, delayMs: number): void;
  /** Answers the next `times` lists of this path with `status`. */
  failList(path: string, times: number, status?: number): void;
  /** Cuts every open watch connection. */
  dropWatches(): number;
  /** How many lists of this path went through (or failed). */
  listCount(path: string): number;
  clear(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const slow = new Map<string, number>();
  const failing = new Map<string, { times: number; status: number }>();
  const lists = new Map<string, number>();
  const watches = new Set<{ req: http.ClientRequest; res: ServerResponse }>();
  const sockets = new Set<Socket>();

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const isWatch = url.searchParams.get('watch') === 'true';
    if (req.method === 'GET' && !isWatch) {
      lists.set(url.pathname, (lists.get(url.pathname) ?? 0) + 1);
      const delay = slow.get(url.pathname);
      if (delay) await new Promise(resolve => setTimeout(resolve, delay));
      const failure = failing.get(url.pathname);
      if (failure && failure.times > 0) {
        failure.times -= 1;
        const body = JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'injected by the fault proxy',
          reason: failure.status === 429 ? 'TooManyRequests' : 'InternalError',
          code: failure.status,
        });
        res.writeHead(failure.status, { 'Content-Type': 'application/json' });
        res.end(body);
        return;
      }
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        // A watch sends its headers at once, before any event.
        res.flushHeaders();
        answer.pipe(res);
      },
    );
    const entry = { req: forward, res };
    if (isWatch) {
      watches.add(entry);
      res.on('close', () => watches.delete(entry));
    }
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  };

  const server = http.createServer((req, res) => {
    handler(req, res).catch(() => res.destroy());
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    slowList: (path, delayMs) => slow.set(path, delayMs),
    failList: (path, times, status = 500) =>
      failing.set(path, { times, status }),
    dropWatches: () => {
      const open = [...watches];
      // Ends the response cleanly, as an API server closing a watch does.
      open.forEach(({ req, res }) => {
        req.destroy();
        res.end();
      });
      return open.length;
    },
    listCount: path => lists.get(path) ?? 0,
    clear: () => {
      slow.clear();
      failing.clear();
    },
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        sockets.forEach(socket => socket.destroy());
      }),
  };
}
