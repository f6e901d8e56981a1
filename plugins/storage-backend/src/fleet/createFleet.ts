import {
  AuditorService,
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClaimSummary,
  EXPIRES_AT_ANNOTATION,
  PriceTable,
  StorageOffering,
} from '@eks-storage/backstage-plugin-storage-common';
import { Knex } from 'knex';
import type { ApprovalNotifier } from '../approvals/notifications';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import { ClaimTransition } from '../database/ClaimTransitionStore';
import { RequestStore, StoredStorageRequest } from '../database/RequestStore';
import { StorageAuthorizer } from '../permissions/StorageAuthorizer';
import { ClaimTracker } from '../tracker/ClaimTracker';
import { RequestService } from '../workflow/RequestService';
import { ClaimUsage } from './api';
import { createBackendRequests } from './backendRequests';
import { ClaimCleanups } from './ClaimCleanups';
import { ClusterVersions } from './clusterStorage';
import { FleetActionsService } from './FleetActionsService';
import { FleetConsole } from './FleetApi';
import { FleetEntities } from './fleetEntities';
import { FleetReader } from './FleetReader';
import {
  FleetSettings,
  FleetTaskParts,
  scheduleFleetTasks,
} from './fleetTasks';
import { claimUsageOf } from './sections/usage';
import { SnapshotSchedules } from './SnapshotSchedules';
import { CleanupStore } from './store/CleanupStore';
import { FleetHistoryStore } from './store/FleetHistoryStore';
import { UsageStore } from './store/UsageStore';
import { UsageCollector } from './UsageCollector';

export interface FleetDependencies {
  db: Knex;
  settings: FleetSettings;
  tracker: ClaimTracker;
  clusters: ClusterRegistry;
  catalog: CatalogService;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  auditor: AuditorService;
  authorizer: StorageAuthorizer;
  notifications: ApprovalNotifier;
  store: RequestStore;
  requests: RequestService;
  offerings: StorageOffering[];
  prices: PriceTable;
  logger: LoggerService;
  onRequestChanged?: (request: StoredStorageRequest) => Promise<void>;
  /** The time the console and its tasks run at; tests move it. */
  clock?: () => Date;
}

/** What the claim list and page show of a claim besides the tracker's view. */
export interface ClaimExtras {
  usage?: ClaimUsage;
  expiresAt?: string;
}

/**
 * The platform console, assembled: its stores, its read side, its actions,
 * its tasks, and the hooks the rest of the plugin calls.
 */
export function createFleet(deps: FleetDependencies) {
  const { db, settings, logger, clock } = deps;
  const usage = new UsageStore(db);
  const history = new FleetHistoryStore(db);
  const cleanupStore = new CleanupStore(db);
  const entities = new FleetEntities({
    catalog: deps.catalog,
    auth: deps.auth,
  });
  const reader = new FleetReader({
    tracker: deps.tracker,
    entities,
    versions: new ClusterVersions(deps.clusters),
    usage,
    history,
    cleanups: cleanupStore,
    requests: deps.store,
    authorizer: deps.authorizer,
    offerings: deps.offerings,
    prices: deps.prices,
    rules: settings.rules,
    snapshotFirstOfferings: settings.snapshotFirstOfferings,
    clock,
  });
  const submit = createBackendRequests({
    requests: deps.requests,
    auth: deps.auth,
    auditor: deps.auditor,
    onRequestChanged: deps.onRequestChanged,
  });
  const parts: FleetTaskParts = {
    reader,
    collector: new UsageCollector({
      clusters: deps.clusters,
      usage,
      logger,
      clock,
    }),
    schedules: new SnapshotSchedules({
      clusters: deps.clusters,
      offerings: deps.offerings,
      submit,
      auditor: deps.auditor,
      logger,
      clock,
    }),
    cleanups: new ClaimCleanups({
      cleanups: cleanupStore,
      store: deps.store,
      submit,
      notifications: deps.notifications,
      offerings: deps.offerings,
      snapshotFirstOfferings: settings.snapshotFirstOfferings,
      rules: settings.rules,
      logger,
      clock,
    }),
    usage,
    history,
    cleanupStore,
    logger,
    clock,
  };
  const console: FleetConsole = {
    read: reader,
    actions: new FleetActionsService({
      tracker: deps.tracker,
      entities,
      catalog: deps.catalog,
      requests: deps.requests,
      cleanups: cleanupStore,
      offerings: deps.offerings,
      clock,
    }),
  };

  return {
    console,
    parts,
    schedule: (scheduler: SchedulerService) =>
      scheduleFleetTasks(scheduler, settings, parts),
    /** The tracker saw a claim deleted: its volume keeps an owner. */
    claimChanged: (claim: ClaimSummary, transition?: ClaimTransition) => {
      if (transition?.toState !== 'deleted') return;
      history
        .rememberClaim(
          {
            cluster: claim.cluster,
            namespace: claim.namespace,
            name: claim.name,
            uid: claim.uid,
            labels: claim.labels,
          },
          new Date(transition.observedAt),
        )
        .catch(error =>
          logger.warn(
            `Could not remember deleted claim ${claim.name}: ${error}`,
          ),
        );
    },
    /** The newest usage reading and the expiry of each of these claims. */
    extrasOf: async (
      claims: Array<Pick<ClaimSummary, 'cluster' | 'namespace' | 'name'>>,
      annotationsOf: (claim: {
        cluster: string;
        namespace: string;
        name: string;
      }) => Record<string, string> | undefined,
    ): Promise<ClaimExtras[]> => {
      const latest = claims.length
        ? await usage.latestOf(
            claims.map(c => ({
              cluster: c.cluster,
              namespace: c.namespace,
              claim: c.name,
            })),
          )
        : [];
      const keyOf = (cluster: string, namespace: string, name: string) =>
        JSON.stringify([cluster, namespace, name]);
      const readings = new Map(
        latest.map(r => [keyOf(r.cluster, r.namespace, r.claim), r]),
      );
      return claims.map(claim => {
        const reading = readings.get(
          keyOf(claim.cluster, claim.namespace, claim.name),
        );
        const expiresAt = annotationsOf(claim)?.[EXPIRES_AT_ANNOTATION];
        return {
          ...(reading && { usage: claimUsageOf(reading) }),
          ...(expiresAt && { expiresAt }),
        };
      });
    },
  };
}

export type Fleet = ReturnType<typeof createFleet>;
