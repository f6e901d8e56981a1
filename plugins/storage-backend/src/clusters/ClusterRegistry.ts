import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  StorageV1Api,
} from '@kubernetes/client-node';
import { defaultAwsCredentials } from './awsCredentials';
import { ClusterDetails, readClusters } from './clusterConfig';
import { AwsCredentialsFactory, createKubeConfig } from './kubeConfig';

/** One cluster's clients. Credentials live inside `kubeConfig` only. */
export interface ClusterClient {
  name: string;
  title: string;
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  storage: StorageV1Api;
  objects: KubernetesObjectApi;
}

/** The clusters this backend works with, by name. */
export class ClusterRegistry {
  static fromConfig(
    config: Config,
    logger: LoggerService,
    awsCredentials: AwsCredentialsFactory = defaultAwsCredentials,
  ): ClusterRegistry {
    const clusters = readClusters(config);
    if (clusters.length === 0) {
      logger.warn(
        'No clusters configured: add them under kubernetes.clusterLocatorMethods (type: config)',
      );
    }
    return new ClusterRegistry(clusters, awsCredentials);
  }

  private readonly clients: Map<string, ClusterClient>;

  constructor(
    clusters: ClusterDetails[],
    awsCredentials: AwsCredentialsFactory = defaultAwsCredentials,
  ) {
    this.clients = new Map(
      clusters.map(cluster => {
        const kubeConfig = createKubeConfig(cluster, awsCredentials);
        return [
          cluster.name,
          {
            name: cluster.name,
            title: cluster.title,
            kubeConfig,
            core: kubeConfig.makeApiClient(CoreV1Api),
            storage: kubeConfig.makeApiClient(StorageV1Api),
            objects: KubernetesObjectApi.makeApiClient(kubeConfig),
          },
        ];
      }),
    );
  }

  list(): ClusterClient[] {
    return [...this.clients.values()];
  }

  get(name: string): ClusterClient | undefined {
    return this.clients.get(name);
  }
}
