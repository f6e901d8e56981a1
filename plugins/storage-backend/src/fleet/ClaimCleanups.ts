import { LoggerService } from '@backstage/backend-plugin-api';
import {
  FleetEntity,
  FleetRules,
  REQUEST_ID_LABEL,
  StorageOffering,
  expiringClaims,
  planExpiry,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import type { ApprovalNotifier } from '../approvals/notifications';
import { RequestStore, StoredStorageRequest } from '../database/RequestStore';
import { BackendRequests } from './backendRequests';
import { FleetCluster } from './clusterStorage';
import { expiryWarning } from './expiryNotices';
import { snapshotBeforeDeleteName } from './FleetActionsService';
import { snapshotFirstFor } from './offeringSettings';
import { backendRequestId } from './requestIds';
import { ownerOf } from './snapshot';
import { ClaimCleanup, CleanupStore } from './store/CleanupStore';

const STOPPED = new Set(['rejected', 'failed', 'cancelled']);

export interface ClaimCleanupsOptions {
  cleanups: CleanupStore;
  store: Pick<RequestStore, 'get'>;
  submit: BackendRequests;
  notifications: ApprovalNotifier;
  offerings: StorageOffering[];
  snapshotFirstOfferings: ReadonlySet<string>;
  rules: FleetRules;
  logger: LoggerService;
  /** The time the task runs at; tests move it. */
  clock?: () => Date;
}

/** Why a request of the clean-up stopped, in its own words. */
function stoppedMessage(
  what: string,
  request: Pick<
    StoredStorageRequest,
    'status' | 'decisionReason' | 'lastError'
  >,
) {
  return `The ${what} request was ${request.status}${
    request.decisionReason ? `: ${request.decisionReason}` : ''
  }${request.lastError ? `: ${request.lastError}` : ''}`;
}

const where = (c: Pick<ClaimCleanup, 'cluster' | 'namespace' | 'name'>) =>
  `${c.cluster}/${c.namespace}/${c.name}`;

/**
 * The claims the backend deletes itself: each expired claim (its owners
 * warned a day before), and each claim whose delete waits for a snapshot.
 * Every step is a request through the request workflow (policy decides;
 * the apply worker carries it out) and a compare-and-set of the cleanup's
 * row, so a restart resumes and a second replica repeats nothing. Run by a
 * scheduled task, once across replicas.
 */
export class ClaimCleanups {
  private readonly now: () => Date;

  constructor(private readonly options: ClaimCleanupsOptions) {
    this.now = options.clock ?? (() => new Date());
  }

  async runOnce(
    clusters: FleetCluster[],
    entities: FleetEntity[],
  ): Promise<void> {
    const now = this.now();
    const synced = clusters.filter(c => c.synced);
    await this.followExpiries(synced, entities, now);
    const live = new Map<string, V1PersistentVolumeClaim>();
    for (const { storage } of synced) {
      for (const pvc of storage.persistentVolumeClaims ?? []) {
        live.set(
          `${storage.cluster}/${pvc.metadata?.namespace}/${pvc.metadata?.name}`,
          pvc,
        );
      }
    }
    const syncedNames = new Set(synced.map(c => c.storage.cluster));
    const open = await this.options.cleanups.list({
      status: ['upcoming', 'warned', 'snapshotting', 'deleting'],
    });
    const expiring = open.filter(
      c => c.status === 'upcoming' || c.status === 'warned',
    );
    const plan = planExpiry(expiring, now, this.options.rules);
    const expired = new Set(plan.expire);
    for (const cleanup of open) {
      if (!syncedNames.has(cleanup.cluster)) continue;
      const pvc = live.get(where(cleanup));
      const sameClaim = pvc && (pvc.metadata?.uid ?? '') === cleanup.uid;
      try {
        if (cleanup.status === 'deleting') {
          await this.checkDelete(cleanup, Boolean(sameClaim), now);
        } else if (!sameClaim) {
          // Deleted (or replaced) by someone else before its time.
          await this.finish(cleanup, 'deleted', 'The claim was deleted', now);
        } else if (cleanup.status === 'snapshotting') {
          await this.checkSnapshot(cleanup, synced, now);
        } else if (expired.has(cleanup)) {
          await this.expire(cleanup, now);
        } else if (plan.warn.includes(cleanup)) {
          await this.warn(cleanup, entities, now);
        }
      } catch (error) {
        this.options.logger.warn(
          `Clean-up of claim ${where(cleanup)} did not move on: ${error}`,
        );
      }
    }
  }

  /** Starts following every claim with an expiry; a moved expiry is followed anew. */
  private async followExpiries(
    clusters: FleetCluster[],
    entities: FleetEntity[],
    now: Date,
  ) {
    const { cleanups, offerings, snapshotFirstOfferings, store } = this.options;
    for (const { storage } of clusters) {
      const claims = new Map(
        (storage.persistentVolumeClaims ?? []).map(pvc => [
          `${pvc.metadata?.namespace}/${pvc.metadata?.name}`,
          pvc,
        ]),
      );
      for (const expiring of expiringClaims(storage)) {
        const pvc = claims.get(`${expiring.namespace}/${expiring.claim}`)!;
        const uid = pvc.metadata?.uid ?? '';
        const key = {
          cluster: storage.cluster,
          namespace: expiring.namespace,
          name: expiring.claim,
          uid,
        };
        const known = await cleanups.get(key);
        if (known) {
          if (
            (known.status === 'upcoming' || known.status === 'warned') &&
            known.expiresAt !== expiring.expiresAt
          ) {
            await cleanups.advance(
              known,
              { status: 'upcoming', expiresAt: expiring.expiresAt },
              now,
            );
          }
          continue;
        }
        const entity = ownerOf(
          entities,
          pvc.metadata?.labels,
          expiring.namespace,
        );
        if (!entity) {
          this.options.logger.warn(
            `Claim ${where(
              key,
            )} expires but belongs to no catalog entity: it is not deleted`,
          );
          continue;
        }
        const requestId = pvc.metadata?.labels?.[REQUEST_ID_LABEL];
        const request = requestId ? await store.get(requestId) : undefined;
        await cleanups.add(
          {
            ...key,
            reason: 'expiry',
            entityRef: entity.entityRef,
            requestedBy:
              request?.requestedBy ?? entity.owner ?? entity.entityRef,
            expiresAt: expiring.expiresAt,
            status: 'upcoming',
            snapshotFirst: snapshotFirstFor(
              pvc,
              offerings,
              snapshotFirstOfferings,
            ),
          },
          now,
        );
      }
    }
  }

  /** Tells the owners a day before; the compare-and-set makes it once. */
  private async warn(
    cleanup: ClaimCleanup,
    entities: FleetEntity[],
    now: Date,
  ) {
    const warned = await this.options.cleanups.advance(
      cleanup,
      { status: 'warned', warnedAt: now.toISOString() },
      now,
    );
    if (!warned) return;
    const owner = entities.find(e => e.entityRef === cleanup.entityRef)?.owner;
    const recipients = [
      ...new Set(
        [owner, cleanup.requestedBy].filter((r): r is string =>
          Boolean(r && /^(user|group):/.test(r)),
        ),
      ),
    ];
    if (!recipients.length) return;
    try {
      await this.options.notifications.send(expiryWarning(warned, recipients));
    } catch (error) {
      this.options.logger.warn(
        `Could not warn the owners of claim ${where(cleanup)}: ${error}`,
      );
    }
  }

  /** At expiry: a snapshot first when the offering asks, else the delete. */
  private async expire(cleanup: ClaimCleanup, now: Date) {
    if (!cleanup.snapshotFirst) {
      await this.requestDelete(cleanup, now);
      return;
    }
    const snapshotName =
      cleanup.snapshotName ??
      snapshotBeforeDeleteName(
        cleanup.name,
        new Date(cleanup.expiresAt ?? now.toISOString()),
      );
    const request = await this.options.submit(
      {
        operation: 'snapshot',
        requestId: backendRequestId('expiry-snap', where(cleanup), cleanup.uid),
        entityRef: cleanup.entityRef,
        cluster: cleanup.cluster,
        namespace: cleanup.namespace,
        claimName: cleanup.name,
        snapshotName,
        justification: `The claim expired at ${cleanup.expiresAt}: a snapshot before it is deleted`,
      },
      cleanup.requestedBy,
    );
    await this.options.cleanups.advance(
      cleanup,
      { status: 'snapshotting', snapshotName, snapshotRequestId: request.id },
      now,
    );
  }

  /** The snapshot is ready: the delete follows; its request stopped: the clean-up fails. */
  private async checkSnapshot(
    cleanup: ClaimCleanup,
    clusters: FleetCluster[],
    now: Date,
  ) {
    const request = cleanup.snapshotRequestId
      ? await this.options.store.get(cleanup.snapshotRequestId)
      : undefined;
    if (request && STOPPED.has(request.status)) {
      await this.finish(
        cleanup,
        'failed',
        `${stoppedMessage('snapshot', request)}; the claim is kept`,
        now,
      );
      return;
    }
    const snapshot = clusters
      .find(c => c.storage.cluster === cleanup.cluster)
      ?.storage.volumeSnapshots?.find(
        s =>
          s.metadata?.namespace === cleanup.namespace &&
          s.metadata?.name === cleanup.snapshotName,
      );
    if (snapshot?.status?.readyToUse === true) {
      await this.requestDelete(cleanup, now);
    } else if (snapshot?.status?.error?.message) {
      await this.finish(
        cleanup,
        'failed',
        `Snapshot ${cleanup.snapshotName} failed (${snapshot.status.error.message}); the claim is kept`,
        now,
      );
    }
  }

  private async requestDelete(cleanup: ClaimCleanup, now: Date) {
    const request = await this.options.submit(
      {
        operation: 'delete',
        requestId: backendRequestId('cleanup-del', where(cleanup), cleanup.uid),
        entityRef: cleanup.entityRef,
        cluster: cleanup.cluster,
        namespace: cleanup.namespace,
        claimName: cleanup.name,
        confirm: cleanup.name,
        justification:
          cleanup.reason === 'expiry'
            ? `The claim expired at ${cleanup.expiresAt}`
            : `Deleted from the platform console after snapshot ${cleanup.snapshotName}`,
      },
      cleanup.requestedBy,
    );
    await this.options.cleanups.advance(
      cleanup,
      {
        status: 'deleting',
        deleteRequestId: request.id,
        message: `Delete request ${request.id} is ${request.status}`,
      },
      now,
    );
  }

  /** Done when the claim is gone; failed when its request stopped. */
  private async checkDelete(
    cleanup: ClaimCleanup,
    claimExists: boolean,
    now: Date,
  ) {
    const request = cleanup.deleteRequestId
      ? await this.options.store.get(cleanup.deleteRequestId)
      : undefined;
    if (!claimExists) {
      await this.finish(cleanup, 'deleted', 'The claim was deleted', now);
    } else if (request && STOPPED.has(request.status)) {
      await this.finish(
        cleanup,
        'failed',
        stoppedMessage('delete', request),
        now,
      );
    } else if (request && request.status !== 'applied') {
      const message = `Delete request ${request.id} is ${request.status}`;
      if (message !== cleanup.message) {
        await this.options.cleanups.advance(cleanup, { message }, now);
      }
    }
  }

  private async finish(
    cleanup: ClaimCleanup,
    status: 'deleted' | 'failed',
    message: string,
    now: Date,
  ) {
    await this.options.cleanups.advance(cleanup, { status, message }, now);
  }
}
