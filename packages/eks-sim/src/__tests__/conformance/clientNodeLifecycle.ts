/**
 * The conformance lifecycle driven by @kubernetes/client-node: the same
 * steps and the same report as conformance/python_client.py.
 */
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  StorageV1Api,
  V1PersistentVolumeClaim,
  VersionApi,
  Watch,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { eventually } from '../helpers';
import { LifecycleReport, SNAPSHOT_GROUP, errorBody } from './report';

function claim(
  name: string,
  options: {
    storage?: string;
    labels?: Record<string, string>;
    dataSource?: Record<string, string>;
  } = {},
): V1PersistentVolumeClaim {
  return {
    metadata: {
      name,
      labels: options.labels ?? { conformance: 'lifecycle' },
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'gp3-immediate',
      resources: { requests: { storage: options.storage ?? '10Gi' } },
      ...(options.dataSource ? { dataSource: options.dataSource as any } : {}),
    },
  };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) {
      const body =
        typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
      return { code: error.code, ...errorBody(body) };
    }
    throw error;
  }
  return { code: null };
}

/** A raw request through the KubeConfig, for status codes the typed API hides. */
async function raw(
  kc: KubeConfig,
  method: string,
  path: string,
  body?: unknown,
) {
  const cluster = kc.getCurrentCluster()!;
  const init: RequestInit = {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  };
  const response = await fetch(`${cluster.server}${path}`, init);
  return { status: response.status, body: await response.json() };
}

export async function clientNodeLifecycle(
  kc: KubeConfig,
  ns: string,
): Promise<LifecycleReport> {
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const report: LifecycleReport = {};
  const pvc = (name: string) =>
    core.readNamespacedPersistentVolumeClaim({ name, namespace: ns });
  const gone = async (name: string) => (await failure(pvc(name))).code === 404;
  const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
  const mergePatch = (name: string, body: unknown) =>
    core.patchNamespacedPersistentVolumeClaim(
      { name, namespace: ns, body },
      merge,
    );
  const create = (body: V1PersistentVolumeClaim, namespace = ns) =>
    core.createNamespacedPersistentVolumeClaim({ namespace, body });

  await core.createNamespace({ body: { metadata: { name: ns } } });
  await core.createNamespace({ body: { metadata: { name: `${ns}-paging` } } });

  // Typed reads.
  const created = await create(
    claim('data', { labels: { conformance: 'lifecycle', tier: 'gold' } }),
  );
  const nodes = (await core.listNode()).items;
  report.typedReads = {
    phase: created.status?.phase,
    volumeMode: created.spec?.volumeMode,
    finalizers: created.metadata?.finalizers,
    nodes: nodes.length,
    nodesWithBootId: nodes.filter(n => n.status?.nodeInfo?.bootID).length,
    storageClasses: (
      await kc.makeApiClient(StorageV1Api).listStorageClass()
    ).items
      .map(sc => sc.metadata!.name!)
      .sort(),
    version: (await kc.makeApiClient(VersionApi).getCode()).gitVersion,
  };

  // Selectors.
  await create(
    claim('other', { labels: { conformance: 'lifecycle', tier: 'bronze' } }),
  );
  report.selectors = {
    byLabel: (
      await core.listNamespacedPersistentVolumeClaim({
        namespace: ns,
        labelSelector: 'conformance=lifecycle,tier in (gold)',
      })
    ).items.map(i => i.metadata!.name),
    byField: (
      await core.listPersistentVolumeClaimForAllNamespaces({
        fieldSelector: 'metadata.name=other',
      })
    ).items.map(i => i.metadata!.name),
    badField: await failure(
      core.listNamespacedPersistentVolumeClaim({
        namespace: ns,
        fieldSelector: 'spec.storageClassName=gp3',
      }),
    ),
  };

  // Paging across a concurrent write.
  const pagingNs = `${ns}-paging`;
  for (const name of ['p-a', 'p-b', 'p-c', 'p-d', 'p-e']) {
    await create(claim(name), pagingNs);
  }
  const page = (cont?: string) =>
    core.listNamespacedPersistentVolumeClaim({
      namespace: pagingNs,
      limit: 2,
      _continue: cont,
    });
  const first = await page();
  await create(claim('p-bb'), pagingNs);
  await core.deleteNamespacedPersistentVolumeClaim({
    name: 'p-e',
    namespace: pagingNs,
  });
  const second = await page(first.metadata?._continue);
  const third = await page(second.metadata?._continue);
  report.paging = {
    pages: [first, second, third].map(p => p.items.map(i => i.metadata!.name)),
    remainingItemCount: first.metadata?.remainingItemCount,
    sameResourceVersion:
      first.metadata?.resourceVersion === second.metadata?.resourceVersion &&
      second.metadata?.resourceVersion === third.metadata?.resourceVersion,
    lastContinue: third.metadata?._continue ?? null,
    fresh: (
      await core.listNamespacedPersistentVolumeClaim({ namespace: pagingNs })
    ).items.map(i => i.metadata!.name),
  };

  // Watch from a list's resourceVersion through Bound.
  const listed = await core.listNamespacedPersistentVolumeClaim({
    namespace: ns,
  });
  await create(claim('watched'));
  const events: Array<{ type: string; name: string; phase: string }> = [];
  const watch = new Watch(kc);
  const path = `/api/v1/namespaces/${ns}/persistentvolumeclaims`;
  const controller = await watch.watch(
    path,
    { resourceVersion: listed.metadata?.resourceVersion },
    (type, object) =>
      events.push({
        type,
        name: object?.metadata?.name,
        phase: object?.status?.phase,
      }),
    () => {},
  );
  await eventually(
    () => events.some(e => e.name === 'watched' && e.phase === 'Bound'),
    15_000,
  );
  controller.abort();
  report.watch = {
    first: events[0] ?? null,
    names: [...new Set(events.map(e => e.name))].sort(),
    bound: true,
  };

  // 410 after compaction, then relist.
  const old = listed.metadata!.resourceVersion!;
  await raw(kc, 'POST', '/_sim/faults/restart', {});
  let code: number | null = null;
  let closed = false;
  await watch.watch(
    path,
    { resourceVersion: old },
    (type, object) => {
      if (type === 'ERROR') code = object?.code;
    },
    () => {
      closed = true;
    },
  );
  await eventually(() => closed);
  const relisted = await core.listNamespacedPersistentVolumeClaim({
    namespace: ns,
  });
  report.expired = {
    code,
    relistNewer: Number(relisted.metadata?.resourceVersion) > Number(old),
    relistNames: relisted.items.map(i => i.metadata!.name).sort(),
  };

  // Patch types and server-side apply.
  await core.patchNamespacedPersistentVolumeClaim({
    name: 'data',
    namespace: ns,
    body: [{ op: 'add', path: '/metadata/labels/patched-by', value: 'json' }],
  });
  await mergePatch('data', { metadata: { annotations: { merge: 'yes' } } });
  const strategic = await core.patchNamespacedPersistentVolumeClaim(
    {
      name: 'data',
      namespace: ns,
      body: { metadata: { finalizers: ['example.com/keep'] } },
    },
    setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
  );
  const apply = (owner: string, fieldManager?: string, force?: boolean) =>
    core.patchNamespacedPersistentVolumeClaim(
      {
        name: 'data',
        namespace: ns,
        body: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'data', labels: { owner } },
        },
        fieldManager,
        force,
      },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
  const applied = await apply('alice', 'alice');
  const conflict = await failure(apply('bob', 'bob'));
  const forced = await apply('bob', 'bob', true);
  const missingManager = await failure(apply('carol'));
  await mergePatch('data', {
    metadata: { finalizers: ['kubernetes.io/pvc-protection'] },
  });
  report.patches = {
    labels: applied.metadata?.labels,
    annotations: { merge: applied.metadata?.annotations?.merge },
    finalizers: strategic.metadata?.finalizers,
    managers: [
      ...new Set((applied.metadata?.managedFields ?? []).map(m => m.manager)),
    ].sort(),
    conflict,
    forcedOwner: forced.metadata?.labels?.owner,
    missingManager,
  };

  // Optimistic concurrency.
  const current = await pvc('data');
  const stale = await pvc('data');
  current.metadata!.labels!.round = '1';
  await core.replaceNamespacedPersistentVolumeClaim({
    name: 'data',
    namespace: ns,
    body: current,
  });
  stale.metadata!.labels!.round = '2';
  report.conflict = await failure(
    core.replaceNamespacedPersistentVolumeClaim({
      name: 'data',
      namespace: ns,
      body: stale,
    }),
  );

  // Finalizers.
  await create(claim('held'));
  await mergePatch('held', {
    metadata: {
      finalizers: ['kubernetes.io/pvc-protection', 'example.com/hold'],
    },
  });
  const heldPath = `/api/v1/namespaces/${ns}/persistentvolumeclaims/held`;
  const deletedHeld = await raw(kc, 'DELETE', heldPath);
  const terminating = await pvc('held');
  const addWhileDeleting = await failure(
    mergePatch('held', {
      metadata: {
        finalizers: [
          'kubernetes.io/pvc-protection',
          'example.com/hold',
          'example.com/late',
        ],
      },
    }),
  );
  await mergePatch('held', { metadata: { finalizers: null } });
  await eventually(() => gone('held'));
  report.finalizers = {
    deleteStatus: deletedHeld.status,
    deletionTimestampSet:
      Boolean(deletedHeld.body.metadata?.deletionTimestamp) &&
      Boolean(terminating.metadata?.deletionTimestamp),
    addWhileDeleting,
    goneAfterRemoval: true,
  };

  // Protection: a claim in use stays until its pod goes.
  await core.createNamespacedPod({
    namespace: ns,
    body: {
      metadata: { name: 'user' },
      spec: {
        containers: [{ name: 'app', image: 'busybox:1.36' }],
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        ],
      },
    },
  });
  await eventually(
    async () =>
      (
        await core.readNamespacedPod({ name: 'user', namespace: ns })
      ).status?.phase === 'Running',
  );
  await eventually(async () => (await pvc('data')).status?.phase === 'Bound');
  const node = (await core.readNamespacedPod({ name: 'user', namespace: ns }))
    .spec!.nodeName!;
  // Typed as a string, the answer arrives already parsed from JSON.
  const answer: unknown = await core.connectGetNodeProxyWithPath({
    name: node,
    path: 'stats/summary',
  });
  const summary: any = typeof answer === 'string' ? JSON.parse(answer) : answer;
  const volume = summary.pods
    .filter((p: any) => p.podRef.name === 'user')
    .flatMap((p: any) => p.volume)[0];
  report.volumeStats = {
    pvcRef: volume.pvcRef,
    capacityBytes: volume.capacityBytes,
    consistent:
      volume.usedBytes + volume.availableBytes === volume.capacityBytes &&
      volume.inodesUsed + volume.inodesFree === volume.inodes,
  };
  const deletedData = await raw(
    kc,
    'DELETE',
    `/api/v1/namespaces/${ns}/persistentvolumeclaims/data`,
  );
  await new Promise(resolve => setTimeout(resolve, 300));
  const held = await pvc('data');
  await core.deleteNamespacedPod({
    name: 'user',
    namespace: ns,
    gracePeriodSeconds: 0,
  });
  await eventually(() => gone('data'));
  report.protection = {
    deleteStatus: deletedData.status,
    terminatingWhileUsed:
      Boolean(held.metadata?.deletionTimestamp) &&
      (held.metadata?.finalizers ?? []).includes(
        'kubernetes.io/pvc-protection',
      ),
    goneAfterPod: true,
  };

  // Snapshot and restore through custom objects.
  await create(claim('source', { storage: '8Gi' }));
  await eventually(async () => (await pvc('source')).status?.phase === 'Bound');
  const snapshotRef = {
    group: SNAPSHOT_GROUP,
    version: 'v1',
    namespace: ns,
    plural: 'volumesnapshots',
  };
  await custom.createNamespacedCustomObject({
    ...snapshotRef,
    body: {
      apiVersion: `${SNAPSHOT_GROUP}/v1`,
      kind: 'VolumeSnapshot',
      metadata: { name: 'source-snap' },
      spec: {
        volumeSnapshotClassName: 'ebs-snapshots',
        source: { persistentVolumeClaimName: 'source' },
      },
    },
  });
  const snap: any = await eventually(async () => {
    const s: any = await custom.getNamespacedCustomObject({
      ...snapshotRef,
      name: 'source-snap',
    });
    return s.status?.readyToUse && s;
  }, 15_000);
  const restored = await create(
    claim('restored', {
      storage: '8Gi',
      dataSource: {
        apiGroup: SNAPSHOT_GROUP,
        kind: 'VolumeSnapshot',
        name: 'source-snap',
      },
    }),
  );
  await eventually(
    async () => (await pvc('restored')).status?.phase === 'Bound',
    15_000,
  );
  const ref = restored.spec?.dataSourceRef;
  report.snapshot = {
    readyToUse: snap.status.readyToUse,
    restoreSize: snap.status.restoreSize,
    dataSourceRef: ref
      ? { apiGroup: ref.apiGroup, kind: ref.kind, name: ref.name }
      : null,
    restoredPhase: 'Bound',
  };

  // Delete semantics.
  const claimPath = (name: string) =>
    `/api/v1/namespaces/${ns}/persistentvolumeclaims/${name}`;
  await create(claim('fg'));
  const fg = await raw(kc, 'DELETE', claimPath('fg'), {
    propagationPolicy: 'Foreground',
  });
  await eventually(() => gone('fg'));
  await create(claim('od'));
  const od = await raw(kc, 'DELETE', claimPath('od'), {
    orphanDependents: false,
  });
  await eventually(() => gone('od'));
  const badPolicy = await failure(
    core.deleteNamespacedPersistentVolumeClaim({
      name: 'restored',
      namespace: ns,
      propagationPolicy: 'Sometimes',
    }),
  );
  const dry = await raw(kc, 'DELETE', `${claimPath('restored')}?dryRun=All`);
  const dryRunKept = !(await gone('restored'));
  await core.deleteNamespacedPersistentVolumeClaim({
    name: 'restored',
    namespace: ns,
  });
  await custom.deleteNamespacedCustomObject({
    ...snapshotRef,
    name: 'source-snap',
  });
  await eventually(async () => {
    const list: any = await custom.listNamespacedCustomObject(snapshotRef);
    return !list.items.some((s: any) => s.metadata.name === 'source-snap');
  });
  report.delete = {
    foregroundStatus: fg.status,
    foregroundFinalizer: (fg.body.metadata?.finalizers ?? []).includes(
      'foregroundDeletion',
    ),
    orphanDependentsFalseStatus: od.status,
    badPolicy,
    dryRunStatus: dry.status,
    dryRunKept,
    snapshotGone: true,
  };
  return report;
}
