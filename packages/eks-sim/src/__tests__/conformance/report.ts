/**
 * What every client's lifecycle reports, and what kube-apiserver 1.32 would
 * answer: one set of expectations for kubectl, @kubernetes/client-node and
 * the official Python client. Each expectation names where the real
 * behaviour comes from.
 */
export type LifecycleReport = Record<string, any>;

export const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';

export function errorBody(body: any) {
  return { reason: body?.reason, message: body?.message };
}

/** Removes the expectations a client cannot express (`section.key`). */
function applicable<T extends Record<string, unknown>>(
  report: LifecycleReport,
  section: string,
  expected: T,
): Partial<T> {
  const skipped: string[] = report.notApplicable ?? [];
  return Object.fromEntries(
    Object.entries(expected).filter(
      ([key]) => !skipped.includes(`${section}.${key}`),
    ),
  ) as Partial<T>;
}

export function expectLifecycle(report: LifecycleReport) {
  // Create defaults: status.phase Pending and volumeMode Filesystem
  // (pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaimSpec), the
  // pvc-protection finalizer (plugin/pkg/admission/storage/storageobjectinuseprotection).
  expect(report.typedReads).toMatchObject({
    phase: 'Pending',
    volumeMode: 'Filesystem',
    finalizers: ['kubernetes.io/pvc-protection'],
    nodes: 3,
    nodesWithBootId: 3,
    version: expect.stringMatching(/^v1\.32\./),
  });
  expect(report.typedReads.storageClasses).toContain('gp3');

  // Label selector sets; unsupported field labels answer 400 with
  // apimachinery's DefaultMetaV1FieldSelectorConversion message
  // (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/get.go wraps it in NewBadRequest).
  expect(report.selectors).toEqual({
    byLabel: ['data'],
    byField: ['other'],
    badField: {
      code: 400,
      reason: 'BadRequest',
      message:
        '"spec.storageClassName" is not a known field selector: only "metadata.name", "metadata.namespace"',
    },
  });

  // Continued pages read etcd at the first page's revision
  // (storage/etcd3 store.go GetList with the continue token's RV): a claim
  // created or deleted between pages changes nothing after page one.
  // remainingItemCount is set for unfiltered lists only.
  expect(report.paging).toEqual({
    pages: [['p-a', 'p-b'], ['p-c', 'p-d'], ['p-e']],
    remainingItemCount: 3,
    sameResourceVersion: true,
    lastContinue: null,
    fresh: ['p-a', 'p-b', 'p-bb', 'p-c', 'p-d'],
  });

  // A watch from a list's resourceVersion starts after it ("Start at
  // Exact", API concepts: resource versions): the first event is the claim
  // created after the list, and it runs through Bound.
  expect(report.watch).toEqual({
    first: { type: 'ADDED', name: 'watched', phase: 'Pending' },
    names: ['watched'],
    bound: true,
  });

  // After compaction the watch gets one ERROR event with a 410 Status
  // (apiserver watch cache: "too old resource version"); a relist works.
  expect(report.expired).toEqual({
    code: 410,
    relistNewer: true,
    relistNames: ['data', 'other', 'watched'],
  });

  // JSON patch, merge patch, strategic merge patch (finalizers merge as a
  // set) and server-side apply with managed fields; an apply conflict is a
  // 409 naming the other manager, and apply without fieldManager is a 422
  // on PatchOptions (apimachinery meta/v1/validation ValidatePatchOptions).
  expect(report.patches).toMatchObject(
    applicable(report, 'patches', {
      labels: {
        conformance: 'lifecycle',
        tier: 'gold',
        'patched-by': 'json',
        owner: 'alice',
      },
      annotations: { merge: 'yes' },
      finalizers: ['kubernetes.io/pvc-protection', 'example.com/keep'],
      conflict: {
        code: 409,
        reason: 'Conflict',
        message:
          'Apply failed with 1 conflict: conflict with "alice": .metadata.labels.owner',
      },
      forcedOwner: 'bob',
      missingManager: {
        code: 422,
        reason: 'Invalid',
        message:
          'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      },
    }),
  );
  expect(report.patches.managers).toContain('alice');

  // Optimistic concurrency: a stale resourceVersion is a 409 Conflict
  // (apimachinery errors.NewConflict with registry's OptimisticLockErrorMsg).
  expect(report.conflict).toEqual({
    code: 409,
    reason: 'Conflict',
    message:
      'Operation cannot be fulfilled on persistentvolumeclaims "data": the object has been modified; please apply your changes to the latest version and try again',
  });

  // DELETE of an object with finalizers: 200 with the object carrying
  // deletionTimestamp (handlers/delete.go answers 202 only when the client
  // set orphanDependents=false); no finalizer may be added meanwhile
  // (ValidateObjectMetaUpdate).
  expect(report.finalizers).toEqual({
    deleteStatus: 200,
    deletionTimestampSet: true,
    addWhileDeleting: {
      code: 422,
      reason: 'Invalid',
      message:
        'PersistentVolumeClaim "held" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted',
    },
    goneAfterRemoval: true,
  });

  // The kubelet Summary API through the node proxy: the pod's claim-backed
  // volume with its pvcRef (k8s.io/kubelet/pkg/apis/stats/v1alpha1 VolumeStats).
  expect(report.volumeStats).toEqual({
    pvcRef: { name: 'data', namespace: expect.stringMatching(/^conf-/) },
    capacityBytes: 10 * 1024 ** 3,
    consistent: true,
  });

  // StorageObjectInUseProtection: a claim a pod uses stays Terminating.
  expect(report.protection).toEqual({
    deleteStatus: 200,
    terminatingWhileUsed: true,
    goneAfterPod: true,
  });

  // Restore: dataSource is mirrored into dataSourceRef on create
  // (pkg/api/persistentvolumeclaim NormalizeDataSources, since 1.24).
  expect(report.snapshot).toEqual({
    readyToUse: true,
    restoreSize: '8Gi',
    dataSourceRef: {
      apiGroup: SNAPSHOT_GROUP,
      kind: 'VolumeSnapshot',
      name: 'source-snap',
    },
    restoredPhase: 'Bound',
  });

  // Foreground deletion adds the foregroundDeletion finalizer
  // (genericregistry deletionFinalizersForGarbageCollection) and answers 200;
  // orphanDependents=false on an object that stays answers 202; an unknown
  // policy is a 422 on DeleteOptions (ValidateDeleteOptions); dryRun=All
  // answers as the delete would and changes nothing.
  expect(report.delete).toEqual(
    applicable(report, 'delete', {
      foregroundStatus: 200,
      foregroundFinalizer: true,
      orphanDependentsFalseStatus: 202,
      badPolicy: {
        code: 422,
        reason: 'Invalid',
        message:
          'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sometimes": supported values: "Foreground", "Background", "Orphan", "nil"',
      },
      dryRunStatus: 200,
      dryRunKept: true,
      snapshotGone: true,
    }),
  );
}
