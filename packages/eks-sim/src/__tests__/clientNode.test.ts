/**
 * Drives the simulator with @kubernetes/client-node as the storage backend
 * does: CRUD, informers across a forced 410, watch resume, server-side apply
 * conflicts, resize, snapshot and restore, StatefulSet claims, 401/403.
 */
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  V1PersistentVolumeClaim,
  Watch,
  makeInformer,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { EksSim } from '../sim';
import { eventually, podManifest, pvcManifest, withSim } from './helpers';

async function status(
  promise: Promise<unknown>,
): Promise<{ code: number; body: any }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) {
      return {
        code: error.code,
        body:
          typeof error.body === 'string' ? JSON.parse(error.body) : error.body,
      };
    }
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('client-node against eks-sim', () => {
  let sim: EksSim;
  let core: CoreV1Api;

  beforeAll(async () => {
    sim = await withSim();
    core = sim.kubeConfig.makeApiClient(CoreV1Api);
  });

  afterAll(async () => {
    await sim.close();
  });

  it('creates, reads, lists with selectors and pages, updates and deletes claims', async () => {
    const created = await core.createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: pvcManifest('crud-1', 'gp3') as V1PersistentVolumeClaim,
    });
    expect(created.metadata?.uid).toBeDefined();
    expect(created.status?.phase).toBe('Pending');
    expect(created.metadata?.finalizers).toEqual([
      'kubernetes.io/pvc-protection',
    ]);

    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: {
        ...pvcManifest('ignored', 'gp3'),
        metadata: { generateName: 'crud-gen-', labels: { tier: 'x' } },
      } as V1PersistentVolumeClaim,
    });
    const byLabel = await core.listNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      labelSelector: 'tier=x',
    });
    expect(byLabel.items).toHaveLength(1);
    expect(byLabel.items[0].metadata?.name).toMatch(/^crud-gen-[a-z0-9]{5}$/);
    expect(byLabel.metadata?.resourceVersion).toMatch(/^\d+$/);

    const byField = await core.listPersistentVolumeClaimForAllNamespaces({
      fieldSelector: 'metadata.name=crud-1',
    });
    expect(byField.items.map(i => i.metadata?.name)).toEqual(['crud-1']);

    const page = await core.listNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      limit: 1,
    });
    expect(page.items).toHaveLength(1);
    expect(page.metadata?._continue).toBeDefined();
    expect(page.metadata?.remainingItemCount).toBe(1);
    const next = await core.listNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      limit: 1,
      _continue: page.metadata?._continue,
    });
    expect(next.items[0].metadata?.name).not.toBe(page.items[0].metadata?.name);

    const conflict = await status(
      core.replaceNamespacedPersistentVolumeClaim({
        name: 'crud-1',
        namespace: 'payments',
        body: {
          ...created,
          metadata: {
            ...created.metadata,
            resourceVersion: '1',
            labels: { changed: 'yes' },
          },
        },
      }),
    );
    expect(conflict.code).toBe(409);
    expect(conflict.body.reason).toBe('Conflict');
    expect(conflict.body.message).toContain('the object has been modified');

    const duplicate = await status(
      core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: pvcManifest('crud-1', 'gp3') as V1PersistentVolumeClaim,
      }),
    );
    expect(duplicate).toMatchObject({
      code: 409,
      body: {
        reason: 'AlreadyExists',
        message: 'persistentvolumeclaims "crud-1" already exists',
      },
    });

    const missing = await status(
      core.readNamespacedPersistentVolumeClaim({
        name: 'nope',
        namespace: 'payments',
      }),
    );
    expect(missing).toMatchObject({
      code: 404,
      body: {
        kind: 'Status',
        reason: 'NotFound',
        message: 'persistentvolumeclaims "nope" not found',
        details: { name: 'nope', kind: 'persistentvolumeclaims' },
      },
    });

    await core.deleteNamespacedPersistentVolumeClaim({
      name: 'crud-1',
      namespace: 'payments',
    });
    await eventually(
      async () =>
        (
          await status(
            core.readNamespacedPersistentVolumeClaim({
              name: 'crud-1',
              namespace: 'payments',
            }),
          )
        ).code === 404,
    );
  });

  it('rejects invalid claims and unsupported changes as the API server does', async () => {
    const noModes = await status(
      core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: {
          metadata: { name: 'bad' },
          spec: { resources: { requests: { storage: '1Gi' } } },
        },
      }),
    );
    expect(noModes.code).toBe(422);
    expect(noModes.body.message).toBe(
      'PersistentVolumeClaim "bad" is invalid: spec.accessModes: Required value: at least 1 access mode is required',
    );

    const noSize = await status(
      core.createNamespacedPersistentVolumeClaim({
        namespace: 'payments',
        body: {
          metadata: { name: 'bad' },
          spec: { accessModes: ['ReadWriteOnce'] },
        },
      }),
    );
    expect(noSize.body.details.causes[0]).toMatchObject({
      field: 'spec.resources[storage]',
      message: 'Required value',
    });

    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: pvcManifest('pending-one', 'gp3') as V1PersistentVolumeClaim,
    });
    const immutable = await status(
      core.patchNamespacedPersistentVolumeClaim(
        {
          name: 'pending-one',
          namespace: 'payments',
          body: { spec: { resources: { requests: { storage: '20Gi' } } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(immutable.code).toBe(422);
    expect(immutable.body.message).toContain(
      'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );

    const wrongNamespace = await status(
      core.createNamespacedPersistentVolumeClaim({
        namespace: 'no-such-ns',
        body: pvcManifest('x', 'gp3') as V1PersistentVolumeClaim,
      }),
    );
    expect(wrongNamespace).toMatchObject({
      code: 404,
      body: { message: 'namespaces "no-such-ns" not found' },
    });
  });

  it('answers malformed bodies with 400 and invalid options with 422 Status objects', async () => {
    const url = `${sim.url}/api/v1/namespaces/payments/persistentvolumeclaims`;
    const badJson = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"kind": ',
    });
    expect(badJson.status).toBe(400);
    const body = await badJson.json();
    expect(body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'BadRequest',
      code: 400,
    });
    expect(body.message).not.toMatch(/at .*\.ts/);

    const badYaml = await fetch(`${url}/x?fieldManager=me`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
      body: 'a: [1, 2',
    });
    expect(badYaml.status).toBe(400);
    const badSelector = await fetch(
      `${url}?labelSelector=${encodeURIComponent('a in (b')}`,
    );
    expect(badSelector.status).toBe(400);
    const badField = await fetch(`${url}?fieldSelector=spec.foo=bar`);
    // PVCs have no field label conversion of their own: apimachinery's
    // DefaultMetaV1FieldSelectorConversion answers.
    expect((await badField.json()).message).toBe(
      '"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    // meta/v1/validation ValidateCreateOptions → errors.NewInvalid (422).
    const badDryRun = await fetch(`${url}?dryRun=Some`, {
      method: 'POST',
      body: JSON.stringify(pvcManifest('d', 'gp3')),
    });
    expect(badDryRun.status).toBe(422);
    expect((await badDryRun.json()).message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"',
    );
    // A body sent as text/plain (fetch's default for a string) is a 415,
    // as the API server's content negotiation answers it.
    const plain = await fetch(url, {
      method: 'POST',
      body: JSON.stringify(pvcManifest('plain', 'gp3')),
    });
    expect(plain.status).toBe(415);
    const dryRun = await fetch(`${url}?dryRun=All`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(pvcManifest('dry', 'gp3')),
    });
    expect(dryRun.status).toBe(201);
    expect((await fetch(`${url}/dry`)).status).toBe(404);
  });

  it('serves Tables for kubectl-style requests', async () => {
    const response = await fetch(
      `${sim.url}/apis/storage.k8s.io/v1/storageclasses`,
      {
        headers: {
          Accept:
            'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
        },
      },
    );
    const table = await response.json();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c: any) => c.name)).toEqual([
      'Name',
      'Provisioner',
      'ReclaimPolicy',
      'VolumeBindingMode',
      'AllowVolumeExpansion',
      'Age',
    ]);
    expect(table.rows.map((r: any) => r.cells[0])).toContain('gp3 (default)');
  });

  it('keeps an informer in sync across dropped watches and a restart that forces a relist (410)', async () => {
    const path = '/api/v1/namespaces/checkout/persistentvolumeclaims';
    const informer = makeInformer(sim.kubeConfig, path, () =>
      core.listNamespacedPersistentVolumeClaim({ namespace: 'checkout' }),
    );
    const added: string[] = [];
    const updated: string[] = [];
    const deleted: string[] = [];
    const errorsSeen: unknown[] = [];
    informer.on('add', o => added.push(o.metadata!.name!));
    informer.on('update', o => updated.push(o.metadata!.name!));
    informer.on('delete', o => deleted.push(o.metadata!.name!));
    informer.on('error', e => errorsSeen.push(e));
    await informer.start();
    try {
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'checkout',
        body: pvcManifest('inf-1', 'efs') as V1PersistentVolumeClaim,
      });
      await eventually(() => added.includes('inf-1'));
      await eventually(
        () => informer.get('inf-1', 'checkout')?.status?.phase === 'Bound',
      );
      expect(updated).toContain('inf-1');

      sim.faults.dropWatches();
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'checkout',
        body: pvcManifest('inf-2', 'efs') as V1PersistentVolumeClaim,
      });
      await eventually(() => informer.get('inf-2', 'checkout'), 8000);

      // A restart forgets the watch history: the informer's version is now too old.
      sim.faults.restart();
      await core.deleteNamespacedPersistentVolumeClaim({
        name: 'inf-1',
        namespace: 'checkout',
      });
      await core.createNamespacedPersistentVolumeClaim({
        namespace: 'checkout',
        body: pvcManifest('inf-3', 'efs') as V1PersistentVolumeClaim,
      });
      await eventually(
        () =>
          informer.get('inf-3', 'checkout') &&
          !informer.get('inf-1', 'checkout'),
        8000,
      );
      expect(deleted).toContain('inf-1');
      expect(errorsSeen).toEqual([]);
    } finally {
      await informer.stop();
    }
  });

  it('resumes a watch from a recent resourceVersion and answers 410 Expired for an old one', async () => {
    const list = await core.listNamespacedPersistentVolumeClaim({
      namespace: 'analytics',
    });
    const from = list.metadata!.resourceVersion!;
    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'analytics',
      body: pvcManifest('resume-1', 'gp3') as V1PersistentVolumeClaim,
    });

    const watch = new Watch(sim.kubeConfig);
    const events: Array<{
      type: string;
      name?: string;
      code?: number;
      reason?: string;
    }> = [];
    const controller = await watch.watch(
      '/api/v1/namespaces/analytics/persistentvolumeclaims',
      { resourceVersion: from, allowWatchBookmarks: true },
      (type, object) =>
        events.push({
          type,
          name: object?.metadata?.name,
          code: object?.code,
          reason: object?.reason,
        }),
      () => {},
    );
    await eventually(() =>
      events.some(e => e.type === 'ADDED' && e.name === 'resume-1'),
    );
    controller.abort();

    sim.faults.restart();
    const expired: typeof events = [];
    let closed = false;
    await watch.watch(
      '/api/v1/namespaces/analytics/persistentvolumeclaims',
      { resourceVersion: from },
      (type, object) =>
        expired.push({ type, code: object?.code, reason: object?.reason }),
      () => {
        closed = true;
      },
    );
    await eventually(() => closed);
    expect(expired).toEqual([{ type: 'ERROR', code: 410, reason: 'Expired' }]);
  });

  it('applies server-side with field managers and reports conflicts', async () => {
    const apply = (manager: string, body: object, force = false) =>
      core.patchNamespacedPersistentVolumeClaim(
        {
          name: 'ssa-1',
          namespace: 'payments',
          body,
          fieldManager: manager,
          force,
        },
        setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
      );
    const created = await apply('backstage-storage', {
      ...pvcManifest('ssa-1', 'gp3'),
      metadata: { name: 'ssa-1', labels: { owner: 'backstage' } },
    });
    expect(created.metadata?.managedFields?.[0]).toMatchObject({
      manager: 'backstage-storage',
      operation: 'Apply',
    });
    const again = await apply('backstage-storage', {
      ...pvcManifest('ssa-1', 'gp3'),
      metadata: { name: 'ssa-1', labels: { owner: 'backstage' } },
    });
    expect(again.metadata?.resourceVersion).toBe(
      created.metadata?.resourceVersion,
    );

    const conflict = await status(
      apply('someone-else', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'ssa-1', labels: { owner: 'me' } },
      }),
    );
    expect(conflict.code).toBe(409);
    expect(conflict.body.message).toBe(
      'Apply failed with 1 conflict: conflict with "backstage-storage": .metadata.labels.owner',
    );
    expect(conflict.body.details.causes[0]).toMatchObject({
      reason: 'FieldManagerConflict',
      field: '.metadata.labels.owner',
    });

    const forced = await apply(
      'someone-else',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'ssa-1', labels: { owner: 'me' } },
      },
      true,
    );
    expect(forced.metadata?.labels?.owner).toBe('me');

    const missingManager = await fetch(
      `${sim.url}/api/v1/namespaces/payments/persistentvolumeclaims/ssa-1`,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
        body: 'metadata: {name: ssa-1}',
      },
    );
    // meta/v1/validation ValidatePatchOptions: 422 on PatchOptions.
    expect(missingManager.status).toBe(422);
    expect((await missingManager.json()).message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  });

  it('patches with JSON patch, merge patch and strategic merge patch', async () => {
    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: pvcManifest('patch-1', 'gp3') as V1PersistentVolumeClaim,
    });
    const json = await core.patchNamespacedPersistentVolumeClaim({
      name: 'patch-1',
      namespace: 'payments',
      body: [{ op: 'add', path: '/metadata/annotations', value: { a: '1' } }],
    });
    expect(json.metadata?.annotations).toEqual({ a: '1' });
    const merge = await core.patchNamespacedPersistentVolumeClaim(
      {
        name: 'patch-1',
        namespace: 'payments',
        body: { metadata: { annotations: { a: null, b: '2' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(merge.metadata?.annotations).toEqual({ b: '2' });
    const strategic = await core.patchNamespacedPersistentVolumeClaim(
      {
        name: 'patch-1',
        namespace: 'payments',
        body: { metadata: { finalizers: ['example.com/hold'] } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(strategic.metadata?.finalizers).toEqual([
      'kubernetes.io/pvc-protection',
      'example.com/hold',
    ]);
  });

  it('binds, expands a mounted volume online, recovers from a failed expansion, and waits for a mount when none uses the claim', async () => {
    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'analytics',
      body: pvcManifest('grow-1', 'gp3') as V1PersistentVolumeClaim,
    });
    await core.createNamespacedPod({
      namespace: 'analytics',
      body: podManifest('grow-pod', 'grow-1'),
    });
    await eventually(
      async () =>
        (
          await core.readNamespacedPod({
            name: 'grow-pod',
            namespace: 'analytics',
          })
        ).status?.phase === 'Running',
    );
    const bound = await core.readNamespacedPersistentVolumeClaim({
      name: 'grow-1',
      namespace: 'analytics',
    });
    expect(bound.metadata?.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'volume.kubernetes.io/selected-node': expect.stringMatching(/^ip-/),
      'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
    });
    const pv = await core.readPersistentVolume({
      name: bound.spec!.volumeName!,
    });
    expect(
      pv.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]
        .matchExpressions?.[0].key,
    ).toBe('topology.kubernetes.io/zone');

    const shrink = await status(
      core.patchNamespacedPersistentVolumeClaim(
        {
          name: 'grow-1',
          namespace: 'analytics',
          body: { spec: { resources: { requests: { storage: '5Gi' } } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(shrink.body.message).toContain(
      'spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );

    await core.patchNamespacedPersistentVolumeClaim(
      {
        name: 'grow-1',
        namespace: 'analytics',
        body: { spec: { resources: { requests: { storage: '20Gi' } } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const read = () =>
      core.readNamespacedPersistentVolumeClaim({
        name: 'grow-1',
        namespace: 'analytics',
      });
    const podUid = (
      await core.readNamespacedPod({ name: 'grow-pod', namespace: 'analytics' })
    ).metadata?.uid;
    // The EBS driver expands the file system of a mounted volume online: the
    // kubelet's volume manager calls NodeExpandVolume for the running pod
    // (pkg/kubelet/volumemanager, operation_generator GenerateExpandInUseVolumeFunc).
    const grown = await eventually(async () => {
      const c = await read();
      return c.status?.capacity?.storage === '20Gi' && c;
    });
    expect(grown.status?.conditions ?? []).toEqual([]);
    expect(grown.status?.allocatedResourceStatuses).toBeUndefined();
    expect(
      (
        await core.readNamespacedPod({
          name: 'grow-pod',
          namespace: 'analytics',
        })
      ).metadata?.uid,
    ).toBe(podUid);
    const events = await core.listNamespacedEvent({
      namespace: 'analytics',
      fieldSelector: 'involvedObject.name=grow-1',
    });
    expect(events.items.map(e => e.reason)).toContain(
      'FileSystemResizeSuccessful',
    );

    // EBS allows one modification per volume every six hours.
    const patch = (storage: string) =>
      core.patchNamespacedPersistentVolumeClaim(
        {
          name: 'grow-1',
          namespace: 'analytics',
          body: { spec: { resources: { requests: { storage } } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
    await patch('30Gi');
    const failed = await eventually(async () =>
      (
        await read()
      ).status?.conditions?.find(x => x.type === 'ControllerResizeError'),
    );
    expect(failed.message).toContain('VolumeModificationRateExceeded');
    // RecoverVolumeExpansionFailure (on by default in 1.32): the request may
    // go back down, as long as it stays above status.capacity.
    const tooSmall = await status(patch('20Gi'));
    expect(tooSmall.code).toBe(422);
    expect(tooSmall.body.message).toContain(
      'field can not be less than status.capacity',
    );
    await patch('25Gi');
    sim.faults.advanceClock(6 * 3600 * 1000 + 1000);
    await eventually(
      async () => (await read()).status?.capacity?.storage === '25Gi',
      8000,
    );

    // Nothing mounts the claim: the file system waits for the next mount.
    await core.deleteNamespacedPod({
      name: 'grow-pod',
      namespace: 'analytics',
    });
    await eventually(
      async () =>
        (
          await status(
            core.readNamespacedPod({
              name: 'grow-pod',
              namespace: 'analytics',
            }),
          )
        ).code === 404,
    );
    sim.faults.advanceClock(6 * 3600 * 1000 + 1000);
    await patch('40Gi');
    const pending = await eventually(async () => {
      const c = await read();
      return c.status?.conditions?.find(
        x => x.type === 'FileSystemResizePending',
      )
        ? c
        : undefined;
    });
    expect(pending.status?.capacity?.storage).toBe('25Gi');
    expect(pending.status?.allocatedResourceStatuses?.storage).toBe(
      'NodeResizePending',
    );
    await new Promise(resolve => setTimeout(resolve, 200));
    expect((await read()).status?.capacity?.storage).toBe('25Gi');
    await core.createNamespacedPod({
      namespace: 'analytics',
      body: podManifest('grow-pod', 'grow-1'),
    });
    await eventually(
      async () => (await read()).status?.capacity?.storage === '40Gi',
    );
  });

  it('refuses to expand a claim whose class does not allow expansion', async () => {
    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'checkout',
      body: {
        ...pvcManifest('efs-fixed', 'efs'),
        spec: {
          ...pvcManifest('efs-fixed', 'efs').spec,
          accessModes: ['ReadWriteMany'],
        },
      } as V1PersistentVolumeClaim,
    });
    await eventually(
      async () =>
        (
          await core.readNamespacedPersistentVolumeClaim({
            name: 'efs-fixed',
            namespace: 'checkout',
          })
        ).status?.phase === 'Bound',
    );
    const refused = await status(
      core.patchNamespacedPersistentVolumeClaim(
        {
          name: 'efs-fixed',
          namespace: 'checkout',
          body: { spec: { resources: { requests: { storage: '50Gi' } } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(refused).toMatchObject({
      code: 403,
      body: {
        reason: 'Forbidden',
        message:
          'persistentvolumeclaims "efs-fixed" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
      },
    });
  });

  it('takes a snapshot and restores it into a new claim', async () => {
    const custom = sim.kubeConfig.makeApiClient(CustomObjectsApi);
    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: pvcManifest('snap-src', 'gp3-immediate') as V1PersistentVolumeClaim,
    });
    await eventually(
      async () =>
        (
          await core.readNamespacedPersistentVolumeClaim({
            name: 'snap-src',
            namespace: 'payments',
          })
        ).status?.phase === 'Bound',
    );
    await custom.createNamespacedCustomObject({
      group: 'snapshot.storage.k8s.io',
      version: 'v1',
      namespace: 'payments',
      plural: 'volumesnapshots',
      body: {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshot',
        metadata: { name: 'snap-1' },
        spec: { source: { persistentVolumeClaimName: 'snap-src' } },
      },
    });
    const ready: any = await eventually(async () => {
      const s: any = await custom.getNamespacedCustomObject({
        group: 'snapshot.storage.k8s.io',
        version: 'v1',
        namespace: 'payments',
        plural: 'volumesnapshots',
        name: 'snap-1',
      });
      return s.status?.readyToUse ? s : undefined;
    });
    expect(ready.status).toMatchObject({
      restoreSize: '10Gi',
      boundVolumeSnapshotContentName: expect.stringMatching(/^snapcontent-/),
    });

    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: pvcManifest('restored', 'gp3-immediate', '10Gi', {
        dataSource: {
          apiGroup: 'snapshot.storage.k8s.io',
          kind: 'VolumeSnapshot',
          name: 'snap-1',
        },
      }) as V1PersistentVolumeClaim,
    });
    await eventually(
      async () =>
        (
          await core.readNamespacedPersistentVolumeClaim({
            name: 'restored',
            namespace: 'payments',
          })
        ).status?.phase === 'Bound',
    );

    await core.createNamespacedPersistentVolumeClaim({
      namespace: 'payments',
      body: pvcManifest('restored-missing', 'gp3-immediate', '10Gi', {
        dataSource: {
          apiGroup: 'snapshot.storage.k8s.io',
          kind: 'VolumeSnapshot',
          name: 'no-such-snapshot',
        },
      }) as V1PersistentVolumeClaim,
    });
    const failure = await eventually(async () => {
      const events = await core.listNamespacedEvent({
        namespace: 'payments',
        fieldSelector:
          'involvedObject.name=restored-missing,reason=ProvisioningFailed',
      });
      return events.items[0];
    });
    expect(failure.message).toContain(
      'volumesnapshots.snapshot.storage.k8s.io "no-such-snapshot" not found',
    );
  });

  it('creates StatefulSet pods and ordinal claims from volumeClaimTemplates', async () => {
    const apps = sim.kubeConfig.makeApiClient(AppsV1Api);
    const labels = { app: 'kafka' };
    await apps.createNamespacedStatefulSet({
      namespace: 'analytics',
      body: {
        metadata: { name: 'kafka' },
        spec: {
          replicas: 3,
          serviceName: 'kafka',
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: { containers: [{ name: 'kafka', image: 'kafka:3.7' }] },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: 'data' },
              spec: {
                accessModes: ['ReadWriteOnce'],
                storageClassName: 'gp3',
                resources: { requests: { storage: '10Gi' } },
              },
            },
          ],
        },
      },
    });
    await eventually(
      async () =>
        (
          await apps.readNamespacedStatefulSet({
            name: 'kafka',
            namespace: 'analytics',
          })
        ).status?.readyReplicas === 3,
      8000,
    );
    const claims = await core.listNamespacedPersistentVolumeClaim({
      namespace: 'analytics',
      labelSelector: 'app=kafka',
    });
    expect(claims.items.map(c => [c.metadata?.name, c.status?.phase])).toEqual([
      ['data-kafka-0', 'Bound'],
      ['data-kafka-1', 'Bound'],
      ['data-kafka-2', 'Bound'],
    ]);
    const pods = await core.listNamespacedPod({
      namespace: 'analytics',
      labelSelector: 'app=kafka',
    });
    const zones = new Set(pods.items.map(p => p.spec?.nodeName));
    expect(zones.size).toBe(3);
  });

  it('answers 401 without a token and 403 outside the allowed rules', async () => {
    const secured = await withSim({
      scenario: 'empty',
      auth: {
        mode: 'tokens',
        users: [
          {
            name: 'dev',
            token: 'dev-token',
            rules: [
              {
                verbs: ['get', 'list', 'watch'],
                resources: ['persistentvolumeclaims'],
                namespaces: ['payments'],
              },
            ],
          },
        ],
      },
      kubeconfigToken: 'dev-token',
    });
    try {
      const devCore = secured.kubeConfig.makeApiClient(CoreV1Api);
      await expect(
        devCore.listNamespacedPersistentVolumeClaim({ namespace: 'payments' }),
      ).resolves.toBeDefined();
      const denied = await status(
        devCore.listNamespacedPersistentVolumeClaim({ namespace: 'checkout' }),
      );
      expect(denied).toMatchObject({
        code: 403,
        body: {
          reason: 'Forbidden',
          message:
            'persistentvolumeclaims is forbidden: User "dev" cannot list resource "persistentvolumeclaims" in API group "" in the namespace "checkout"',
        },
      });
      const anonymous = new KubeConfig();
      anonymous.loadFromClusterAndUser(
        { name: 'c', server: secured.url, skipTLSVerify: true },
        { name: 'nobody' },
      );
      const unauthorized = await status(
        anonymous
          .makeApiClient(CoreV1Api)
          .listNamespacedPersistentVolumeClaim({ namespace: 'payments' }),
      );
      expect(unauthorized.code).toBe(401);
      const raw = await fetch(
        `${secured.url}/api/v1/namespaces/payments/persistentvolumeclaims`,
        { headers: { Authorization: 'Bearer wrong' } },
      );
      expect(raw.status).toBe(401);
      expect(await raw.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    } finally {
      await secured.close();
    }
  });

  it('serves HTTPS verifiable with the kubeconfig CA', async () => {
    const secure = await withSim({ https: true, scenario: 'none' });
    try {
      expect(secure.url).toMatch(/^https:/);
      expect(secure.kubeconfig).toContain('certificate-authority-data');
      const namespaces = await secure.kubeConfig
        .makeApiClient(CoreV1Api)
        .listNamespace();
      expect(namespaces.items).toEqual([]);
    } finally {
      await secure.close();
    }
    // Generating the CA's RSA key takes seconds on a busy machine.
  }, 30_000);
});
