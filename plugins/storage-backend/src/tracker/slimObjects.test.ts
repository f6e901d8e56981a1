import { diagnose } from '@eks-storage/backstage-plugin-storage-common';
import {
  CoreV1Event,
  KubernetesObject,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
} from '@kubernetes/client-node';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import { ClusterCache } from './ClusterCache';
import { detailOf, diagnosisInputOf, summarizeClaim } from './claimView';
import { slimObject, timeText } from './slimObjects';

jest.setTimeout(60_000);

type Lists = Record<string, KubernetesObject[]>;

/** The informer names of the cache, and where the API server lists them. */
const SOURCES: Array<[string, string, string]> = [
  [
    'PersistentVolumeClaim',
    'PersistentVolumeClaim',
    '/api/v1/persistentvolumeclaims',
  ],
  ['PersistentVolume', 'PersistentVolume', '/api/v1/persistentvolumes'],
  ['StorageClass', 'StorageClass', '/apis/storage.k8s.io/v1/storageclasses'],
  ['CSIDriver', 'CSIDriver', '/apis/storage.k8s.io/v1/csidrivers'],
  ['Node', 'Node', '/api/v1/nodes'],
  ['Pod', 'Pod', '/api/v1/pods'],
  [
    'Event/claim',
    'Event',
    '/api/v1/events?fieldSelector=involvedObject.kind%3DPersistentVolumeClaim',
  ],
  [
    'Event/pod',
    'Event',
    '/api/v1/events?fieldSelector=involvedObject.kind%3DPod,type%3DWarning',
  ],
  [
    'VolumeSnapshot',
    'VolumeSnapshot',
    '/apis/snapshot.storage.k8s.io/v1/volumesnapshots',
  ],
];

/** A stand-in for ClusterCache over fixed lists (what ClusterIndex reads). */
function cacheOf(lists: Lists): ClusterCache {
  const list = (kind: string, namespace?: string) =>
    (lists[kind] ?? []).filter(
      o => !namespace || o.metadata?.namespace === namespace,
    );
  return {
    list,
    get: (kind: string, name: string, namespace?: string) =>
      list(kind, namespace).find(o => o.metadata?.name === name),
  } as unknown as ClusterCache;
}

/** JSON as a page would get it: Dates as the API server's text. */
const plain = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value, function replacer(this: any, key, v) {
      return this[key] instanceof Date ? timeText(this[key]) : v;
    }),
  );

describe('slimmed cache objects', () => {
  let sim: EksSim;
  const raw: Lists = {};
  const slim: Lists = {};

  beforeAll(async () => {
    // The demo scenario has a claim in most states the diagnosis knows.
    sim = await startEksSim({ scenario: 'demo', clusterName: 'eks-dev' });
    // A snapshot of a bound claim, cut before the lists are read.
    await fetch(
      `${sim.url}/apis/snapshot.storage.k8s.io/v1/namespaces/payments/volumesnapshots`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'snapshot.storage.k8s.io/v1',
          kind: 'VolumeSnapshot',
          metadata: { name: 'ledger-nightly' },
          spec: { source: { persistentVolumeClaimName: 'payments-ledger' } },
        }),
      },
    );
    for (const [name, kind, path] of SOURCES) {
      const body: any = await (await fetch(`${sim.url}${path}`)).json();
      raw[name] = body.items;
      // Slimmed from a copy: slimming must not need to change its input.
      slim[name] = structuredClone(body.items).map((o: KubernetesObject) =>
        slimObject(kind, o),
      );
    }
  });

  afterAll(() => sim?.close());

  it('diagnose, summarize and show every claim as the objects the API server returns do', () => {
    const now = new Date();
    const rawCache = cacheOf(raw);
    const slimCache = cacheOf(slim);
    expect(raw.PersistentVolumeClaim.length).toBeGreaterThan(8);
    for (const [i, pvc] of raw.PersistentVolumeClaim.entries()) {
      const fromRaw = diagnosisInputOf(rawCache, pvc, now);
      const fromSlim = diagnosisInputOf(
        slimCache,
        slim.PersistentVolumeClaim[i] as V1PersistentVolumeClaim,
        now,
      );
      const diagnosis = diagnose(fromRaw);
      expect(diagnose(fromSlim)).toEqual(diagnosis);
      const summary = summarizeClaim('eks-dev', fromRaw, diagnosis);
      expect(summarizeClaim('eks-dev', fromSlim, diagnosis)).toEqual(summary);
      // The claim's own time text, when the API server wrote it in UTC.
      expect(summary.createdAt).toBe(
        timeText(new Date(String(pvc.metadata?.creationTimestamp))),
      );
      const { manifest, ...detail } = plain(detailOf(summary, fromRaw));
      const { manifest: slimManifest, ...slimDetail } = plain(
        detailOf(summary, fromSlim),
      );
      expect(slimDetail).toEqual(detail);
      // The claim's page shows its manifest without the server's bookkeeping.
      expect(slimManifest.apiVersion).toBe(manifest.apiVersion);
      expect(slimManifest.kind).toBe(manifest.kind);
      expect(slimManifest.spec).toEqual(manifest.spec);
      expect(slimManifest.status).toEqual(manifest.status);
      expect(slimManifest.metadata.labels).toEqual(manifest.metadata.labels);
      expect(slimManifest.metadata.managedFields).toBeUndefined();
    }
  });

  it('keeps what the platform console reads of volumes, snapshots and pods', () => {
    for (const [i, pv] of (
      raw.PersistentVolume as V1PersistentVolume[]
    ).entries()) {
      const kept = slim.PersistentVolume[i] as V1PersistentVolume;
      expect(kept.status?.phase).toBe(pv.status?.phase);
      expect(kept.spec?.persistentVolumeReclaimPolicy).toBe(
        pv.spec?.persistentVolumeReclaimPolicy,
      );
      expect(kept.spec?.claimRef?.name).toBe(pv.spec?.claimRef?.name);
      expect(kept.spec?.claimRef?.namespace).toBe(pv.spec?.claimRef?.namespace);
      expect(kept.spec?.claimRef?.uid).toBe(pv.spec?.claimRef?.uid);
      expect(kept.spec?.capacity).toEqual(pv.spec?.capacity);
      expect(kept.spec?.csi).toEqual(pv.spec?.csi);
      expect(kept.spec?.storageClassName).toBe(pv.spec?.storageClassName);
      expect(kept.spec?.nodeAffinity).toEqual(pv.spec?.nodeAffinity);
      expect(kept.metadata?.labels).toEqual(pv.metadata?.labels);
      expect(kept.metadata?.annotations).toEqual(pv.metadata?.annotations);
    }
    // When a volume was made and left behind; Bound ones do not need it.
    const volumes = raw.PersistentVolume as V1PersistentVolume[];
    const leftBehind = [...volumes.keys()].filter(
      i => volumes[i].status?.phase !== 'Bound',
    );
    expect(leftBehind.length).toBeGreaterThan(0);
    const times = (pv: V1PersistentVolume) => [
      timeText(pv.metadata?.creationTimestamp),
      timeText(pv.status?.lastPhaseTransitionTime),
    ];
    expect(
      leftBehind.map(i =>
        times(slim.PersistentVolume[i] as V1PersistentVolume),
      ),
    ).toEqual(leftBehind.map(i => times(volumes[i])));
    expect(raw.VolumeSnapshot.length).toBeGreaterThan(0);
    for (const [i, snapshot] of raw.VolumeSnapshot.entries()) {
      const { spec, status } = slim.VolumeSnapshot[i] as any;
      expect(spec.source).toEqual((snapshot as any).spec.source);
      for (const field of ['readyToUse', 'creationTime', 'restoreSize']) {
        expect(status?.[field]).toEqual((snapshot as any).status?.[field]);
      }
    }
    for (const [i, pod] of (raw.Pod as V1Pod[]).entries()) {
      const kept = slim.Pod[i] as V1Pod;
      const claims = (p: V1Pod) =>
        (p.spec?.volumes ?? []).flatMap(v =>
          v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
        );
      expect(claims(kept)).toEqual(claims(pod));
      expect(kept.spec?.nodeName).toBe(pod.spec?.nodeName);
      expect(kept.status?.phase).toBe(pod.status?.phase);
      expect(kept.spec?.containers).toBeUndefined();
    }
    // The console names the workload of a pod mounting a claim.
    const owner = (p: V1Pod) => {
      const first = p.metadata?.ownerReferences?.[0];
      return first && `${first.kind}/${first.name}`;
    };
    const pods = raw.Pod as V1Pod[];
    const mounting = [...pods.keys()].filter(i =>
      pods[i].spec?.volumes?.some(v => v.persistentVolumeClaim),
    );
    expect(mounting.map(i => owner(slim.Pod[i] as V1Pod))).toEqual(
      mounting.map(i => owner(pods[i])),
    );
    for (const event of slim['Event/claim'] as CoreV1Event[]) {
      expect(event.involvedObject.name).toBeTruthy();
      expect(event.reason).toBeTruthy();
    }
  });

  it('writes timestamps as the API server does, from Dates and text alike', () => {
    const at = '2026-11-01T09:00:00Z';
    const fromDate = slimObject('PersistentVolumeClaim', {
      metadata: { name: 'v', creationTimestamp: new Date(at) },
    } as V1PersistentVolumeClaim);
    const fromText = slimObject('PersistentVolumeClaim', {
      metadata: { name: 'v', creationTimestamp: at as any },
    } as V1PersistentVolumeClaim);
    expect(fromDate.metadata?.creationTimestamp).toBe(at);
    expect(fromText).toEqual(fromDate);
  });

  it("keeps a pod's workload, and what few claims and volumes have", () => {
    const pod = (name: string) =>
      slimObject('Pod', {
        metadata: {
          name,
          namespace: 'payments',
          labels: { app: 'ledger' },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'StatefulSet',
              name: 'ledger',
              uid: 'u1',
              controller: true,
            },
          ],
        },
        spec: {
          containers: [{ name: 'db' }],
          volumes: [
            {
              name: 'data',
              persistentVolumeClaim: {
                claimName: `data-${name}`,
                readOnly: true,
              },
            },
          ],
          nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1a' },
        },
        status: { phase: 'Pending', reason: 'Unschedulable' },
      } as V1Pod);
    const [a, b] = [pod('ledger-0'), pod('ledger-1')];
    expect(plain(a)).toEqual({
      metadata: {
        name: 'ledger-0',
        namespace: 'payments',
        ownerReferences: [
          { kind: 'StatefulSet', name: 'ledger', controller: true },
        ],
      },
      spec: {
        nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1a' },
        volumes: [
          {
            name: 'data',
            persistentVolumeClaim: {
              claimName: 'data-ledger-0',
              readOnly: true,
            },
          },
        ],
      },
      status: { phase: 'Pending', reason: 'Unschedulable' },
    });
    // The pods of one workload share one owner list and one status.
    expect(a.metadata?.ownerReferences).toBe(b.metadata?.ownerReferences);
    expect(a.status).toBe(b.status);

    const deleting = slimObject('PersistentVolumeClaim', {
      metadata: {
        name: 'c',
        namespace: 'payments',
        generation: 2,
        deletionTimestamp: new Date('2026-11-01T09:00:00Z'),
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'StatefulSet',
            name: 'ledger',
            uid: 'u1',
          },
        ],
      },
      spec: {
        dataSource: {
          kind: 'VolumeSnapshot',
          name: 'nightly',
          apiGroup: 'snapshot.storage.k8s.io',
        },
      },
    } as V1PersistentVolumeClaim);
    expect(plain(deleting)).toEqual({
      metadata: {
        name: 'c',
        namespace: 'payments',
        generation: 2,
        deletionTimestamp: '2026-11-01T09:00:00Z',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'StatefulSet',
            name: 'ledger',
            uid: 'u1',
          },
        ],
      },
      spec: {
        dataSource: {
          kind: 'VolumeSnapshot',
          name: 'nightly',
          apiGroup: 'snapshot.storage.k8s.io',
        },
      },
    });
    const released = slimObject('PersistentVolume', {
      metadata: { name: 'pv-1' },
      spec: { nfs: { server: 'fs-1.efs', path: '/' } },
      status: {
        phase: 'Released',
        lastPhaseTransitionTime: new Date('2026-11-01T09:00:00Z'),
      },
    } as V1PersistentVolume);
    expect(plain(released)).toEqual({
      metadata: { name: 'pv-1' },
      spec: { nfs: { server: 'fs-1.efs', path: '/' } },
      status: {
        phase: 'Released',
        lastPhaseTransitionTime: '2026-11-01T09:00:00Z',
      },
    });
  });

  it('drops the last-applied annotation and managed fields', () => {
    const claim = (name: string) =>
      slimObject('PersistentVolumeClaim', {
        metadata: {
          name,
          namespace: ['pay', 'ments'].join(''),
          labels: { app: ['web', 'shop'].join('-') },
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration': '{}',
            note: 'kept',
          },
          managedFields: [{ manager: 'kubectl' }],
        },
      } as V1PersistentVolumeClaim);
    const a = claim('a');
    expect(a.metadata).toEqual({
      name: 'a',
      namespace: 'payments',
      labels: { app: 'web-shop' },
      annotations: { note: 'kept' },
    });
    // Fields the object lacks are undefined slots (one shape for every
    // claim), which its JSON leaves out.
    expect(Object.keys(plain(a))).toEqual(['metadata']);
  });
});
