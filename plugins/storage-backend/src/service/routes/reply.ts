import { Response } from 'express';

/**
 * Sends an answer typed by the contract: `T` is one of storage-common's
 * types generated from the same spec. (The router's own response typing
 * demands index signatures the domain's interfaces do not have.)
 */
export function reply<T>(res: Response, body: T, status = 200): void {
  res.status(status).json(body);
}
