import { CoreV1Api } from '@kubernetes/client-node';
import {
  eventually,
  useSimulatedStorage,
} from '../__testUtils__/storageBackend';

jest.setTimeout(90_000);

describe('day-2 actions on a claim', () => {
  const env = useSimulatedStorage();
  const claim = (name: string) => `/claims/eks-dev/payments/${name}`;
  const detail = async (name: string) => (await env.api.get(claim(name))).body;

  beforeAll(async () => {
    // A database claim with its pod, as a StatefulSet replica would have.
    const submitted = await env.api.post('/requests', {
      operation: 'create',
      entityRef: 'component:default/payments-api',
      cluster: 'eks-dev',
      namespace: 'payments',
      claimName: 'ledger',
      offering: 'ebs-gp3',
      size: '10Gi',
      accessMode: 'ReadWriteOnce',
    });
    if (submitted.status !== 201) {
      throw new Error(`setup failed: ${JSON.stringify(submitted.body)}`);
    }
    await eventually(
      async () => (await detail('ledger')).phase,
      'the claim to exist',
    );
    await env.sim.kubeConfig.makeApiClient(CoreV1Api).createNamespacedPod({
      namespace: 'payments',
      body: {
        metadata: { name: 'ledger-0' },
        spec: {
          containers: [{ name: 'db', image: 'postgres:17' }],
          volumes: [
            { name: 'data', persistentVolumeClaim: { claimName: 'ledger' } },
          ],
        },
      },
    });
    await eventually(
      async () => (await detail('ledger')).diagnosis?.state === 'bound',
      'the claim to bind',
    );
  });

  it('resizes: the volume grows and the file system follows', async () => {
    const response = await env.api.post(`${claim('ledger')}/resize`, {
      size: '20Gi',
    });
    expect(response.status).toBe(202);
    expect(response.body.request).toMatchObject({
      operation: 'resize',
      status: 'approved',
    });
    // The volume grows, then the kubelet expands the mounted file system
    // online: EBS supports online expansion, so no pod restart is needed
    // (eks-sim follows kube-apiserver/kubelet 1.32 here; a claim no pod
    // mounts waits in FileSystemResizePending for its next mount).
    const core = env.sim.kubeConfig.makeApiClient(CoreV1Api);
    const pod = await core.readNamespacedPod({
      name: 'ledger-0',
      namespace: 'payments',
    });
    const grown = await eventually(
      async () => {
        const body = await detail('ledger');
        return (
          body.capacity === '20Gi' && body.diagnosis.state === 'bound' && body
        );
      },
      'the capacity to reach 20Gi',
      30_000,
    );
    const same = await core.readNamespacedPod({
      name: 'ledger-0',
      namespace: 'payments',
    });
    expect(same.metadata?.uid).toBe(pod.metadata?.uid);
    expect(grown.requested).toBe('20Gi');
    // A second resize within six hours is refused by EBS, and said so.
    await env.api.post(`${claim('ledger')}/resize`, { size: '30Gi' });
    const throttled = await eventually(async () => {
      const body = await detail('ledger');
      return (
        ['resizing', 'failed'].includes(body.diagnosis.state) &&
        /six hours|6 hours|VolumeModificationRateExceeded/i.test(
          JSON.stringify(body.diagnosis),
        ) &&
        body
      );
    }, 'the modification limit to show');
    expect(throttled.diagnosis.severity).not.toBe('ok');
  });

  it('snapshots, then restores the snapshot into a new claim', async () => {
    const snapshot = await env.api.post(`${claim('ledger')}/snapshot`, {
      snapshotName: 'ledger-snap',
    });
    expect(snapshot.status).toBe(202);
    await eventually(async () => {
      const body = await detail('ledger');
      return body.snapshots.find(
        (s: { name: string; readyToUse: boolean }) =>
          s.name === 'ledger-snap' && s.readyToUse,
      );
    }, 'the snapshot to be ready');

    const restore = await env.api.post(`${claim('ledger')}/restore`, {
      snapshotName: 'ledger-snap',
      claimName: 'ledger-restored',
    });
    expect(restore.status).toBe(202);
    expect(restore.body.manifestsYaml).toContain('kind: VolumeSnapshot');
    const restored = await eventually(async () => {
      const body = await detail('ledger-restored');
      return body.phase && body;
    }, 'the restored claim');
    expect(restored.manifest.spec.dataSource).toEqual({
      apiGroup: 'snapshot.storage.k8s.io',
      kind: 'VolumeSnapshot',
      name: 'ledger-snap',
    });
  });

  it('deletes only with the name repeated, and says what happens to the data', async () => {
    const response = await env.api.post(`${claim('ledger-restored')}/delete`, {
      confirm: 'ledger-restored',
    });
    expect(response.status).toBe(202);
    expect(response.body.consequence).toMatch(/no data is lost|destroyed/);
    await eventually(
      async () => (await env.api.get(claim('ledger-restored'))).status === 404,
      'the claim to go',
    );
    // Its volume is Released for a moment, then the Delete policy removes it.
    await eventually(async () => {
      const { body } = await env.api.get(
        '/claims?entityRef=component:default/payments-api',
      );
      return (
        body.items.map((c: { name: string }) => c.name).join() === 'ledger'
      );
    }, 'only the first claim to remain');
  });
});
