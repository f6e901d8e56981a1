import { ConfigReader } from '@backstage/config';
import { readClusters, regionOfEksEndpoint } from './clusterConfig';

function config(clusters: object[], extra: object[] = []) {
  return new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [...extra, { type: 'config', clusters }],
    },
  });
}

describe('readClusters', () => {
  it('reads service-account and EKS clusters as the Kubernetes plugin declares them', () => {
    const clusters = readClusters(
      config(
        [
          {
            name: 'eks-dev',
            url: 'http://127.0.0.1:7101',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'dev-token',
            skipTLSVerify: true,
          },
          {
            name: 'eks-prod',
            title: 'Production',
            url: 'https://ABC123.gr7.eu-west-1.eks.amazonaws.com',
            authProvider: 'aws',
            caData: 'LS0tLS1CRUdJTi...',
            authMetadata: {
              'kubernetes.io/aws-assume-role':
                'arn:aws:iam::123456789012:role/backstage-storage',
              'kubernetes.io/aws-external-id': 'backstage',
              'kubernetes.io/x-k8s-aws-id': 'prod-main',
            },
          },
        ],
        [{ type: 'catalog' }],
      ),
    );
    expect(clusters).toEqual([
      {
        name: 'eks-dev',
        title: 'eks-dev',
        url: 'http://127.0.0.1:7101',
        auth: { provider: 'serviceAccount', token: 'dev-token' },
        caData: undefined,
        skipTLSVerify: true,
      },
      {
        name: 'eks-prod',
        title: 'Production',
        url: 'https://ABC123.gr7.eu-west-1.eks.amazonaws.com',
        auth: {
          provider: 'aws',
          clusterName: 'prod-main',
          region: 'eu-west-1',
          assumeRole: 'arn:aws:iam::123456789012:role/backstage-storage',
          externalId: 'backstage',
        },
        caData: 'LS0tLS1CRUdJTi...',
        skipTLSVerify: false,
      },
    ]);
  });

  it('accepts the older top-level assumeRole and externalId', () => {
    const [cluster] = readClusters(
      config([
        {
          name: 'legacy',
          url: 'https://X.yl4.us-east-2.eks.amazonaws.com',
          authProvider: 'aws',
          assumeRole: 'arn:aws:iam::1:role/r',
          externalId: 'e',
        },
      ]),
    );
    expect(cluster.auth).toEqual({
      provider: 'aws',
      clusterName: 'legacy',
      region: 'us-east-2',
      assumeRole: 'arn:aws:iam::1:role/r',
      externalId: 'e',
    });
  });

  it('reads nothing when no clusters are configured', () => {
    expect(readClusters(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      { name: 'a', url: 'https://x', authProvider: 'serviceAccount' },
      "kubernetes.clusterLocatorMethods[0].clusters[0].serviceAccountToken is missing: give the service account's token, or set authProvider to 'aws' for EKS",
    ],
    [
      { name: 'a', url: 'https://x', authProvider: 'google' },
      "kubernetes.clusterLocatorMethods[0].clusters[0].authProvider 'google' is not supported: use 'serviceAccount', 'aws' or 'anonymous'",
    ],
    [
      { name: 'a', url: 'not a url', authProvider: 'anonymous' },
      "kubernetes.clusterLocatorMethods[0].clusters[0].url 'not a url' is not a URL",
    ],
    [
      { name: 'a', url: 'http://127.0.0.1:7101', authProvider: 'anonymous' },
      "kubernetes.clusterLocatorMethods[0].clusters[0].url 'http://127.0.0.1:7101' is plain HTTP: use https, or set skipTLSVerify: true for a local API server such as eks-sim",
    ],
  ])('names the field and the fix in %j', (cluster, message) => {
    expect(() => readClusters(config([cluster]))).toThrow(message);
  });

  it('refuses two clusters of one name', () => {
    const cluster = { name: 'a', url: 'https://x', authProvider: 'anonymous' };
    expect(() => readClusters(config([cluster, cluster]))).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[1].name 'a' is used by another cluster",
    );
  });
});

describe('regionOfEksEndpoint', () => {
  it.each([
    ['https://ABC.gr7.us-west-2.eks.amazonaws.com', 'us-west-2'],
    ['https://ABC.yl4.us-gov-west-1.eks.amazonaws.com', 'us-gov-west-1'],
    ['https://ABC.cn-north-1.eks.amazonaws.com.cn', 'cn-north-1'],
    ['http://127.0.0.1:7101', undefined],
    ['garbage', undefined],
  ])('%s → %s', (url, region) => {
    expect(regionOfEksEndpoint(url)).toBe(region);
  });
});
