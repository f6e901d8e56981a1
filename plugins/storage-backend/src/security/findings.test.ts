import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { eventually } from '../__testUtils__/storageBackend';
import { people, useSecuredStorage } from '../__testUtils__/securedStorage';

jest.setTimeout(120_000);

/**
 * One regression test per finding of the security review (each failed
 * before the fix), run as the review ran them: with a team member's token
 * against the real router, database and a simulated cluster.
 */
describe('security review findings', () => {
  const { env, as, signals, requestRows, clusterObjects } = useSecuredStorage();
  const alice = () => as(people.owner);
  const dana = () => as(people.otherTeam);
  const core = () => env.sim.kubeConfig.makeApiClient(CoreV1Api);

  const payments = {
    operation: 'create',
    entityRef: 'component:default/payments-api',
    cluster: 'eks-dev',
    namespace: 'payments',
    offering: 'ebs-gp3-immediate',
    size: '10Gi',
    accessMode: 'ReadWriteOnce',
  };
  const analytics = {
    ...payments,
    entityRef: 'component:default/analytics-pipeline',
    namespace: 'analytics',
  };

  async function bound(namespace: string, name: string) {
    return eventually(async () => {
      const pvc = await core()
        .readNamespacedPersistentVolumeClaim({ namespace, name })
        .catch(() => undefined);
      return pvc?.status?.phase === 'Bound' ? pvc : undefined;
    }, `${namespace}/${name} to bind`);
  }

  async function handleOf(namespace: string, name: string) {
    const pvc = await bound(namespace, name);
    const pv = await core().readPersistentVolume({
      name: pvc.spec!.volumeName!,
    });
    return { pv, handle: pv.spec!.csi!.volumeHandle };
  }

  beforeAll(async () => {
    for (const [who, body] of [
      [alice, { ...payments, claimName: 'orders' }],
      [alice, { ...payments, claimName: 'ledger-old' }],
      [dana, { ...analytics, claimName: 'features' }],
    ] as const) {
      const response = await who().post('/requests', body);
      if (response.status !== 201) {
        throw new Error(`setup failed: ${JSON.stringify(response.body)}`);
      }
    }
    await bound('payments', 'orders');
    await bound('analytics', 'features');
    await eventually(
      async () =>
        (await alice().get('/claims/eks-dev/payments/orders')).status === 200,
      'the tracker to see orders',
    );
  });

  describe('1. existing volumes are bound only when the requester may use them', () => {
    it("sends another team's bucket to the platform team instead of mounting it", async () => {
      const before = await clusterObjects();
      const response = await alice().post('/requests', {
        ...payments,
        claimName: 'lake',
        offering: 's3-bucket',
        size: '1Gi',
        accessMode: 'ReadWriteMany',
        source: { type: 'existing', volumeId: 'team-data-lake' },
      });
      expect(response.status).toBe(201);
      expect(response.body.request.status).toBe('pending-approval');
      expect(response.body.approval.reason).toMatch(
        /offered to group:default\/team-data.*platform team must approve/,
      );
      expect(await clusterObjects()).toEqual(before);
    });

    it('mounts a bucket the platform offers to everyone', async () => {
      const response = await alice().post('/requests', {
        ...payments,
        claimName: 'datasets',
        offering: 's3-bucket',
        size: '1Gi',
        accessMode: 'ReadOnlyMany',
        source: { type: 'existing', volumeId: 'public-datasets' },
      });
      expect(response.status).toBe(201);
      expect(response.body.request.status).toBe('approved');
      // The platform's mount options, never the requester's identities.
      const pv = response.body.manifests.find(
        (m: { kind: string }) => m.kind === 'PersistentVolume',
      );
      expect(pv.spec.mountOptions).toEqual(['uid=1000', 'gid=1000']);
    });

    it.each([['uid=0'], ['allow-root'], ['endpoint-url http://evil']])(
      'refuses the mount option %s from a requester',
      async option => {
        const rows = await requestRows();
        const response = await alice().post('/requests', {
          ...payments,
          claimName: 'datasets-rw',
          offering: 's3-bucket',
          size: '1Gi',
          accessMode: 'ReadWriteMany',
          source: {
            type: 'existing',
            volumeId: 'public-datasets',
            mountOptions: ['prefix logs/', option],
          },
        });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(
          /^source\.mountOptions\[1\]: Mount option/,
        );
        expect(await requestRows()).toBe(rows);
      },
    );

    it("refuses to bind another team's volume that is in use", async () => {
      const { handle } = await handleOf('analytics', 'features');
      const before = await clusterObjects();
      const response = await alice().post('/requests', {
        ...payments,
        claimName: 'stolen',
        offering: 'ebs-existing',
        size: '10Gi',
        source: { type: 'existing', volumeId: handle },
      });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(
        /^source\.volumeId: volume vol-\w+ is bound to another claim/,
      );
      expect(await clusterObjects()).toEqual(before);
    });

    it('lets an entity adopt the volume its own claim left behind, and no one else', async () => {
      const { pv, handle } = await handleOf('payments', 'ledger-old');
      await core().patchPersistentVolume({
        name: pv.metadata!.name!,
        body: [
          {
            op: 'replace',
            path: '/spec/persistentVolumeReclaimPolicy',
            value: 'Retain',
          },
        ],
      });
      await eventually(
        async () =>
          (
            await alice().get('/claims/eks-dev/payments/ledger-old')
          ).body.volume?.reclaimPolicy === 'Retain',
        'the tracker to see Retain',
      );
      const deleted = await alice().post(
        '/claims/eks-dev/payments/ledger-old/delete',
        { confirm: 'ledger-old' },
      );
      expect(deleted.status).toBe(202);
      await eventually(async () => {
        const now = await core().readPersistentVolume({
          name: pv.metadata!.name!,
        });
        return now.status?.phase === 'Released';
      }, 'the volume to be Released');

      const adopt = {
        ...payments,
        claimName: 'ledger-restored',
        offering: 'ebs-existing',
        size: '10Gi',
        source: { type: 'existing', volumeId: handle },
      };
      const theirs = await dana().post('/requests', {
        ...adopt,
        entityRef: 'component:default/analytics-pipeline',
        namespace: 'analytics',
      });
      expect(theirs.status).toBe(201);
      expect(theirs.body.request.status).toBe('pending-approval');
      const ours = await alice().post('/requests', adopt);
      expect(ours.status).toBe(201);
      expect(ours.body.request.status).toBe('approved');
      // Settled before the next tests compare the cluster's objects.
      await eventually(
        async () =>
          (
            await alice().get(`/requests/${ours.body.request.id}`)
          ).body.request?.status === 'applied',
        'the adoption to be applied',
      );
    });
  });

  describe('2. every route that deletes asks for the claim name', () => {
    it('refuses a delete through POST /requests without confirm, and deletes nothing', async () => {
      const before = await clusterObjects();
      const rows = await requestRows();
      const response = await alice().post('/requests', {
        operation: 'delete',
        entityRef: 'component:default/payments-api',
        cluster: 'eks-dev',
        namespace: 'payments',
        claimName: 'orders',
      });
      expect(response.status).toBe(400);
      expect(response.body.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'confirm', severity: 'error' }),
        ]),
      );
      expect(await requestRows()).toBe(rows);
      expect(await clusterObjects()).toEqual(before);
    });

    it('states the consequence whichever route deletes', async () => {
      const response = await alice().post('/requests/validate', {
        operation: 'delete',
        entityRef: 'component:default/payments-api',
        cluster: 'eks-dev',
        namespace: 'payments',
        claimName: 'orders',
        confirm: 'orders',
      });
      expect(response.status).toBe(200);
      expect(response.body.consequence).toMatch(
        /and all its data are destroyed/,
      );
      expect(response.body.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'delete-is-permanent',
            fix: 'Take a snapshot first if you may need the data again.',
          }),
        ]),
      );
    });
  });

  describe('3. routing is strict and case-sensitive', () => {
    it.each(['RESIZE', 'Snapshot', 'ReStOrE', 'DELETE', 'delete/'])(
      'answers 404 to /claims/…/orders/%s and leaves the claim alone',
      async action => {
        const rows = await requestRows();
        const response = await alice().post(
          `/claims/eks-dev/payments/orders/${action}`,
          { size: '20Gi', confirm: 'orders' },
        );
        expect(response.status).toBe(404);
        expect(await requestRows()).toBe(rows);
        expect(
          (
            await core().readNamespacedPersistentVolumeClaim({
              namespace: 'payments',
              name: 'orders',
            })
          ).metadata?.deletionTimestamp,
        ).toBeUndefined();
      },
    );
  });

  describe('4. signals carry nothing a listener could not fetch', () => {
    it('publishes only nudges, on channels that do not say whose they are', async () => {
      const { body } = await alice().get(
        '/claims?entityRef=component:default/payments-api',
      );
      expect(body.signalChannel).toMatch(/^storage:entity:[\w-]{32}$/);
      await eventually(
        async () =>
          signals.some(s => s.channel === body.signalChannel) && signals,
        'a signal on the entity channel',
      );
      for (const signal of signals) {
        expect(signal.message).toEqual({ type: 'changed' });
        expect(signal.channel).not.toMatch(
          /payments|analytics|orders|component|eks-dev/,
        );
      }
    });
  });

  describe('5. hostile values answer 4xx naming the field', () => {
    const hostile: Array<[string, string, unknown, string]> = [
      [
        'toString in operation',
        '/requests',
        { ...payments, claimName: 'x', operation: { toString: 1 } },
        'operation',
      ],
      [
        'toString in entityRef',
        '/requests',
        { ...payments, claimName: 'x', entityRef: { toString: 'x' } },
        'entityRef',
      ],
      [
        'toString in cluster',
        '/requests',
        { ...payments, claimName: 'x', cluster: { toString: null } },
        'cluster',
      ],
      [
        'toString in namespace',
        '/requests',
        { ...payments, claimName: 'x', namespace: { toString: [] } },
        'namespace',
      ],
      [
        'toString in claimName',
        '/requests',
        { ...payments, claimName: { toString: {} } },
        'claimName',
      ],
      [
        'control character in entityRef',
        '/requests',
        {
          ...payments,
          claimName: 'x',
          entityRef: 'component:default/pay\u0000ments',
        },
        'entityRef',
      ],
      [
        'emoji in entityRef',
        '/requests',
        { ...payments, claimName: 'x', entityRef: 'component:default/💾' },
        'entityRef',
      ],
      [
        'lone surrogate in entityRef',
        '/requests',
        { ...payments, claimName: 'x', entityRef: 'component:default/\ud800' },
        'entityRef',
      ],
      [
        '16 kB entityRef',
        '/requests',
        {
          ...payments,
          claimName: 'x',
          entityRef: `component:default/${'a'.repeat(16_500)}`,
        },
        'entityRef',
      ],
    ];
    it.each(hostile)('%s', async (_what, path, body, field) => {
      const rows = await requestRows();
      const response = await alice().post(path, body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
      expect(JSON.stringify(response.body)).not.toMatch(/\.(ts|js):\d+/);
      expect(await requestRows()).toBe(rows);
    });

    it.each([
      ['/claims/eks-dev/payments/%ZZ', 'name'],
      ['/claims/%ZZ/payments/orders', 'cluster'],
      ['/requests/%ZZ', 'id'],
      ['/requests?status[toString]=1', 'status'],
      ['/claims?entityRef[toString]=1', 'entityRef'],
      ['/claims?entityRef=a&entityRef=b', 'entityRef'],
    ])('GET %s names %s', async (path, field) => {
      const response = await alice().get(path);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(field);
    });
  });

  describe('6. a requestId is a key of its requester, entity and body', () => {
    const keyed = { ...payments, claimName: 'keyed', requestId: 'rid-keyed' };

    it('replays the same request, and refuses a different one under the key', async () => {
      const first = await alice().post('/requests', keyed);
      expect(first.status).toBe(201);
      const again = await alice().post('/requests', keyed);
      expect(again.status).toBe(201);
      expect(again.body.request.id).toBe(first.body.request.id);
      const rows = await requestRows();
      const bigger = await alice().post('/requests', {
        ...keyed,
        size: '20Gi',
      });
      expect(bigger.status).toBe(409);
      const otherEntity = await alice().post('/requests', {
        ...keyed,
        entityRef: 'component:default/ledger-service',
      });
      expect(otherEntity.status).toBe(409);
      const otherUser = await dana().post('/requests', {
        ...analytics,
        claimName: 'keyed',
        requestId: 'rid-keyed',
      });
      expect(otherUser.status).toBe(409);
      expect(JSON.stringify(otherUser.body)).not.toMatch(/payments|alice/);
      expect(await requestRows()).toBe(rows);
    });

    it('refuses an empty requestId', async () => {
      const response = await alice().post('/requests', {
        ...keyed,
        requestId: '',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        /^requestId must NOT have fewer than 1 characters/,
      );
    });
  });

  describe('7. free text reaches no manifest unchecked', () => {
    it.each([
      [
        { volumeSnapshotClassName: 'no-such-class' },
        'volumeSnapshotClassName',
        'snapshot-class-unknown',
      ],
      [
        { volumeSnapshotClassName: 'Bad Class!' },
        'volumeSnapshotClassName',
        'invalid-name',
      ],
    ])('snapshot with %j', async (extra, field, code) => {
      const response = await alice().post(
        '/claims/eks-dev/payments/orders/snapshot',
        extra,
      );
      expect(response.status).toBe(400);
      expect(response.body.findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
    });

    it.each([
      [{ zone: 'us-east-1z' }, 'source.zone', 'invalid-zone'],
      [{ zone: 'us-east-1a"}]' }, 'source.zone', 'invalid-zone'],
      [{ dnsName: 'evil.example.com' }, 'source.dnsName', 'field-not-used'],
      [{ mountName: '../x' }, 'source.mountName', 'field-not-used'],
      [
        { mountOptions: ['prefix logs/'] },
        'source.mountOptions',
        'field-not-used',
      ],
    ])('static EBS volume with %j', async (extra, field, code) => {
      const response = await alice().post('/requests/validate', {
        ...payments,
        claimName: 'static-x',
        offering: 'ebs-existing',
        source: {
          type: 'existing',
          volumeId: 'vol-0123456789abcdef0',
          ...extra,
        },
      });
      expect(response.body.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, code, severity: 'error' }),
        ]),
      );
    });
  });

  describe('8. entity references are stored as the catalog spells them', () => {
    it('normalises the letter case of the entity ref everywhere', async () => {
      const response = await alice().post('/requests', {
        ...payments,
        entityRef: 'Component:default/PAYMENTS-API',
        claimName: 'cased',
      });
      expect(response.status).toBe(201);
      expect(response.body.request.entityRef).toBe(
        'component:default/payments-api',
      );
      const pvc = response.body.manifests[0];
      expect(pvc.metadata.annotations['storage.backstage.io/owner']).toBe(
        'component:default/payments-api',
      );
      const listed = await alice().get(
        '/requests?entityRef=component:default/payments-api',
      );
      expect(
        listed.body.items.map((r: { claimName: string }) => r.claimName),
      ).toContain('cased');
    });
  });

  describe('9. restore and clone sources must exist, and be the entity’s own', () => {
    it('names the missing snapshot', async () => {
      const response = await alice().post('/requests', {
        ...payments,
        operation: 'restore',
        claimName: 'restored',
        snapshotName: 'no-such-snapshot',
      });
      expect(response.status).toBe(400);
      expect(response.body.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: 'snapshotName',
            code: 'source-not-found',
          }),
        ]),
      );
    });

    it('names the missing claim to clone', async () => {
      const response = await alice().post('/requests', {
        ...payments,
        claimName: 'cloned',
        source: { type: 'clone', claimName: 'no-such-claim' },
      });
      expect(response.status).toBe(400);
      expect(response.body.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: 'source.claimName',
            code: 'source-not-found',
          }),
        ]),
      );
    });

    it("refuses to restore another entity's snapshot from a shared namespace", async () => {
      await env.sim.kubeConfig
        .makeApiClient(CustomObjectsApi)
        .createNamespacedCustomObject({
          group: 'snapshot.storage.k8s.io',
          version: 'v1',
          namespace: 'payments',
          plural: 'volumesnapshots',
          body: {
            apiVersion: 'snapshot.storage.k8s.io/v1',
            kind: 'VolumeSnapshot',
            metadata: {
              name: 'their-backup',
              annotations: {
                'storage.backstage.io/owner':
                  'component:default/analytics-pipeline',
              },
            },
            spec: { source: { persistentVolumeClaimName: 'orders' } },
          },
        });
      const rows = await requestRows();
      const response = await alice().post('/requests', {
        ...payments,
        operation: 'restore',
        claimName: 'restored-theirs',
        snapshotName: 'their-backup',
      });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(
        /^snapshotName: VolumeSnapshot their-backup is not component:default\/payments-api's/,
      );
      expect(await requestRows()).toBe(rows);
    });
  });

  describe('day-2 requests are authorized by the claim as the cluster has it', () => {
    it("refuses to delete another team's claim in a namespace both may use", async () => {
      await core().createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: {
          metadata: {
            name: 'shared-scratch',
            annotations: {
              'storage.backstage.io/owner':
                'component:default/analytics-pipeline',
            },
          },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'gp3-immediate',
            resources: { requests: { storage: '1Gi' } },
          },
        },
      });
      const rows = await requestRows();
      const response = await alice().post('/requests', {
        operation: 'delete',
        entityRef: 'component:default/payments-api',
        cluster: 'eks-dev',
        namespace: 'payments',
        claimName: 'shared-scratch',
        confirm: 'shared-scratch',
      });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(
        /belongs to component:default\/analytics-pipeline/,
      );
      expect(await requestRows()).toBe(rows);
    });

    it("refuses to resize another team's claim through the claim route", async () => {
      const response = await alice().post(
        '/claims/eks-dev/analytics/features/resize',
        { size: '20Gi' },
      );
      expect(response.status).toBe(403);
    });
  });
});
