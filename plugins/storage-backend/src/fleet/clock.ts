import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';

/** The time the platform console and its scheduled tasks run at. */
export interface FleetClock {
  now(): Date;
}

/**
 * The console's clock as a service, so tests (and simulations) move time
 * for expiry and snapshot schedules without waiting for it; the wall clock
 * by default.
 */
export const fleetClockServiceRef = createServiceRef<FleetClock>({
  id: 'storage.fleet.clock',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => ({ now: () => new Date() }),
    }),
});
