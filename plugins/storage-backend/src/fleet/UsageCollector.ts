import { LoggerService } from '@backstage/backend-plugin-api';
import { volumeUsageFromSummary } from '@eks-storage/backstage-plugin-storage-common';
import { ClusterClient, ClusterRegistry } from '../clusters/ClusterRegistry';
import { toClusterError } from '../clusters/clusterErrors';
import { UsageReading, UsageStore } from './store/UsageStore';

export interface CollectionResult {
  /** Readings stored that were not stored before. */
  stored: number;
  /** Nodes whose kubelet answered. */
  nodes: number;
  /** Clusters or nodes that could not be read, with why. */
  failures: string[];
}

/**
 * Reads every node's kubelet stats summary through the API server's node
 * proxy (`/api/v1/nodes/<node>/proxy/stats/summary`, as `kubectl get --raw`
 * does) and stores each claim's used and capacity bytes. Run by a
 * scheduled task, once across replicas; a page never triggers it.
 */
export class UsageCollector {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      clusters: ClusterRegistry;
      usage: UsageStore;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {
    this.now = options.clock ?? (() => new Date());
  }

  async runOnce(signal?: AbortSignal): Promise<CollectionResult> {
    const result: CollectionResult = { stored: 0, nodes: 0, failures: [] };
    for (const cluster of this.options.clusters.list()) {
      if (signal?.aborted) break;
      try {
        const readings = await this.readCluster(cluster, result, signal);
        result.stored += await this.options.usage.record(readings);
      } catch (error) {
        result.failures.push(
          `${cluster.name}: ${toClusterError(error).message}`,
        );
      }
    }
    if (result.failures.length) {
      this.options.logger.warn(
        `Volume usage collection skipped ${result.failures.join('; ')}`,
      );
    }
    return result;
  }

  private async readCluster(
    cluster: ClusterClient,
    result: CollectionResult,
    signal?: AbortSignal,
  ): Promise<UsageReading[]> {
    const nodes = await cluster.core.listNode();
    const readings: UsageReading[] = [];
    for (const node of nodes.items) {
      if (signal?.aborted) break;
      const name = node.metadata?.name;
      if (!name) continue;
      try {
        const text = await cluster.core.connectGetNodeProxyWithPath({
          name,
          path: 'stats/summary',
        });
        const summary = typeof text === 'string' ? JSON.parse(text) : text;
        for (const sample of volumeUsageFromSummary(summary, this.now())) {
          readings.push({ cluster: cluster.name, ...sample });
        }
        result.nodes += 1;
      } catch (error) {
        // A node that is gone or whose kubelet does not answer: the others still count.
        result.failures.push(
          `${cluster.name}/${name}: ${toClusterError(error).message}`,
        );
      }
    }
    return readings;
  }
}
