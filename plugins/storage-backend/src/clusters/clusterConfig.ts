import { Config } from '@backstage/config';

export type ClusterAuth =
  | { provider: 'serviceAccount'; token: string }
  | {
      provider: 'aws';
      /** The EKS cluster name signed into the token. */
      clusterName: string;
      region: string;
      assumeRole?: string;
      externalId?: string;
    }
  | { provider: 'anonymous' };

/** A cluster as the official Kubernetes plugin's config declares it. */
export interface ClusterDetails {
  name: string;
  title: string;
  url: string;
  auth: ClusterAuth;
  caData?: string;
  skipTLSVerify: boolean;
}

const AWS_ASSUME_ROLE = 'kubernetes.io/aws-assume-role';
const AWS_EXTERNAL_ID = 'kubernetes.io/aws-external-id';
const AWS_CLUSTER_ID = 'kubernetes.io/x-k8s-aws-id';

/** `https://ABC.gr7.us-west-2.eks.amazonaws.com` → `us-west-2`. */
export function regionOfEksEndpoint(url: string): string | undefined {
  try {
    return new URL(url).hostname.match(
      /\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.eks\.amazonaws\.com(?:\.cn)?$/,
    )?.[1];
  } catch {
    return undefined;
  }
}

function readAuth(cluster: Config, where: string): ClusterAuth {
  const provider =
    cluster.getOptionalString('authProvider') ?? 'serviceAccount';
  // Keys like `kubernetes.io/aws-assume-role` contain dots, which config
  // paths cannot address: read the block whole.
  const metadata =
    cluster.getOptional<Record<string, string>>('authMetadata') ?? {};
  switch (provider) {
    case 'serviceAccount': {
      const token = cluster.getOptionalString('serviceAccountToken');
      if (!token) {
        throw new Error(
          `${where}.serviceAccountToken is missing: give the service account's token, or set authProvider to 'aws' for EKS`,
        );
      }
      return { provider, token };
    }
    case 'aws': {
      const url = cluster.getString('url');
      return {
        provider,
        clusterName: metadata[AWS_CLUSTER_ID] ?? cluster.getString('name'),
        region:
          regionOfEksEndpoint(url) ?? process.env.AWS_REGION ?? 'us-east-1',
        assumeRole:
          metadata[AWS_ASSUME_ROLE] ?? cluster.getOptionalString('assumeRole'),
        externalId:
          metadata[AWS_EXTERNAL_ID] ?? cluster.getOptionalString('externalId'),
      };
    }
    case 'anonymous':
      return { provider };
    default:
      throw new Error(
        `${where}.authProvider '${provider}' is not supported: use 'serviceAccount', 'aws' or 'anonymous'`,
      );
  }
}

/**
 * Reads the clusters from `kubernetes.clusterLocatorMethods` entries of type
 * `config`, so an app that shows workloads with the Kubernetes plugin needs
 * no second list. Other locator types are left to the Kubernetes plugin.
 */
export function readClusters(config: Config): ClusterDetails[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const clusters: ClusterDetails[] = [];
  methods.forEach((method, m) => {
    if (method.getString('type') !== 'config') {
      return;
    }
    (method.getOptionalConfigArray('clusters') ?? []).forEach((cluster, c) => {
      const where = `kubernetes.clusterLocatorMethods[${m}].clusters[${c}]`;
      const name = cluster.getString('name');
      const url = cluster.getString('url');
      let protocol: string;
      try {
        protocol = new URL(url).protocol;
      } catch {
        throw new Error(`${where}.url '${url}' is not a URL`);
      }
      const skipTLSVerify =
        cluster.getOptionalBoolean('skipTLSVerify') ?? false;
      // The Kubernetes client refuses plain HTTP unless TLS checks are off.
      if (protocol === 'http:' && !skipTLSVerify) {
        throw new Error(
          `${where}.url '${url}' is plain HTTP: use https, or set skipTLSVerify: true for a local API server such as eks-sim`,
        );
      }
      if (clusters.some(known => known.name === name)) {
        throw new Error(`${where}.name '${name}' is used by another cluster`);
      }
      clusters.push({
        name,
        title: cluster.getOptionalString('title') ?? name,
        url,
        auth: readAuth(cluster, where),
        caData: cluster.getOptionalString('caData'),
        skipTLSVerify,
      });
    });
  });
  return clusters;
}
