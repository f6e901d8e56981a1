/**
 * The platform console against the demo cluster (eks-sim over HTTP) and a
 * real database: what it finds, its filters, usage collected on a
 * schedule, its actions through the request workflow, snapshot schedules
 * and expiry with a moved clock, and a simulator restart.
 */
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { scheduledSnapshotName } from '@eks-storage/backstage-plugin-storage-common';
import { people } from '../__testUtils__/identities';
import { eventually } from '../__testUtils__/storageBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { useFleetBackend } from './__testUtils__/fleetBackend';
import type {
  FleetBackupsResponse,
  FleetClaimsResponse,
  FleetClassesResponse,
  FleetComplianceResponse,
  FleetExpiriesResponse,
  FleetFinding,
  FleetFindingsResponse,
  FleetOverviewResponse,
  FleetUsageResponse,
} from './api';

jest.setTimeout(180_000);

const HOUR = 3600_000;
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('platform console on %p', id => {
  const { env, as } = useFleetBackend(databases, id);
  const alice = as(people.owner); // team-payments
  const dana = as(people.otherTeam); // team-data
  const priya = as(people.platform);
  const pat = as(people.platform2);

  const core = () => env.sim.kubeConfig.makeApiClient(CoreV1Api);
  const snapshots = async (namespace: string) =>
    (
      (await env.sim.kubeConfig
        .makeApiClient(CustomObjectsApi)
        .listNamespacedCustomObject({
          group: 'snapshot.storage.k8s.io',
          version: 'v1',
          namespace,
          plural: 'volumesnapshots',
        })) as {
        items: Array<{
          metadata: { name: string; labels?: Record<string, string> };
          spec: { source: { persistentVolumeClaimName?: string } };
          status?: { readyToUse?: boolean };
        }>;
      }
    ).items;
  const releasedVolume = async () =>
    (await core().listPersistentVolume()).items.find(
      pv => pv.spec?.claimRef?.name === 'analytics-reports-2023',
    );
  const waste = async (user = alice) =>
    (await user.get('/fleet/waste').expect(200)).body as FleetFindingsResponse;
  const finding = (items: FleetFinding[], code: string, name: string) =>
    items.find(f => f.code === code && f.object.name === name);

  it('shows every section of the demo cluster from storage-common’s findings', async () => {
    const pv = (await releasedVolume())!;
    const found = await eventually(async () => {
      const body = await waste();
      return finding(body.items, 'released-volume', pv.metadata!.name!)
        ? body
        : undefined;
    }, 'the waste of the synced cluster');
    expect(
      finding(found.items, 'released-volume', pv.metadata!.name!),
    ).toMatchObject({
      section: 'waste',
      severity: 'warning',
      monthlyUsd: 2.4,
      ageDays: 45,
      lastClaim: { namespace: 'analytics', name: 'analytics-reports-2023' },
      entityRef: 'component:default/analytics-pipeline',
      ownerRef: 'group:default/team-data',
      actions: ['delete-volume', 'adopt-volume'],
      volume: {
        name: pv.metadata!.name,
        phase: 'Released',
        reclaimPolicy: 'Retain',
        capacity: '30Gi',
        driver: 'ebs',
        encrypted: true,
      },
    });
    expect(
      finding(found.items, 'unclaimed-volume', 'payments-ledger-restore-pv'),
    ).toMatchObject({ entityRef: 'component:default/payments-api' });
    expect(
      finding(
        found.items,
        'snapshot-source-deleted',
        'analytics-reports-2023-final',
      ),
    ).toBeDefined();
    expect(
      finding(found.items, 'unused-claim', 'payments-exports'),
    ).toMatchObject({
      ageDays: 30,
      actions: ['delete-claim', 'snapshot'],
    });
    expect(found.totalMonthlyUsd).toBeGreaterThan(2.4);
    expect(found.viewer).toEqual({ mayCleanUp: false });
    expect((await waste(priya)).viewer).toEqual({ mayCleanUp: true });

    const classes = (await alice.get('/fleet/classes').expect(200))
      .body as FleetClassesResponse;
    const gp2 = classes.items.find(c => c.name === 'gp2')!;
    expect(gp2).toMatchObject({
      provisioner: 'kubernetes.io/aws-ebs',
      status: 'warning',
    });
    expect(gp2.findings.map(f => f.code)).toContain('in-tree-provisioner');
    expect(classes.items.find(c => c.name === 'ontap-nas')).toMatchObject({
      status: 'error',
      offerings: [],
    });
    expect(
      classes.items.find(c => c.name === 'gp3-immediate')?.offerings,
    ).toEqual(['ebs-gp3-immediate']);

    const compliance = (await alice.get('/fleet/compliance').expect(200))
      .body as FleetComplianceResponse;
    expect(
      compliance.items
        .filter(f => f.severity === 'error')
        .map(f => `${f.code} ${f.object.kind}/${f.object.name}`),
    ).toEqual(
      expect.arrayContaining([
        'class-unencrypted StorageClass/gp2',
        'class-unencrypted StorageClass/gp3-unencrypted',
      ]),
    );
    expect(
      compliance.items.find(f => f.code === 'volume-unencrypted')?.fix,
    ).toBeTruthy();
    expect(compliance.rules.find(r => r.id === 'ebs-encryption')?.enabled).toBe(
      true,
    );

    const backups = (await alice.get('/fleet/backups').expect(200))
      .body as FleetBackupsResponse;
    expect(backups.items.find(b => b.name === 'payments-ledger')).toMatchObject(
      {
        production: true,
        stale: true,
        snapshots: 0,
        finding: { code: 'backup-missing', actions: ['snapshot'] },
      },
    );
    expect(
      backups.items.find(b => b.name === 'payments-cache')?.schedule,
    ).toMatchObject({
      offering: 'ebs-gp3-immediate',
      everyHours: 24,
      keep: 2,
    });

    const expiries = (await alice.get('/fleet/expiries').expect(200))
      .body as FleetExpiriesResponse;
    expect(
      expiries.items.find(e => e.name === 'checkout-load-test'),
    ).toMatchObject({
      entityRef: 'component:default/checkout-web',
      snapshotFirst: true,
    });

    const overview = (await dana.get('/fleet/overview').expect(200))
      .body as FleetOverviewResponse;
    expect(overview.byCluster.map(g => g.key)).toEqual(['eks-dev']);
    expect(overview.cost.totalMonthlyUsd).toBeGreaterThan(0);
    expect(overview.cost.byTeam.map(g => g.key)).toEqual(
      expect.arrayContaining([
        'group:default/team-data',
        'group:default/team-payments',
      ]),
    );
    expect(overview.counts).toMatchObject({ volumes: 2, unowned: 2 });
    expect(overview.counts.waste).toBeGreaterThanOrEqual(4);
    expect(overview.counts.compliance).toBe(compliance.items.length);
  });

  it('lists every claim with the filters, and the hints to the owner of unowned ones', async () => {
    const list = async (query: string) =>
      (await alice.get(`/fleet/claims${query}`).expect(200))
        .body as FleetClaimsResponse;
    const names = (body: FleetClaimsResponse) => body.items.map(c => c.name);

    const unowned = await list('?owned=false');
    expect(names(unowned)).toEqual(['jupyter-scratch', 'billing-worker-spool']);
    const spool = unowned.items.find(c => c.name === 'billing-worker-spool')!;
    expect(spool.ownerHints.map(h => h.detail)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('backstage.io/kubernetes-id=billing-worker'),
        'mounted by pod billing-worker-0',
      ]),
    );
    expect(
      unowned.items.find(c => c.name === 'jupyter-scratch')!.ownerHints,
    ).toContainEqual(
      expect.objectContaining({
        source: 'namespace',
        entityRef: 'component:default/analytics-pipeline',
      }),
    );

    expect(names(await list('?team=group:default/team-data')).sort()).toEqual(
      expect.arrayContaining(['analytics-datalake', 'analytics-warehouse']),
    );
    expect(
      (await list('?team=group:default/team-data')).items.every(
        c => c.ownerRef === 'group:default/team-data',
      ),
    ).toBe(true);
    expect(names(await list('?driver=efs'))).toEqual(['checkout-receipts']);
    expect(names(await list('?state=available'))).toEqual([
      'payments-ledger-restore-pv',
    ]);
    expect(names(await list('?minAgeDays=29&maxAgeDays=31'))).toEqual([
      'payments-exports',
    ]);
    // A volume never claimed lists under its own name, in no namespace.
    expect(await list('?minAgeDays=19&maxAgeDays=21')).toMatchObject({
      items: [
        {
          kind: 'PersistentVolume',
          name: 'payments-ledger-restore-pv',
          namespace: '',
          entityRef: 'component:default/payments-api',
        },
      ],
    });
    expect(
      (await list('?state=released')).items.map(c => [c.name, c.entityRef]),
    ).toEqual([
      ['analytics-reports-2023', 'component:default/analytics-pipeline'],
    ]);
    expect(
      names(
        await list(
          '?entity=component:default/checkout-web&storageClass=gp3-unencrypted',
        ),
      ),
    ).toEqual(['checkout-sessions']);
    const page = await list('?limit=2&offset=1');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(10);

    for (const [query, message] of [
      ['?minAgeDays=abc', 'minAgeDays must be a number of days'],
      ['?driver=nfs', 'driver must be one of ebs, efs'],
      ['?usageAbove=150', 'usageAbove must be a percentage from 0 to 100'],
      ['?owned=maybe', 'owned must be true or false'],
      ['?colour=red', "Unknown query parameter 'colour'"],
      ['?minAgeDays=9&maxAgeDays=3', 'minAgeDays must not be above maxAgeDays'],
    ]) {
      const response = await alice.get(`/fleet/claims${query}`).expect(400);
      expect(response.body.error.message).toContain(message);
    }
    const days = await alice
      .get('/fleet/usage/eks-dev/payments/payments-ledger?days=0')
      .expect(400);
    expect(days.body.error.message).toContain('days must be a number of days');
  });

  it('collects usage from the kubelets on a schedule, with resize suggestions, on the claim pages too', async () => {
    const usage = await eventually(async () => {
      const body = (await alice.get('/fleet/usage').expect(200))
        .body as FleetUsageResponse;
      return body.items.some(i => i.name === 'data-payments-db-0')
        ? body
        : undefined;
    }, 'usage readings');
    const ledger = usage.items.find(i => i.name === 'payments-ledger')!;
    expect(ledger.usage.usedFraction).toBeGreaterThanOrEqual(0.86);
    expect(ledger.suggestion).toMatchObject({
      action: 'resize',
      fromSize: '100Gi',
    });
    expect(usage.items[0].name).toBe('payments-ledger');
    const db = usage.items.find(i => i.name === 'data-payments-db-0')!;
    expect(db.usage.usedFraction).toBeLessThan(0.2);
    expect(usage.lastCollectedAt).toBeDefined();

    const detail = await alice
      .get('/claims/eks-dev/payments/payments-ledger')
      .expect(200);
    expect(detail.body.usage.usedFraction).toBeGreaterThanOrEqual(0.86);
    const claims = await alice
      .get('/claims?entityRef=component:default/checkout-web')
      .expect(200);
    expect(
      claims.body.items.find((c: any) => c.name === 'checkout-load-test')
        .expiresAt,
    ).toBeDefined();
    const over = (await alice.get('/fleet/claims?usageAbove=80').expect(200))
      .body as FleetClaimsResponse;
    expect(over.items.map(c => c.name)).toEqual(['payments-ledger']);
  });

  it('deletes a Released volume through the request workflow: permission, typed confirmation, policy and audit', async () => {
    const pv = (await releasedVolume())!;
    const name = pv.metadata!.name!;
    const path = `/fleet/volumes/eks-dev/${name}/delete`;
    const denied = await alice.post(path, { confirm: name }).expect(403);
    expect(denied.body.error.message).toContain('analytics-pipeline');
    const unconfirmed = await priya
      .post(path, { confirm: 'analytics-reports-2023' })
      .expect(400);
    expect(unconfirmed.body.findings).toContainEqual(
      expect.objectContaining({
        field: 'confirm',
        code: 'delete-not-confirmed',
      }),
    );
    const before = (await waste()).totalMonthlyUsd;

    const accepted = await priya.post(path, { confirm: name }).expect(202);
    expect(accepted.body.request).toMatchObject({
      operation: 'delete',
      entityRef: 'component:default/analytics-pipeline',
      namespace: 'analytics',
      claimName: 'analytics-reports-2023',
      requestedBy: people.platform,
    });
    expect(accepted.body.consequence).toContain('destroyed');
    expect(accepted.body.manifests).toEqual([
      expect.objectContaining({
        kind: 'PersistentVolume',
        metadata: { name, uid: pv.metadata!.uid },
        spec: { persistentVolumeReclaimPolicy: 'Delete' },
      }),
    ]);
    expect(
      env.audit.events.find(
        e => e.result?.requestId === accepted.body.request.id,
      ),
    ).toMatchObject({
      eventId: 'storage-request',
      outcome: 'success',
      meta: expect.objectContaining({ operation: 'delete' }),
    });
    await eventually(
      async () => !(await releasedVolume()),
      'the volume deleted',
    );
    const after = await eventually(async () => {
      const body = await waste();
      return finding(body.items, 'released-volume', name) ? undefined : body;
    }, 'the waste without the volume');
    expect(after.totalMonthlyUsd).toBeCloseTo(before - 2.4, 2);
    const stored = await alice
      .get(`/requests/${accepted.body.request.id}`)
      .expect(200);
    expect(stored.body.request.status).toBe('applied');
  });

  it('adopts a volume no claim holds into a new claim for the entity that owns it', async () => {
    const path = '/fleet/volumes/eks-dev/payments-ledger-restore-pv/adopt';
    await dana.post(path, {}).expect(403);
    const submitted = await alice.post(path, {}).expect(202);
    expect(submitted.body.request).toMatchObject({
      operation: 'create',
      entityRef: 'component:default/payments-api',
      namespace: 'payments',
      claimName: 'payments-ledger-restore-pv',
      offeringId: 'ebs-existing',
      status: 'pending-approval',
    });
    // The volume is not offered to the team: the platform team decides.
    await alice
      .post(`/requests/${submitted.body.request.id}/approve`, {})
      .expect(403);
    await pat
      .post(`/requests/${submitted.body.request.id}/approve`, {
        comment: 'Ours',
      })
      .expect(200);
    const claim = await eventually(async () => {
      const pvc = await core()
        .readNamespacedPersistentVolumeClaim({
          namespace: 'payments',
          name: 'payments-ledger-restore-pv',
        })
        .catch(() => undefined);
      return pvc?.status?.phase === 'Bound' ? pvc : undefined;
    }, 'the adopting claim bound');
    // Bound to the volume's own PV: no second PV for the same EBS volume.
    expect(claim.spec?.volumeName).toBe('payments-ledger-restore-pv');
    const handles = (await core().listPersistentVolume()).items.filter(
      pv => pv.spec?.csi?.volumeHandle === 'vol-0a7c3e9d2b4f61805',
    );
    expect(handles).toHaveLength(1);
  });

  it('deletes a claim after a snapshot of it is ready, each step a request', async () => {
    const path = '/fleet/claims/eks-dev/payments/payments-exports/delete';
    await dana
      .post(path, { confirm: 'payments-exports', snapshotFirst: true })
      .expect(403);
    await alice
      .post(path, { confirm: 'nope', snapshotFirst: true })
      .expect(400);
    const first = await alice
      .post(path, { confirm: 'payments-exports', snapshotFirst: true })
      .expect(202);
    expect(first.body.request.operation).toBe('snapshot');
    expect(first.body.followUp).toEqual({
      operation: 'delete',
      when: expect.stringMatching(
        /^once snapshot payments-exports-final-\d{8}t\d{4} is ready$/,
      ),
    });
    await eventually(
      async () =>
        !(await core()
          .readNamespacedPersistentVolumeClaim({
            namespace: 'payments',
            name: 'payments-exports',
          })
          .catch(() => undefined)),
      'the claim deleted after its snapshot',
    );
    const requests = (
      await alice
        .get('/requests?entityRef=component:default/payments-api')
        .expect(200)
    ).body.items.filter(
      // Its offering's snapshot schedule makes requests of its own.
      (r: any) =>
        r.claimName === 'payments-exports' && !r.id.startsWith('sched-snap-'),
    );
    expect(
      requests
        .map((r: any) => `${r.operation} ${r.status} ${r.requestedBy}`)
        .sort(),
    ).toEqual([
      `delete applied ${people.owner}`,
      `snapshot applied ${people.owner}`,
    ]);
    expect(
      (await snapshots('payments')).find(s =>
        s.metadata.name.startsWith('payments-exports-final-'),
      )?.status?.readyToUse,
    ).toBe(true);
  });

  it('takes scheduled snapshots, keeps the newest, and warns before and deletes at expiry, as the moved clock says', async () => {
    const scheduled = async () =>
      (await snapshots('payments')).filter(
        s =>
          s.spec.source.persistentVolumeClaimName === 'payments-cache' &&
          s.metadata.labels?.['storage.backstage.io/backup-schedule'],
      );
    const firstSlot = await eventually(async () => {
      const list = await scheduled();
      return list.length === 1 && list[0].status?.readyToUse ? list : undefined;
    }, 'the first scheduled snapshot');

    // A day before expiry (checkout-load-test expires in 20 hours), its
    // owners are told, once.
    await eventually(
      async () =>
        env.notifications.sent.some(
          m =>
            m.payload.topic === 'storage-expiry' &&
            m.payload.title.includes('checkout/checkout-load-test'),
        ),
      'the expiry warning',
    );
    const warning = env.notifications.sent.find(
      m => m.payload.topic === 'storage-expiry',
    )!;
    expect(warning.recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/team-payments'],
    });

    // Slots are whole days since the epoch, as the console's clock counts.
    const DAY = 24 * HOUR;
    for (const day of [1, 2]) {
      env.clock.advance(DAY);
      env.sim.clock.advance(DAY);
      const due = scheduledSnapshotName(
        'payments-cache',
        Math.floor(env.clock.now().getTime() / DAY) * DAY,
      );
      await eventually(async () => {
        const list = await scheduled();
        return list.some(s => s.metadata.name === due && s.status?.readyToUse)
          ? list
          : undefined;
      }, `the snapshot of day ${day}`);
    }
    // keep: 2: the first slot's snapshot is gone once two newer are ready.
    const kept = await eventually(async () => {
      const list = await scheduled();
      return !list.some(s => s.metadata.name === firstSlot[0].metadata.name) &&
        list.length === 2
        ? list
        : undefined;
    }, 'retention');
    expect(
      kept.every(s => s.metadata.name.startsWith('payments-cache-auto-')),
    ).toBe(true);
    const snapshotRequests = (
      await priya
        .get('/requests?entityRef=component:default/payments-api')
        .expect(200)
    ).body.items.filter(
      (r: any) =>
        r.operation === 'snapshot' && r.claimName === 'payments-cache',
    );
    expect(snapshotRequests).toHaveLength(3);
    expect(snapshotRequests[0].requestedBy).toBe('group:default/team-payments');

    // Two days on, checkout-load-test has expired: its offering has a
    // schedule, so a snapshot first, then the delete, both requests.
    await eventually(
      async () =>
        !(await core()
          .readNamespacedPersistentVolumeClaim({
            namespace: 'checkout',
            name: 'checkout-load-test',
          })
          .catch(() => undefined)),
      'the expired claim deleted',
    );
    const expiry = await eventually(async () => {
      const body = (await alice.get('/fleet/expiries').expect(200))
        .body as FleetExpiriesResponse;
      const item = body.items.find(e => e.name === 'checkout-load-test');
      return item?.status === 'deleted' ? item : undefined;
    }, 'the expiry deleted');
    expect(expiry).toMatchObject({
      snapshotFirst: true,
      warnedAt: expect.any(String),
      snapshotRequestId: expect.stringMatching(/^expiry-snap-/),
      deleteRequestId: expect.stringMatching(/^cleanup-del-/),
    });
    const checkout = (
      await alice
        .get('/requests?entityRef=component:default/checkout-web')
        .expect(200)
    ).body.items.filter((r: any) => r.claimName === 'checkout-load-test');
    expect(
      checkout
        .filter(
          (r: any) =>
            r.id.startsWith('expiry-snap-') || r.id.startsWith('cleanup-del-'),
        )
        .map((r: any) => `${r.operation} ${r.status}`)
        .sort(),
    ).toEqual(['delete applied', 'snapshot applied']);
    expect(
      env.notifications.sent.filter(m => m.payload.topic === 'storage-expiry'),
    ).toHaveLength(1);
  });
  it('keeps the usage history across a simulator restart and collects again once it is back', async () => {
    const history = async () =>
      (
        await alice
          .get('/fleet/usage/eks-dev/payments/payments-ledger?days=30')
          .expect(200)
      ).body as { samples: Array<{ observedAt: string }> };
    const before = await eventually(async () => {
      const samples = (await history()).samples;
      return samples.length ? samples : undefined;
    }, 'a reading before the restart');
    const restartedAt = Date.now();
    await env.restartSimulator();
    const after = await eventually(async () => {
      const samples = (await history()).samples;
      // The simulators' clocks were moved ahead above; the new one's is not.
      return samples.some(
        s =>
          Date.parse(s.observedAt) > restartedAt &&
          Date.parse(s.observedAt) <= Date.now() + 1000,
      )
        ? samples
        : undefined;
    }, 'a reading after the restart');
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBeGreaterThan(before.length);
  });
});
