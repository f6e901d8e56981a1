/**
 * Reading and decoding request bodies. Bodies are untrusted: size-limited,
 * and any decoding problem becomes a 400 Status, never a stack trace.
 */
import { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, errors } from './errors';

/** The API server's default maximum request body (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRawBody(req)).toString('utf8');
}

export function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new ApiError(
            413,
            'RequestEntityTooLarge',
            `Request entity too large: limit is ${MAX_BODY_BYTES}`,
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function mediaType(contentType: string | undefined) {
  return (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
}

/** Decodes a JSON or YAML document; `kindName` names the expected type in errors. */
export function decodeBody(
  text: string,
  contentType: string | undefined,
  kindName: string,
): unknown {
  const type = mediaType(contentType);
  const isYaml =
    type === 'application/yaml' || type === 'application/apply-patch+yaml';
  if (text.trim() === '') {
    throw errors.badRequest(
      `the object provided is unrecognized (must be of type ${kindName}): couldn't get version/kind; json parse error: unexpected end of JSON input`,
    );
  }
  try {
    if (isYaml) {
      return parseYaml(text, { maxAliasCount: 100 });
    }
    return JSON.parse(text);
  } catch (error) {
    const detail =
      error instanceof Error
        ? error.message.split('\n')[0]
        : 'invalid document';
    throw errors.badRequest(
      isYaml
        ? `error decoding YAML: ${detail}`
        : `the object provided is unrecognized (must be of type ${kindName}): couldn't get version/kind; json parse error: ${detail}`,
    );
  }
}

export type PatchMediaType = 'json' | 'merge' | 'strategic' | 'apply';

export function patchTypeOf(
  contentType: string | undefined,
  custom: boolean,
): PatchMediaType {
  const type = mediaType(contentType);
  switch (type) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      if (custom) break;
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
    default:
      break;
  }
  throw errors.unsupportedMediaType(custom);
}
