/**
 * Writing replies: content negotiation (JSON or YAML, 406 otherwise), the
 * headers the API server sets, and Status bodies for errors.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { stringify as stringifyYaml } from 'yaml';
import { ApiError, errors } from './errors';

/** Responses whose client accepts YAML but not JSON. */
const wantsYaml = new WeakSet<ServerResponse>();

/**
 * Accept negotiation (apiserver endpoints/handlers/negotiation): JSON or
 * YAML; a client that accepts only protobuf (or nothing servable) gets 406,
 * since the simulator does not encode protobuf.
 */
export function negotiate(req: IncomingMessage, res: ServerResponse) {
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

export function send(
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

export function sendError(res: ServerResponse, error: ApiError) {
  const headers: Record<string, string> = {};
  if (error.details?.retryAfterSeconds) {
    headers['Retry-After'] = String(error.details.retryAfterSeconds);
  }
  send(res, error.code, error.toStatus(), headers);
}

export function wantsTable(accept: string | undefined) {
  return /as=Table/.test(accept ?? '');
}
