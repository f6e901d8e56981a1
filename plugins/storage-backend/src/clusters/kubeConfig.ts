import { KubeConfig, User } from '@kubernetes/client-node';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { ClusterDetails } from './clusterConfig';
import { createEksToken, EKS_TOKEN_LIFETIME_MS } from './eksToken';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];
type RequestOptions = Parameters<Authenticator['applyAuthentication']>[1];

const EKS_AUTH_PROVIDER = 'backstage-storage-eks';

/** Gives the AWS credentials to sign EKS tokens with, per cluster. */
export type AwsCredentialsFactory = (
  cluster: Extract<ClusterDetails['auth'], { provider: 'aws' }>,
) => AwsCredentialIdentityProvider;

/**
 * Signs a fresh EKS token when the last one is near its end, so informers
 * that live for days keep working without rebuilding their clients.
 */
class EksTokenAuthenticator implements Authenticator {
  private cached?: { token: string; expiresAt: number };

  constructor(
    private readonly auth: Extract<ClusterDetails['auth'], { provider: 'aws' }>,
    private readonly credentials: AwsCredentialIdentityProvider,
    private readonly now: () => number,
  ) {}

  isAuthProvider(user: User): boolean {
    return user?.authProvider?.name === EKS_AUTH_PROVIDER;
  }

  async applyAuthentication(_user: User, opts: RequestOptions): Promise<void> {
    if (!this.cached || this.cached.expiresAt <= this.now()) {
      const token = await createEksToken({
        clusterName: this.auth.clusterName,
        region: this.auth.region,
        credentials: await this.credentials(),
      });
      this.cached = { token, expiresAt: this.now() + EKS_TOKEN_LIFETIME_MS };
    }
    // client-node always hands over a header object (never the array form).
    opts.headers = {
      ...(opts.headers as Record<string, string>),
      Authorization: `Bearer ${this.cached.token}`,
    };
  }
}

/** A client-node KubeConfig for one cluster; credentials stay in here. */
export function createKubeConfig(
  cluster: ClusterDetails,
  awsCredentials: AwsCredentialsFactory,
  now: () => number = Date.now,
): KubeConfig {
  const kc = new KubeConfig();
  const user: User = { name: cluster.name };
  if (cluster.auth.provider === 'serviceAccount') {
    Object.assign(user, { token: cluster.auth.token });
  } else if (cluster.auth.provider === 'aws') {
    Object.assign(user, {
      authProvider: { name: EKS_AUTH_PROVIDER, config: {} },
    });
    kc.addAuthenticator(
      new EksTokenAuthenticator(
        cluster.auth,
        awsCredentials(cluster.auth),
        now,
      ),
    );
  }
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [user],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  return kc;
}
