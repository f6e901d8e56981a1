/**
 * The simulator's admin API under `/_sim/`: read and change faults, and
 * move the simulated clock.
 */
import { IncomingMessage } from 'node:http';
import { errors } from './api/errors';
import { AdminHandler } from './api/server';
import { Faults } from './faults';

function field<T>(
  body: unknown,
  name: string,
  check: (v: unknown) => v is T,
): T {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (!check(value)) {
    throw errors.badRequest(`"${name}" is missing or has the wrong type`);
  }
  return value;
}

const isString = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0;
const isNumber = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v);

export function adminHandler(faults: Faults): AdminHandler {
  return async (req: IncomingMessage, path: string, body: unknown) => {
    const method = req.method ?? 'GET';
    const ok = (result: unknown = faults.state()) => ({
      status: 200,
      body: result,
    });
    if (path === '/_sim/faults' && method === 'GET') {
      return ok();
    }
    if (method !== 'POST') {
      throw errors.methodNotAllowed();
    }
    const driverAction = /^\/_sim\/faults\/drivers\/([^/]+)\/([a-z-]+)$/.exec(
      path,
    );
    if (driverAction) {
      const [, driver, action] = driverAction;
      const actions: Record<string, () => void> = {
        uninstall: () => faults.uninstallDriver(driver),
        install: () => faults.installDriver(driver),
        'deny-iam': () => faults.setIamDenied(driver, true),
        'allow-iam': () => faults.setIamDenied(driver, false),
      };
      if (!actions[action]) throw errors.pathNotFound();
      actions[action]();
      return ok();
    }
    switch (path) {
      case '/_sim/faults/requests':
        faults.setRequestFaults(body as Record<string, never>);
        return ok();
      case '/_sim/faults/drop-watches':
        faults.dropWatches();
        return ok();
      case '/_sim/faults/restart':
        faults.restart();
        return ok();
      case '/_sim/faults/fill-quota':
        return ok({
          hard: faults.fillQuota(field(body, 'namespace', isString)),
        });
      case '/_sim/faults/efs-access-point-limit': {
        const limit = (body as Record<string, unknown> | undefined)?.limit;
        if (limit !== null && !isNumber(limit)) {
          throw errors.badRequest('"limit" must be a number, or null');
        }
        faults.setEfsAccessPointLimit(limit);
        return ok();
      }
      case '/_sim/faults/reset':
        faults.reset();
        return ok();
      case '/_sim/clock/advance':
        faults.advanceClock(field(body, 'seconds', isNumber) * 1000);
        return ok();
      default:
        throw errors.pathNotFound();
    }
  };
}
