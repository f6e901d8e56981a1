import { CoreV1Api } from '@kubernetes/client-node';
import {
  eventually,
  useSimulatedStorage,
} from '../__testUtils__/storageBackend';

jest.setTimeout(60_000);

describe('a storage request against a simulated EKS cluster', () => {
  const env = useSimulatedStorage();

  const ledger = {
    operation: 'create',
    entityRef: 'component:default/payments-api',
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName: 'ledger-data',
    offering: 'ebs-gp3',
    size: '20Gi',
    accessMode: 'ReadWriteOnce',
    workload: 'database',
  };

  it('goes from submitted to Bound once a pod uses the claim', async () => {
    const submitted = await env.api.post('/requests', ledger);
    expect(submitted.status).toBe(201);
    expect(submitted.body.request).toMatchObject({
      status: 'approved',
      operation: 'create',
      claimName: 'ledger-data',
    });
    expect(submitted.body.cost.totalMonthlyUsd).toBeGreaterThan(0);
    expect(submitted.body.manifestsYaml).toContain('storageClassName: gp3');
    const id = submitted.body.request.id;

    await eventually(async () => {
      const { body } = await env.api.get(`/requests/${id}`);
      return body.request?.status === 'applied';
    }, 'the request to be applied');

    // gp3 binds on first consumer: the claim waits, and says that is normal.
    const waiting = await eventually(async () => {
      const { body } = await env.api.get(
        '/claims/eks-dev/payments/ledger-data',
      );
      return body.diagnosis?.state === 'waiting-for-consumer' && body;
    }, 'the claim to wait for its first consumer');
    expect(waiting.diagnosis.severity).not.toBe('error');
    expect(waiting.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'payments-api',
      'storage.backstage.io/request-id': id,
    });

    await env.sim.kubeConfig.makeApiClient(CoreV1Api).createNamespacedPod({
      namespace: 'payments',
      body: {
        metadata: {
          name: 'payments-db-0',
          labels: { 'backstage.io/kubernetes-id': 'payments-api' },
        },
        spec: {
          containers: [{ name: 'postgres', image: 'postgres:17' }],
          volumes: [
            {
              name: 'data',
              persistentVolumeClaim: { claimName: 'ledger-data' },
            },
          ],
        },
      },
    });

    const bound = await eventually(async () => {
      const { body } = await env.api.get(
        '/claims/eks-dev/payments/ledger-data',
      );
      return body.diagnosis?.state === 'bound' && body;
    }, 'the claim to bind');
    expect(bound.phase).toBe('Bound');
    expect(bound.volume).toMatchObject({
      driver: 'ebs.csi.aws.com',
      encrypted: true,
    });
    expect(bound.volume.zone).toMatch(/^us-east-1[a-c]$/);
    expect(bound.consumers).toEqual([
      expect.objectContaining({
        pod: 'payments-db-0',
        zone: bound.volume.zone,
      }),
    ]);
    expect(
      bound.transitions.map((t: { toState: string }) => t.toState),
    ).toEqual(expect.arrayContaining(['waiting-for-consumer', 'bound']));

    const { body: list } = await env.api.get(
      '/claims?entityRef=component:default/payments-api',
    );
    expect(list.items.map((c: { name: string }) => c.name)).toEqual([
      'ledger-data',
    ]);
    expect(list.items[0].cost.totalMonthlyUsd).toBeGreaterThan(0);
  });

  it('submitting the same request id twice stores and applies it once', async () => {
    const body = {
      ...ledger,
      claimName: 'ledger-archive',
      requestId: 'archive-0001',
    };
    const first = await env.api.post('/requests', body);
    const second = await env.api.post('/requests', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.request.id).toBe('archive-0001');
    const { body: listed } = await env.api.get(
      '/requests?entityRef=component:default/payments-api',
    );
    expect(
      listed.items.filter((r: { id: string }) => r.id === 'archive-0001'),
    ).toHaveLength(1);
  });

  it('refuses a bad request with the field and the fix, and writes nothing', async () => {
    const response = await env.api.post('/requests', {
      ...ledger,
      claimName: 'Bad_Name',
      namespace: 'kube-system',
      accessMode: 'ReadWriteMany',
    });
    expect(response.status).toBe(400);
    const fields = response.body.findings
      .filter((f: { severity: string }) => f.severity === 'error')
      .map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['claimName', 'namespace', 'accessMode']),
    );
    for (const finding of response.body.findings) {
      expect(finding.fix).toBeTruthy();
    }
    expect(JSON.stringify(response.body)).not.toMatch(
      /\s+at\s+\S+\.(ts|js):\d+/,
    );
    expect(
      await env.knex('storage_requests').where({ claim_name: 'Bad_Name' }),
    ).toEqual([]);
  });

  it('explains a claim whose driver is denied by IAM', async () => {
    env.sim.faults.setIamDenied('efs.csi.aws.com', true);
    const submitted = await env.api.post('/requests', {
      ...ledger,
      entityRef: 'component:default/checkout-web',
      namespace: 'checkout',
      claimName: 'receipts',
      offering: 'efs-shared',
      size: '5Gi',
      accessMode: 'ReadWriteMany',
      workload: 'shared-files',
    });
    expect(submitted.status).toBe(201);
    const failed = await eventually(async () => {
      const { body } = await env.api.get('/claims/eks-dev/checkout/receipts');
      return body.diagnosis?.state === 'failed' && body;
    }, 'the claim to fail');
    expect(failed.diagnosis.severity).toBe('error');
    expect(
      `${failed.diagnosis.headline} ${failed.diagnosis.explanation}`,
    ).toMatch(/IAM|permission/i);
    expect(failed.diagnosis.fix).toMatch(/IAM|role|IRSA|Pod Identity/i);
  });
});
