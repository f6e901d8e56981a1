/** The HTTP(S) listener around an ApiServer. */
import http, { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { AddressInfo, Socket } from 'node:net';
import type { ApiServer } from './server';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
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
