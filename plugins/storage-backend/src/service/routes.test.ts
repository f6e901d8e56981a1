import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CoreV1Api } from '@kubernetes/client-node';
import {
  eventually,
  useSimulatedStorage,
} from '../__testUtils__/storageBackend';

jest.setTimeout(60_000);

const create = {
  operation: 'create',
  entityRef: 'component:default/payments-api',
  cluster: 'eks-dev',
  namespace: 'payments',
  claimName: 'orders',
  offering: 'ebs-gp3-immediate',
  size: '10Gi',
  accessMode: 'ReadWriteOnce',
};

describe('storage API routes', () => {
  const env = useSimulatedStorage();
  let requestId: string;

  beforeAll(async () => {
    const created = await env.api.post('/requests', create);
    if (created.status !== 201) {
      throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
    }
    requestId = created.body.request.id;
    await eventually(async () => {
      const { body } = await env.api.get('/claims/eks-dev/payments/orders');
      return body.diagnosis?.state === 'bound';
    }, 'the claim to bind');
  });

  it.each([
    ['/health', { status: 'ok' }],
    [
      '/clusters',
      { items: [expect.objectContaining({ name: 'eks-dev', synced: true })] },
    ],
    [
      '/requests?entityRef=component:default/payments-api&status=applied',
      { items: [expect.objectContaining({ claimName: 'orders' })] },
    ],
    [
      '/claims?entityRef=component:default/payments-api',
      expect.objectContaining({
        items: [expect.objectContaining({ name: 'orders' })],
      }),
    ],
    // Approvers (everyone, under this allow-all policy) see every request.
    [
      '/requests',
      { items: [expect.objectContaining({ claimName: 'orders' })] },
    ],
  ])('GET %s answers 200', async (path, body) => {
    const response = await env.api.get(path);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject(body);
  });

  it('GET /offerings tells where each offering exists and what it costs', async () => {
    const { status, body } = await env.api.get('/offerings');
    expect(status).toBe(200);
    const gp3 = body.items.find((o: { id: string }) => o.id === 'ebs-gp3');
    expect(gp3).toMatchObject({
      clusters: ['eks-dev'],
      capabilities: { expansion: true, snapshots: true },
      defaultCost: { currency: 'USD', region: 'us-east-1' },
    });
  });

  it('GET /requests/:id gives the request and its history', async () => {
    const { status, body } = await env.api.get(`/requests/${requestId}`);
    expect(status).toBe(200);
    expect(body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'submitted',
      'approved',
      'applying',
      'applied',
    ]);
  });

  it('POST /requests/validate gives findings, manifests, the dry run and the cost', async () => {
    const { status, body } = await env.api.post('/requests/validate', {
      ...create,
      claimName: 'orders-2',
    });
    expect(status).toBe(200);
    expect(
      body.findings.filter((f: { severity: string }) => f.severity === 'error'),
    ).toEqual([]);
    expect(body.dryRun).toEqual({ ok: true });
    expect(body.manifestsYaml).toContain('name: orders-2');
    expect(body.cost.totalMonthlyUsd).toBeCloseTo(0.8);
    expect(
      await env.knex('storage_requests').where({ claim_name: 'orders-2' }),
    ).toEqual([]);
  });

  it("labels the claim with the entity's kubernetes-id, not its name", async () => {
    const { body } = await env.api.post('/requests/validate', {
      ...create,
      entityRef: 'component:default/ledger-service',
      claimName: 'ledger-books',
      kubernetesId: 'someone-else',
    });
    expect(body.manifests[0].metadata.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'ledger',
    });
  });

  it('POST /requests/validate reports what the cluster itself would refuse', async () => {
    const { body } = await env.api.post('/requests/validate', {
      ...create,
      operation: 'resize',
      claimName: 'orders',
      size: '5Gi',
    });
    expect(body.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'size', severity: 'error' }),
      ]),
    );
  });

  it.each([
    ['/claims', 400, /entityRef is required/],
    ['/claims?entityRef=nonsense:', 400, /not an entity reference/],
    ['/claims?entityRef=component:default/unknown', 404, /not in the catalog/],
    [
      '/requests?entityRef=component:default/payments-api&status=done',
      400,
      /status "done" is not a request status/,
    ],
    [
      '/requests/no-such-request',
      404,
      /^id: no storage request no-such-request/,
    ],
    [
      '/claims/eks-dev/payments/missing',
      404,
      /^name: no claim payments\/missing in cluster eks-dev/,
    ],
    [
      '/claims/eks-other/payments/orders',
      404,
      /^name: no claim payments\/orders in cluster eks-other/,
    ],
  ])('GET %s answers %i naming the problem', async (path, status, message) => {
    const response = await env.api.get(path);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
    expect(JSON.stringify(response.body)).not.toMatch(
      /\.ts:\d+|integration-test/,
    );
  });

  it.each([
    [
      '/requests',
      { ...create, entityRef: undefined },
      400,
      /entityRef is required/,
    ],
    [
      '/requests',
      { ...create, entityRef: 'component:default/unknown' },
      404,
      /not in the catalog/,
    ],
    ['/requests', '{"operation": "create",', 400, /./],
    [
      '/requests/validate',
      { ...create, entityRef: 'x' },
      400,
      /not an entity reference/,
    ],
    [
      '/claims/eks-dev/payments/missing/resize',
      { size: '20Gi' },
      404,
      /^name: no claim payments\/missing/,
    ],
    ['/claims/eks-dev/payments/orders/resize', { size: 'big' }, 400, /size/],
    [
      '/claims/eks-dev/payments/orders/restore',
      { claimName: 'orders-copy' },
      400,
      /snapshotName/,
    ],
    [
      '/claims/eks-dev/payments/orders/delete',
      { confirm: 'order' },
      400,
      /confirm must repeat the claim's name \(orders\)/,
    ],
  ])('POST %s %j answers %i', async (path, body, status, message) => {
    const response = await env.api.post(path, body);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
  });

  it('refuses to resize a claim whose class no driver of ours serves', async () => {
    await env.sim.kubeConfig
      .makeApiClient(CoreV1Api)
      .createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: {
          metadata: {
            name: 'legacy',
            labels: { 'backstage.io/kubernetes-id': 'payments-api' },
          },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'gp2',
            resources: { requests: { storage: '1Gi' } },
          },
        },
      });
    await eventually(
      async () =>
        (await env.api.get('/claims/eks-dev/payments/legacy')).status === 200,
      'the claim',
    );
    const response = await env.api.post(
      '/claims/eks-dev/payments/legacy/resize',
      {
        size: '2Gi',
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'unsupported-class',
          message:
            'claim legacy uses class gp2 of kubernetes.io/aws-ebs, which this plugin does not manage',
        }),
      ]),
    );
  });

  it('answers 401 to callers without credentials, on every route', async () => {
    for (const [method, path] of [
      ['get', '/health'],
      ['get', '/offerings'],
      ['get', '/claims?entityRef=component:default/payments-api'],
      ['post', '/requests'],
      ['post', '/claims/eks-dev/payments/orders/delete'],
    ] as const) {
      const response = await env.api.agent[method](`/api/storage${path}`).set(
        'Authorization',
        mockCredentials.none.header(),
      );
      expect(response.status).toBe(401);
    }
  });

  it('creates nothing in the cluster for a refused request', async () => {
    const core = env.sim.kubeConfig.makeApiClient(CoreV1Api);
    const before = (
      await core.listNamespacedPersistentVolumeClaim({ namespace: 'payments' })
    ).items.length;
    await env.api.post('/requests', {
      ...create,
      claimName: 'x',
      size: '-1Gi',
    });
    const after = (
      await core.listNamespacedPersistentVolumeClaim({ namespace: 'payments' })
    ).items.length;
    expect(after).toBe(before);
  });
});

describe('storage API routes for a user the policy denies', () => {
  const env = useSimulatedStorage({
    features: [
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ],
  });

  it.each([
    [
      'get',
      '/claims?entityRef=component:default/payments-api',
      undefined,
      /may not read the storage of component:default\/payments-api/,
    ],
    ['post', '/requests', create, /may not request storage/],
    ['post', '/requests/validate', create, /may not request storage/],
    [
      'get',
      '/requests?entityRef=component:default/payments-api',
      undefined,
      /may not read/,
    ],
  ])('%s %s answers 403', async (method, path, body, message) => {
    const response =
      method === 'get'
        ? await env.api.get(path)
        : await env.api.post(path, body!);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(message);
    expect(await env.knex('storage_requests')).toEqual([]);
  });

  it('lists to others than approvers only the requests they may act on', async () => {
    const response = await env.api.get('/requests');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });
});
