import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import {
  FleetEntity,
  StorageOffering,
  planSnapshots,
} from '@eks-storage/backstage-plugin-storage-common';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import { toClusterError } from '../clusters/clusterErrors';
import { BackendRequests } from './backendRequests';
import { FleetCluster } from './clusterStorage';
import { backendRequestId } from './requestIds';
import { ownerOf } from './snapshot';

export interface ScheduleResult {
  /** Snapshot requests submitted (or found already submitted). */
  requested: string[];
  /** Scheduled snapshots deleted by retention. */
  removed: string[];
  failures: string[];
}

/**
 * Carries out the offerings' snapshot schedules (`backup: { every, keep }`)
 * with storage-common's planSnapshots: each snapshot due is a snapshot
 * request through the request service, the same path as a day-2 snapshot
 * (its id derived from the claim and the slot, so replicas and retries make
 * one); snapshots beyond `keep` are deleted. Run by a scheduled task, once
 * across replicas, with the clock injected.
 */
export class SnapshotSchedules {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      clusters: ClusterRegistry;
      offerings: StorageOffering[];
      submit: BackendRequests;
      auditor: AuditorService;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {
    this.now = options.clock ?? (() => new Date());
  }

  async runOnce(
    clusters: FleetCluster[],
    entities: FleetEntity[],
  ): Promise<ScheduleResult> {
    const result: ScheduleResult = { requested: [], removed: [], failures: [] };
    if (!this.options.offerings.some(o => o.backup)) return result;
    const now = this.now();
    for (const { storage, synced } of clusters) {
      // A cache still listing would plan snapshots that already exist.
      if (!synced) continue;
      const plan = planSnapshots({
        storage,
        offerings: this.options.offerings,
        now,
      });
      const claims = new Map(
        (storage.persistentVolumeClaims ?? []).map(pvc => [
          `${pvc.metadata?.namespace}/${pvc.metadata?.name}`,
          pvc,
        ]),
      );
      for (const take of plan.take) {
        const where = `${storage.cluster}/${take.namespace}/${take.name}`;
        const pvc = claims.get(`${take.namespace}/${take.claim}`);
        const entity = ownerOf(entities, pvc?.metadata?.labels, take.namespace);
        if (!entity) {
          result.failures.push(`${where}: the claim belongs to no entity`);
          continue;
        }
        try {
          const request = await this.options.submit(
            {
              operation: 'snapshot',
              requestId: backendRequestId(
                'sched-snap',
                storage.cluster,
                take.namespace,
                take.name,
              ),
              entityRef: entity.entityRef,
              cluster: storage.cluster,
              namespace: take.namespace,
              claimName: take.claim,
              snapshotName: take.name,
              justification: `Snapshot schedule of offering ${take.offering} (slot ${take.slot})`,
            },
            entity.owner ?? entity.entityRef,
            take.labels,
          );
          result.requested.push(`${where} (${request.status})`);
        } catch (error) {
          result.failures.push(`${where}: ${(error as Error).message}`);
        }
      }
      for (const old of plan.remove) {
        const where = `${storage.cluster}/${old.namespace}/${old.name}`;
        try {
          await this.removeSnapshot(storage.cluster, old, where);
          result.removed.push(where);
        } catch (error) {
          result.failures.push(`${where}: ${toClusterError(error).message}`);
        }
      }
    }
    if (result.failures.length) {
      this.options.logger.warn(
        `Snapshot schedules: ${result.failures.join('; ').slice(0, 2000)}`,
      );
    }
    return result;
  }

  /** Retention: the offering's `keep` says this scheduled snapshot goes. */
  private async removeSnapshot(
    cluster: string,
    old: { namespace: string; name: string; reason: string },
    where: string,
  ) {
    const client = this.options.clusters.get(cluster);
    if (!client) return;
    const audit = await this.options.auditor.createEvent({
      eventId: 'storage-snapshot-retention',
      severityLevel: 'low',
      meta: {
        cluster,
        namespace: old.namespace,
        snapshot: old.name,
        reason: old.reason,
      },
    });
    try {
      await client.kubeConfig
        .makeApiClient(CustomObjectsApi)
        .deleteNamespacedCustomObject({
          group: 'snapshot.storage.k8s.io',
          version: 'v1',
          plural: 'volumesnapshots',
          namespace: old.namespace,
          name: old.name,
        });
      await audit.success();
    } catch (error) {
      if (toClusterError(error).code === 404) {
        await audit.success();
        return;
      }
      await audit.fail({ error: error as Error });
      throw error;
    }
    this.options.logger.info(
      `Deleted scheduled snapshot ${where}: ${old.reason}`,
    );
  }
}
