import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { storagePolicyExtensionPoint } from '@eks-storage/backstage-plugin-storage-node';
import {
  ApprovalService,
  CatalogMembership,
  ConfiguredRequestPolicy,
  DatabaseApprovalStore,
  StoragePolicyRegistry,
  scheduleApprovalHousekeeping,
} from './approvals';
import { StoredStorageRequest } from './database/RequestStore';
import { createClaimNotices } from './approvals/claimNotices';
import { createApprovalView } from './service/approvalView';
import { JsonObject } from '@backstage/types';
import {
  StorageChangedSignal,
  StorageSignal,
  parseOfferings,
  resolvePrices,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClusterRegistry } from './clusters/ClusterRegistry';
import { DatabaseClaimTransitionStore } from './database/DatabaseClaimTransitionStore';
import { DatabaseRequestStore } from './database/DatabaseRequestStore';
import { applyDatabaseMigrations } from './database/migrations';
import { StorageAuthorizer } from './permissions/StorageAuthorizer';
import { createRouter } from './service/router';
import { createSignalRouter } from './service/entityChannels';
import { DryRunLimiter, readDryRunLimits } from './service/dryRunLimiter';
import { SignalChannels } from './service/signalChannels';
import { signalOfClaim, signalOfRequest } from './service/signals';
import { ClaimTracker } from './tracker/ClaimTracker';
import { readTrackerOptions } from './tracker/trackerConfig';
import { scheduleRetention } from './housekeeping/retention';
import { ApplyWorker, startTakeOverLoop } from './workflow/ApplyWorker';
import { UndecidedRequests } from './workflow/undecidedRequests';
import { readNamespaceRules } from './workflow/namespaceGuard';
import { RequestAccess } from './workflow/RequestAccess';
import { RequestService } from './workflow/RequestService';
import { fleetClockServiceRef } from './fleet/clock';
import { Fleet, createFleet } from './fleet/createFleet';
import { readFleetSettings } from './fleet/fleetTasks';

const APPLY_TASK = 'storage-apply-worker';

/**
 * The storage backend plugin: storage requests, their approval and apply,
 * and live tracking of the claims in the clusters.
 *
 * @public
 */
export const storagePlugin = createBackendPlugin({
  pluginId: 'storage',
  register(env) {
    // Backend modules add request policies here; they are asked before
    // the configured rules (storage.approvals).
    const policies = new StoragePolicyRegistry();
    env.registerExtensionPoint(storagePolicyExtensionPoint, policies);
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
        fleetClock: fleetClockServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, signals } = deps;

        const parsedOfferings = parseOfferings(
          config.getOptional('storage.offerings'),
        );
        const parsedPrices = resolvePrices(
          config.getOptional('storage.prices'),
        );
        const configErrors = [
          ...parsedOfferings.errors,
          ...parsedPrices.errors,
        ];
        if (configErrors.length) {
          throw new Error(`Invalid storage config: ${configErrors.join('; ')}`);
        }
        const offerings = parsedOfferings.offerings;
        const fleetSettings = readFleetSettings(config);
        if (offerings.length === 0) {
          logger.warn(
            'No storage offerings configured (storage.offerings): developers can see claims but not request storage',
          );
        }

        const db = await applyDatabaseMigrations(deps.database);
        const store = new DatabaseRequestStore(db);
        const transitions = new DatabaseClaimTransitionStore(db);
        const clusters = ClusterRegistry.fromConfig(config, logger);
        const channelsOf = createSignalRouter(deps.catalog, deps.auth);
        const channels = await SignalChannels.fromDatabase(db);
        // Signals are nudges on opaque channels: anyone may listen, so they
        // carry nothing a reader could not fetch through the API.
        const nudge: StorageChangedSignal = { type: 'changed' };
        const publish = async (change: StorageSignal) => {
          try {
            for (const channel of await channelsOf(change)) {
              await signals.publish({
                recipients: { type: 'broadcast' },
                channel: channels.opaque(channel),
                message: nudge as unknown as JsonObject,
              });
            }
          } catch (error) {
            logger.warn(`Could not publish a storage signal: ${error}`);
          }
        };

        // The requester hears when the claim their request made is Bound
        // or failed.
        const claimNotices = createClaimNotices({
          store,
          notifications: deps.notifications,
          logger,
        });
        // The platform console, built once the request workflow is.
        const built: { fleet?: Fleet } = {};
        const tracker = new ClaimTracker({
          ...readTrackerOptions(config),
          clusters,
          transitions,
          logger,
          onChange: (claim, transition) => {
            publish(signalOfClaim(claim, transition));
            claimNotices(claim, transition);
            built.fleet?.claimChanged(claim, transition);
          },
        });
        const worker = new ApplyWorker({
          store,
          clusters,
          logger,
          onChange: request => publish(signalOfRequest(request)),
        });
        const authorizer = new StorageAuthorizer(
          deps.permissions,
          deps.permissionsRegistry,
        );
        // Every change of a request is signalled; an approved one is
        // applied now, outside the scheduled task (the store's
        // compare-and-set lets one replica apply it).
        const requestChanged = async (request: StoredStorageRequest) => {
          await publish(signalOfRequest(request));
          if (request.status === 'approved') {
            worker
              .applyNow(request.id)
              .catch(error =>
                logger.error(
                  `Could not apply storage request ${request.id}`,
                  error,
                ),
              );
          }
        };
        const policy = ConfiguredRequestPolicy.fromConfig(
          config,
          policies.policies(),
        );
        const membership = new CatalogMembership(deps.catalog, deps.auth);
        const approvals = new ApprovalService({
          requests: store,
          approvals: new DatabaseApprovalStore(db, store),
          authorizer,
          membership,
          auditor: deps.auditor,
          logger,
          pendingTimeoutMs: policy.policy.pendingTimeoutMs,
          reminderAfterMs: policy.policy.reminderAfterMs,
          notifications: deps.notifications,
          onRequestChanged: requestChanged,
        });
        await scheduleApprovalHousekeeping({ scheduler, approvals, logger });
        const requests = new RequestService({
          store,
          access: new RequestAccess({
            catalog: deps.catalog,
            authorizer,
            clusters,
          }),
          offerings,
          prices: parsedPrices.prices,
          namespaceRules: readNamespaceRules(config),
          policy,
          approvals,
          logger,
        });

        // A request whose process died between storing and deciding it is
        // decided once it has waited longer than any submission takes.
        const undecided = new UndecidedRequests({
          store,
          requests,
          auth: deps.auth,
          logger,
        });

        // Approved requests are applied at once (applyNow below); this run
        // is the safety net for what a crash or a retry leaves approved or
        // applying. A short timeout, so that the lock of a run whose
        // process was killed frees quickly, and a budget within it.
        await scheduler.scheduleTask({
          id: APPLY_TASK,
          frequency: { seconds: 5 },
          timeout: { seconds: 30 },
          initialDelay: { seconds: 1 },
          fn: async signal => {
            await undecided.runOnce(signal);
            await worker.runOnce({ signal, budgetMs: 20_000 });
          },
        });
        // A task lock left by a killed process frees only when the
        // scheduler's janitor notices, a minute or more later; meanwhile
        // requests the killed process was applying would wait. Each replica
        // therefore also takes over expired leases itself: the store's
        // compare-and-set keeps a request to one applier.
        const takeOver = startTakeOverLoop(
          {
            runOnce: async options => {
              await undecided.runOnce();
              return worker.runOnce(options);
            },
          },
          logger,
        );
        deps.lifecycle.addShutdownHook(() => takeOver.stop());

        // History is kept as long as storage.retention says.
        await scheduleRetention({
          config,
          scheduler,
          transitions,
          requests: store,
          logger,
        });

        // The platform console: findings from the tracker's caches, usage
        // from the kubelets, snapshot schedules and expiry on the scheduler.
        const fleet = createFleet({
          db,
          settings: fleetSettings,
          tracker,
          clusters,
          catalog: deps.catalog,
          auth: deps.auth,
          auditor: deps.auditor,
          authorizer,
          notifications: deps.notifications,
          store,
          requests,
          offerings,
          prices: parsedPrices.prices,
          logger,
          onRequestChanged: requestChanged,
          clock: () => deps.fleetClock.now(),
        });
        built.fleet = fleet;
        await fleet.schedule(scheduler);

        // Claims are followed in the background: a cluster that is down
        // must not keep Backstage from starting.
        tracker
          .start()
          .catch(error =>
            logger.error('Claim tracking failed to start', error),
          );
        deps.lifecycle.addShutdownHook(() => tracker.stop());

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            logger,
            auditor: deps.auditor,
            database: db,
            catalog: deps.catalog,
            authorizer,
            limiter: new DryRunLimiter(readDryRunLimits(config)),
            channels,
            requests,
            store,
            transitions,
            tracker,
            offerings,
            prices: parsedPrices.prices,
            approvals,
            view: createApprovalView({
              catalog: deps.catalog,
              approvals,
              tracker,
              offerings,
              prices: parsedPrices.prices,
            }),
            onRequestChanged: requestChanged,
            fleet: fleet.console,
            claimExtras: fleet.extrasOf,
          }),
        );
      },
    });
  },
});
