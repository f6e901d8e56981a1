import {
  AuditorService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import { Knex } from 'knex';
import {
  caseInsensitiveCatalog,
  orgEntities,
  ownerPolicyPermissions,
} from '../../__testUtils__/identities';
import {
  entities,
  offerings,
  startStorageBackend,
} from '../../__testUtils__/storageBackend';
import { fleetClockServiceRef } from '../clock';

/** A clock tests move: the console's time is the wall clock plus an offset. */
export function movableClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms: number) => {
      offsetMs += ms;
    },
  };
}

/** Every audit event the plugin records, with how it ended. */
export function recordedAudit() {
  const events: Array<{
    eventId: string;
    meta?: Record<string, unknown>;
    outcome?: 'success' | 'fail';
    result?: Record<string, unknown>;
  }> = [];
  const factory = createServiceFactory({
    service: coreServices.auditor,
    deps: {},
    factory: (): AuditorService => ({
      async createEvent(options) {
        const event: (typeof events)[number] = {
          eventId: options.eventId,
          meta: options.meta as Record<string, unknown>,
        };
        events.push(event);
        return {
          async success(result) {
            event.outcome = 'success';
            event.result = result?.meta as Record<string, unknown>;
          },
          async fail() {
            event.outcome = 'fail';
          },
        };
      },
    }),
  });
  return { events, factory };
}

/** Every notification the plugin sends. */
export function recordedNotifications() {
  const sent: Array<{ recipients: any; payload: any }> = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send(message: any) {
        sent.push(message);
      },
    }),
  });
  return { sent, factory };
}

/** The test backend's offerings, with snapshot schedules on the immediate gp3 class. */
export const fleetOfferings = offerings.map(offering =>
  offering.id === 'ebs-gp3-immediate'
    ? { ...offering, backup: { every: '24h', keep: 2 } }
    : offering,
);

/** Tasks every second, so tests see them run without waiting minutes. */
const EVERY_SECOND = {
  frequency: { seconds: 1 },
  timeout: { seconds: 60 },
  initialDelay: { seconds: 0 },
};

/**
 * The demo cluster (eks-sim's demo scenario) as `eks-dev`, a database from
 * the repo's TestDatabases, and the plugin with the demo's permission
 * policy, a movable console clock, and recorded audit events and
 * notifications; the console's tasks run every second.
 */
export function useFleetBackend(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const env = {
    clock: movableClock(),
    audit: recordedAudit(),
    notifications: recordedNotifications(),
  } as {
    clock: ReturnType<typeof movableClock>;
    audit: ReturnType<typeof recordedAudit>;
    notifications: ReturnType<typeof recordedNotifications>;
    sim: EksSim;
    knex: Knex;
    api: Awaited<ReturnType<typeof startStorageBackend>>;
    /** Starts the simulated cluster again on the same port, with a fresh state. */
    restartSimulator(): Promise<void>;
  };
  const clockFactory = createServiceFactory({
    service: fleetClockServiceRef,
    deps: {},
    factory: () => ({ now: () => env.clock.now() }),
  });
  beforeAll(async () => {
    env.knex = await databases.init(databaseId);
    env.sim = await startEksSim({ scenario: 'demo', clusterName: 'eks-dev' });
    env.api = await startStorageBackend({
      clusters: [{ name: 'eks-dev', url: env.sim.url }],
      knex: env.knex,
      catalog: caseInsensitiveCatalog([...entities, ...orgEntities]),
      features: [
        ownerPolicyPermissions,
        clockFactory,
        env.audit.factory,
        env.notifications.factory,
      ],
      storageConfig: {
        offerings: fleetOfferings,
        fleet: { collection: EVERY_SECOND, housekeeping: EVERY_SECOND },
      },
    });
    env.restartSimulator = async () => {
      const port = Number(new URL(env.sim.url).port);
      await env.sim.close();
      env.sim = await startEksSim({
        scenario: 'demo',
        clusterName: 'eks-dev',
        port,
      });
    };
  });
  afterAll(async () => {
    await env.api?.stop();
    await env.sim?.close();
  });
  const as = (user: string) => {
    const auth = ['Authorization', mockCredentials.user.header(user)] as const;
    return {
      get: (path: string) =>
        env.api.agent.get(`/api/storage${path}`).set(...auth),
      post: (path: string, body: object = {}) =>
        env.api.agent
          .post(`/api/storage${path}`)
          .set(...auth)
          .type('json')
          .send(body),
    };
  };
  return { env, as };
}
