import { createHash } from 'node:crypto';

/**
 * The id of a request the backend makes on its own: derived from what it
 * is for, so every replica and every retry makes the same request, which
 * the request store keeps once. A valid label value (at most 63 characters).
 */
export function backendRequestId(kind: string, ...parts: string[]): string {
  const digest = createHash('sha256')
    .update(parts.join('\u0000'))
    .digest('hex')
    .slice(0, 40);
  return `${kind.slice(0, 20)}-${digest}`;
}
