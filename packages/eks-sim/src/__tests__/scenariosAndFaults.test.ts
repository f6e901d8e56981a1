/**
 * The demo scenario's states and the faults on demand, observed through
 * the API as a client sees them.
 */
import { kindByName } from '../kinds';
import { EksSim } from '../sim';
import { eventually, podManifest, pvcManifest, withSim } from './helpers';

const PVC = kindByName('PersistentVolumeClaim');
const PV = kindByName('PersistentVolume');
const POD = kindByName('Pod');
const EVENT = kindByName('Event');
const SC = kindByName('StorageClass');
const MANAGER = { fieldManager: 'test' };

function eventsFor(sim: EksSim, namespace: string, name: string) {
  return sim.registry.store
    .list('/events', namespace)
    .filter(e => e.involvedObject?.name === name)
    .map(e => `${e.reason}: ${e.message}`);
}

describe('demo scenario', () => {
  let sim: EksSim;
  beforeAll(async () => {
    sim = await withSim({ scenario: 'demo', delays: 'fast' });
  });
  afterAll(() => sim.close());

  const claim = (ns: string, name: string) => sim.registry.find(PVC, ns, name);

  it('labels claims for the catalog and puts them in every state the diagnosis covers', async () => {
    expect(
      claim('payments', 'data-payments-db-0')?.metadata.labels?.[
        'backstage.io/kubernetes-id'
      ],
    ).toBe('payments-api');
    expect(claim('payments', 'data-payments-db-0')?.status?.phase).toBe(
      'Bound',
    );
    expect(claim('payments', 'payments-ledger')?.spec?.storageClassName).toBe(
      'io2',
    );
    expect(claim('payments', 'payments-archive')?.status?.phase).toBe(
      'Pending',
    );
    expect(eventsFor(sim, 'payments', 'payments-archive')).toContain(
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
    );

    await eventually(() =>
      eventsFor(sim, 'payments', 'payments-cache-0').some(e =>
        e.includes('volume node affinity conflict'),
      ),
    );
    expect(
      sim.registry.find(POD, 'payments', 'payments-cache-0')?.status
        ?.conditions?.[0],
    ).toMatchObject({ reason: 'Unschedulable' });

    expect(claim('checkout', 'checkout-receipts')?.status?.phase).toBe('Bound');
    expect(claim('checkout', 'checkout-assets')?.status?.phase).toBe('Pending');
    expect(eventsFor(sim, 'checkout', 'checkout-assets').join('\n')).toContain(
      "external provisioner 'csi.trident.netapp.io'",
    );

    expect(claim('analytics', 'analytics-datalake')?.status?.phase).toBe(
      'Bound',
    );
    const released = sim.registry.store
      .list('/persistentvolumes')
      .find(pv => pv.spec?.claimRef?.name === 'analytics-reports-2023');
    expect(released?.status?.phase).toBe('Released');
    expect(released?.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
    await eventually(() =>
      claim('analytics', 'analytics-warehouse')?.status?.conditions?.some(
        (c: any) => c.type === 'FileSystemResizePending',
      ),
    );
    await eventually(
      () => claim('analytics', 'analytics-scratch')?.status?.phase === 'Bound',
    );
    // FSx for Lustre SCRATCH_2 rounds 1200 GiB to itself; the PV carries the FSx attributes.
    const scratch = sim.registry.find(
      PV,
      undefined,
      claim('analytics', 'analytics-scratch')?.spec.volumeName,
    )!;
    expect(scratch.spec.csi.volumeAttributes.dnsname).toMatch(
      /^fs-[0-9a-f]{17}\.fsx\.us-east-1\.amazonaws\.com$/,
    );
  });
});

describe('demo scenario for the platform console', () => {
  let sim: EksSim;
  beforeAll(async () => {
    sim = await withSim({ scenario: 'demo', delays: 'fast' });
  });
  afterAll(() => sim.close());

  const DAY = 24 * 3600 * 1000;
  const ageDays = (time: string | undefined) =>
    Math.round((sim.clock.now() - Date.parse(time ?? '')) / DAY);

  it('has waste weeks old, an unencrypted class, an expiring claim and claims no entity claims', () => {
    const volumes = sim.registry.store.list('/persistentvolumes');
    const released = volumes.find(
      pv => pv.spec?.claimRef?.name === 'analytics-reports-2023',
    )!;
    expect(released.status.phase).toBe('Released');
    expect(ageDays(released.status.lastPhaseTransitionTime)).toBe(45);

    const unclaimed = volumes.find(
      pv => pv.metadata.name === 'payments-ledger-restore-pv',
    )!;
    expect(unclaimed.status.phase).toBe('Available');
    expect(unclaimed.spec.claimRef).toBeUndefined();

    const orphan = sim.registry.find(
      kindByName('VolumeSnapshot'),
      'analytics',
      'analytics-reports-2023-final',
    )!;
    expect(orphan.status.readyToUse).toBe(true);
    expect(
      sim.registry.find(PVC, 'analytics', 'analytics-reports-2023'),
    ).toBeUndefined();

    const exports = sim.registry.find(PVC, 'payments', 'payments-exports')!;
    expect(exports.status.phase).toBe('Bound');
    expect(ageDays(exports.metadata.creationTimestamp)).toBe(30);
    expect(
      sim.registry.store
        .list('/pods', 'payments')
        .some(p =>
          p.spec.volumes?.some(
            (v: any) =>
              v.persistentVolumeClaim?.claimName === 'payments-exports',
          ),
        ),
    ).toBe(false);

    expect(
      sim.registry.find(SC, undefined, 'gp3-unencrypted')?.parameters,
    ).toEqual({ type: 'gp3' });
    expect(
      sim.registry.find(PVC, 'checkout', 'checkout-sessions')?.status?.phase,
    ).toBe('Bound');

    const expiresAt = sim.registry.find(PVC, 'checkout', 'checkout-load-test')
      ?.metadata.annotations?.['storage.backstage.io/expires-at'];
    const hoursLeft = (Date.parse(expiresAt ?? '') - Date.now()) / 3600_000;
    expect(hoursLeft).toBeGreaterThan(19);
    expect(hoursLeft).toBeLessThan(21);

    expect(
      sim.registry.find(PVC, 'payments', 'billing-worker-spool')?.metadata
        .labels?.['backstage.io/kubernetes-id'],
    ).toBe('billing-worker');
    expect(
      sim.registry.find(PVC, 'analytics', 'jupyter-scratch')?.metadata.labels,
    ).toBeUndefined();
  });
});

describe('drivers and faults', () => {
  let sim: EksSim;
  beforeAll(async () => {
    sim = await withSim({ scenario: 'empty', delays: 'fast' });
  });
  afterAll(() => sim.close());

  const create = (ns: string, manifest: any) =>
    sim.registry.create(kindByName(manifest.kind), ns, manifest, MANAGER);

  it('rounds FSx for Lustre capacity up to the deployment type step and is slow to create', async () => {
    create(
      'analytics',
      pvcManifest('fsx-1', 'fsx-lustre-scratch', '1300Gi', {
        accessModes: ['ReadWriteMany'],
      }),
    );
    await eventually(() =>
      eventsFor(sim, 'analytics', 'fsx-1').some(e =>
        e.includes('DeadlineExceeded'),
      ),
    );
    await eventually(
      () =>
        sim.registry.find(PVC, 'analytics', 'fsx-1')?.status?.phase === 'Bound',
    );
    expect(
      sim.registry.find(PVC, 'analytics', 'fsx-1')?.status?.capacity?.storage,
    ).toBe('2400Gi');
  });

  it('fails provisioning with the driver error for a bad class parameter', async () => {
    create('', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'efs-broken' },
      provisioner: 'efs.csi.aws.com',
      parameters: { fileSystemId: 'fs-0123456789abcdef0' },
    });
    create(
      'checkout',
      pvcManifest('efs-bad', 'efs-broken', '1Gi', {
        accessModes: ['ReadWriteMany'],
      }),
    );
    const failure = await eventually(() =>
      eventsFor(sim, 'checkout', 'efs-bad').find(e =>
        e.startsWith('ProvisioningFailed'),
      ),
    );
    expect(failure).toBe(
      'ProvisioningFailed: Volume provisioning failed with infeasible error. Retries will be delayed. rpc error: code = InvalidArgument desc = Missing provisioningMode parameter',
    );
  });

  it('leaves claims waiting forever when the driver is uninstalled, and provisions once it is back', async () => {
    sim.faults.uninstallDriver('ebs.csi.aws.com');
    expect(
      sim.registry.find(kindByName('CSIDriver'), undefined, 'ebs.csi.aws.com'),
    ).toBeUndefined();
    create('payments', pvcManifest('no-driver', 'gp3-immediate'));
    await eventually(() =>
      eventsFor(sim, 'payments', 'no-driver').some(e =>
        e.startsWith('ExternalProvisioning:'),
      ),
    );
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(sim.registry.find(PVC, 'payments', 'no-driver')?.status?.phase).toBe(
      'Pending',
    );
    sim.faults.installDriver('ebs.csi.aws.com');
    await eventually(
      () =>
        sim.registry.find(PVC, 'payments', 'no-driver')?.status?.phase ===
        'Bound',
    );
  });

  it('routes in-tree classes to the CSI driver (migration)', async () => {
    create('payments', pvcManifest('legacy', 'gp2'));
    create('payments', podManifest('legacy-pod', 'legacy'));
    await eventually(
      () =>
        sim.registry.find(PVC, 'payments', 'legacy')?.status?.phase === 'Bound',
    );
    expect(
      sim.registry.find(PVC, 'payments', 'legacy')?.metadata.annotations?.[
        'volume.kubernetes.io/storage-provisioner'
      ],
    ).toBe('ebs.csi.aws.com');
  });

  it('fails with UnauthorizedOperation when the driver IAM is denied', async () => {
    sim.faults.setIamDenied('ebs.csi.aws.com', true);
    create('payments', pvcManifest('no-iam', 'gp3-immediate'));
    const denied = await eventually(() =>
      eventsFor(sim, 'payments', 'no-iam').find(e =>
        e.includes('UnauthorizedOperation'),
      ),
    );
    expect(denied).toMatch(
      /^ProvisioningFailed: rpc error: code = Internal desc = Could not create volume "pvc-.*": could not create volume in EC2: UnauthorizedOperation/,
    );
    sim.faults.setIamDenied('ebs.csi.aws.com', false);
    await eventually(
      () =>
        sim.registry.find(PVC, 'payments', 'no-iam')?.status?.phase === 'Bound',
      8000,
    );
  });

  it('refuses new claims once the namespace quota is full', async () => {
    const hard = sim.faults.fillQuota('checkout');
    expect(hard.persistentvolumeclaims).toMatch(/^\d+$/);
    expect(() =>
      create('checkout', pvcManifest('over-quota', 'efs', '1Gi')),
    ).toThrow(/exceeded quota: storage-quota, requested: /);
    await eventually(
      () =>
        sim.registry.find(
          kindByName('ResourceQuota'),
          'checkout',
          'storage-quota',
        )?.status?.used,
    );
  });

  it('answers a share of requests with 429 and Retry-After, and exposes faults over the admin API', async () => {
    const admin = (path: string, body: unknown) =>
      fetch(`${sim.url}/_sim/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await admin('faults/requests', { errorRate: 1, errorStatus: 429 }))
        .status,
    ).toBe(200);
    const throttled = await fetch(`${sim.url}/api/v1/namespaces`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((await throttled.json()).reason).toBe('TooManyRequests');
    await admin('faults/reset', {});
    expect((await fetch(`${sim.url}/api/v1/namespaces`)).status).toBe(200);
    expect((await admin('faults/requests', { errorRate: 7 })).status).toBe(400);
    await admin('faults/drivers/efs.csi.aws.com/deny-iam', {});
    const state = await (await fetch(`${sim.url}/_sim/faults`)).json();
    expect(state.iamDeniedDrivers).toEqual(['efs.csi.aws.com']);
    await admin('faults/reset', {});
  });

  it('deletes a provisioned volume when its Delete-policy claim goes, after the pod releases it', async () => {
    create('analytics', pvcManifest('short-lived', 'gp3'));
    create('analytics', podManifest('user', 'short-lived'));
    await eventually(
      () =>
        sim.registry.find(POD, 'analytics', 'user')?.status?.phase ===
        'Running',
    );
    const volumeName = sim.registry.find(PVC, 'analytics', 'short-lived')!.spec
      .volumeName;
    sim.registry.delete(PVC, 'analytics', 'short-lived');
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(
      sim.registry.find(PVC, 'analytics', 'short-lived')?.metadata
        .deletionTimestamp,
    ).toBeDefined();
    sim.registry.delete(POD, 'analytics', 'user');
    await eventually(() => !sim.registry.find(PVC, 'analytics', 'short-lived'));
    await eventually(() => !sim.registry.find(PV, undefined, volumeName));
  });

  it('keeps the default class unique in use and records events with counts', () => {
    expect(
      sim.registry.find(SC, undefined, 'gp3')?.metadata.annotations?.[
        'storageclass.kubernetes.io/is-default-class'
      ],
    ).toBe('true');
    const created = create('payments', pvcManifest('defaulted', undefined));
    expect(created.spec.storageClassName).toBe('gp3');
    expect(
      sim.registry.store.list('/events', 'payments').every(e => e.count >= 1),
    ).toBe(true);
    expect(EVENT.plural).toBe('events');
  });
});
