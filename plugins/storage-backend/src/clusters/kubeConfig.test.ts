import { createKubeConfig } from './kubeConfig';
import { ClusterDetails } from './clusterConfig';

const eks: ClusterDetails = {
  name: 'eks-prod',
  title: 'eks-prod',
  url: 'https://ABC.gr7.us-east-1.eks.amazonaws.com',
  auth: { provider: 'aws', clusterName: 'prod-main', region: 'us-east-1' },
  skipTLSVerify: false,
};

async function authorization(kc: ReturnType<typeof createKubeConfig>) {
  const opts: { headers?: Record<string, string> } = {};
  await kc.applyToHTTPSOptions(opts as any);
  return opts.headers?.Authorization;
}

describe('createKubeConfig', () => {
  it('sends the service account token', async () => {
    const kc = createKubeConfig(
      {
        ...eks,
        url: 'http://127.0.0.1:7101',
        skipTLSVerify: true,
        auth: { provider: 'serviceAccount', token: 'sa-token' },
      },
      () => {
        throw new Error('no AWS for service accounts');
      },
    );
    expect(kc.getCurrentCluster()?.server).toBe('http://127.0.0.1:7101');
    expect(await authorization(kc)).toBe('Bearer sa-token');
  });

  it('signs an EKS token with the cluster name, and renews it only when due', async () => {
    let now = Date.parse('2026-11-21T12:00:00Z');
    let signed = 0;
    const kc = createKubeConfig(
      eks,
      auth => async () => {
        expect(auth.clusterName).toBe('prod-main');
        signed += 1;
        return { accessKeyId: `AKID${signed}`, secretAccessKey: 'secret' };
      },
      () => now,
    );

    const first = await authorization(kc);
    expect(first).toMatch(/^Bearer k8s-aws-v1\.[A-Za-z0-9_-]+$/);
    const url = Buffer.from(
      first!.slice('Bearer k8s-aws-v1.'.length),
      'base64url',
    ).toString();
    expect(url).toContain('X-Amz-Credential=AKID1');

    now += 5 * 60 * 1000;
    expect(await authorization(kc)).toBe(first);
    now += 6 * 60 * 1000;
    expect(await authorization(kc)).not.toBe(first);
    expect(signed).toBe(2);
  });
});
