/**
 * A fleet of realistic storage objects loaded straight into a simulated
 * cluster's store: per claim a PVC as the API server returns it (labels,
 * annotations, finalizers, managedFields, the last-applied annotation a
 * `kubectl apply` leaves), its bound CSI volume and one running pod using
 * it; for every tenth claim its two provisioning events (events live an
 * hour, so in a steady fleet only recent claims have any) and a
 * VolumeSnapshot. Names, uids and times differ per claim as they do in a
 * cluster. Consistent, so the simulator's controllers find nothing to do.
 */
import { randomUUID } from 'node:crypto';
import type { EksSim } from '../../packages/eks-sim/src/sim';
import { kindByName, resourceKey } from '../../packages/eks-sim/src/kinds';

export interface FleetOptions {
  /** Claims in this cluster. */
  claims: number;
  /** Entities (`backstage.io/kubernetes-id: app-<n>`); claim i belongs to app-(i mod entities). */
  entities: number;
  /** Namespaces (`team-<n>`); entity n lives in team-(n mod namespaces). */
  namespaces: number;
  /** Offset of the first claim's number, so clusters hold different names. */
  offset?: number;
  /** Without pods, events and snapshots: claims and volumes only. */
  bare?: boolean;
  /** One claim in this many has its provisioning events (default 10; 1: all). */
  eventsEvery?: number;
}

export const entityId = (n: number) => `app-${String(n).padStart(3, '0')}`;
export const namespaceOf = (entity: number, namespaces: number) =>
  `team-${entity % namespaces}`;

/** Claim i was created i × 37 s after this; its volume, pod and events a second later. */
const FIRST_CLAIM = Date.parse('2026-01-05T09:00:00Z');
const timeOf = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

let timestamp = timeOf(FIRST_CLAIM);

function managed(manager: string, fields: object, subresource?: string) {
  return {
    manager,
    operation: 'Update',
    apiVersion: 'v1',
    time: timestamp,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    ...(subresource && { subresource }),
  };
}

function claimObjects(
  i: number,
  entity: number,
  namespace: string,
  node: { name: string; zone: string },
  bare: boolean,
  withEvents: boolean,
) {
  const created = FIRST_CLAIM + i * 37_000;
  timestamp = timeOf(created);
  const later = timeOf(created + 1000);
  const id = entityId(entity);
  const name = `data-${id}-${i}`;
  const claimUid = randomUUID();
  const volumeName = `pvc-${claimUid}`;
  const pod = `${id}-${i}`;
  const labels = {
    'backstage.io/kubernetes-id': id,
    'app.kubernetes.io/name': id,
    'app.kubernetes.io/instance': `${id}-prod`,
    'app.kubernetes.io/component': 'database',
  };
  const spec = {
    accessModes: ['ReadWriteOnce'],
    storageClassName: 'gp3',
    resources: { requests: { storage: `${10 + (i % 50)}Gi` } },
  };
  const pvc = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      labels,
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify({
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name, namespace, labels },
          spec,
        })}\n`,
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
        'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
        'volume.kubernetes.io/selected-node': node.name,
      },
      uid: claimUid,
      creationTimestamp: timestamp,
      finalizers: ['kubernetes.io/pvc-protection'],
      managedFields: [
        managed('kubectl-client-side-apply', {
          'f:metadata': {
            'f:annotations': {
              '.': {},
              'f:kubectl.kubernetes.io/last-applied-configuration': {},
            },
            'f:labels': Object.fromEntries(
              Object.keys(labels).map(k => [`f:${k}`, {}]),
            ),
          },
          'f:spec': {
            'f:accessModes': {},
            'f:resources': { 'f:requests': { '.': {}, 'f:storage': {} } },
            'f:storageClassName': {},
            'f:volumeMode': {},
          },
        }),
        managed('kube-controller-manager', {
          'f:metadata': {
            'f:annotations': {
              'f:pv.kubernetes.io/bind-completed': {},
              'f:pv.kubernetes.io/bound-by-controller': {},
              'f:volume.beta.kubernetes.io/storage-provisioner': {},
              'f:volume.kubernetes.io/storage-provisioner': {},
            },
          },
          'f:spec': { 'f:volumeName': {} },
        }),
        managed(
          'kube-controller-manager',
          {
            'f:status': {
              'f:accessModes': {},
              'f:capacity': { '.': {}, 'f:storage': {} },
              'f:phase': {},
            },
          },
          'status',
        ),
      ],
    },
    spec: { ...spec, volumeMode: 'Filesystem', volumeName },
    status: {
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: spec.resources.requests.storage },
    },
  };
  const pv = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeName,
      annotations: {
        'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com',
        'volume.kubernetes.io/provisioner-deletion-secret-name': '',
        'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
      },
      finalizers: [
        'external-provisioner.volume.kubernetes.io/finalizer',
        'kubernetes.io/pv-protection',
      ],
      uid: randomUUID(),
      creationTimestamp: later,
      managedFields: [
        managed('csi-provisioner', {
          'f:metadata': {
            'f:annotations': {
              'f:pv.kubernetes.io/provisioned-by': {},
              'f:volume.kubernetes.io/provisioner-deletion-secret-name': {},
              'f:volume.kubernetes.io/provisioner-deletion-secret-namespace':
                {},
            },
          },
          'f:spec': {
            'f:accessModes': {},
            'f:capacity': { 'f:storage': {} },
            'f:claimRef': { 'f:name': {}, 'f:namespace': {}, 'f:uid': {} },
            'f:csi': { 'f:driver': {}, 'f:fsType': {}, 'f:volumeHandle': {} },
            'f:nodeAffinity': { 'f:required': {} },
            'f:persistentVolumeReclaimPolicy': {},
            'f:storageClassName': {},
            'f:volumeMode': {},
          },
        }),
        managed(
          'kube-controller-manager',
          { 'f:status': { 'f:phase': {} } },
          'status',
        ),
      ],
    },
    spec: {
      persistentVolumeReclaimPolicy: 'Delete',
      volumeMode: 'Filesystem',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: spec.resources.requests.storage },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name,
        namespace,
        uid: claimUid,
        resourceVersion: '1',
      },
      csi: {
        driver: 'ebs.csi.aws.com',
        fsType: 'ext4',
        volumeAttributes: {
          'storage.kubernetes.io/csiProvisionerIdentity':
            '1795974268819-8081-ebs.csi.aws.com',
        },
        volumeHandle: `vol-${claimUid.replace(/-/g, '').slice(0, 17)}`,
      },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                {
                  key: 'topology.kubernetes.io/zone',
                  operator: 'In',
                  values: [node.zone],
                },
              ],
            },
          ],
        },
      },
      storageClassName: 'gp3',
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: later },
  };
  if (bare) return { pvc, pv, pods: [], events: [], snapshots: [] };

  const podUid = randomUUID();
  const podObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod,
      namespace,
      labels: {
        ...labels,
        'controller-revision-hash': `${id}-6d8f7c9b5`,
        'statefulset.kubernetes.io/pod-name': pod,
      },
      annotations: {
        'kubectl.kubernetes.io/restartedAt': timestamp,
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9187',
      },
      uid: podUid,
      creationTimestamp: timestamp,
      managedFields: [
        managed('kube-controller-manager', {
          'f:metadata': { 'f:labels': {} },
          'f:spec': { 'f:containers': {}, 'f:volumes': {} },
        }),
        managed(
          'kubelet',
          { 'f:status': { 'f:conditions': {}, 'f:containerStatuses': {} } },
          'status',
        ),
      ],
    },
    spec: {
      containers: [
        {
          name: 'postgres',
          image: 'postgres:16.4',
          ports: [{ containerPort: 5432, name: 'postgres', protocol: 'TCP' }],
          env: [
            { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
            { name: 'POSTGRES_DB', value: id },
          ],
          resources: {
            requests: { cpu: '250m', memory: '512Mi' },
            limits: { memory: '1Gi' },
          },
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/postgresql/data' },
            {
              name: 'kube-api-access',
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
          readinessProbe: {
            exec: { command: ['pg_isready', '-U', 'postgres'] },
            periodSeconds: 10,
          },
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      securityContext: { fsGroup: 999 },
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: name } },
        {
          name: 'kube-api-access',
          projected: {
            sources: [
              {
                serviceAccountToken: { expirationSeconds: 3607, path: 'token' },
              },
              {
                configMap: {
                  name: 'kube-root-ca.crt',
                  items: [{ key: 'ca.crt', path: 'ca.crt' }],
                },
              },
            ],
          },
        },
      ],
      nodeName: node.name,
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    },
    status: {
      phase: 'Running',
      qosClass: 'Burstable',
      conditions: [
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(type => ({
        type,
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: timestamp,
      })),
      hostIP: '192.168.3.118',
      podIP: `192.168.${(i >> 8) & 255}.${i & 255}`,
      startTime: timestamp,
      containerStatuses: [
        {
          name: 'postgres',
          image: 'postgres:16.4',
          imageID: `postgres:16.4@sha256:${'0'.repeat(64)}`,
          containerID: `containerd://${podUid.replace(/-/g, '')}`,
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: timestamp } },
        },
      ],
    },
  };
  const event = (reason: string, message: string, source: string) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${name}.${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      namespace,
      uid: randomUUID(),
      creationTimestamp: later,
    },
    involvedObject: {
      kind: 'PersistentVolumeClaim',
      namespace,
      name,
      uid: claimUid,
      apiVersion: 'v1',
      resourceVersion: '1',
    },
    reason,
    message,
    source: { component: source },
    firstTimestamp: later,
    lastTimestamp: later,
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: source,
    reportingInstance: '',
  });
  const provisioner =
    'ebs.csi.aws.com_ebs-csi-controller-7d9f8b6c5-x2k4q_6ddfbd1e-42e1-4eca-aabb-a18096554ebf';
  const events = !withEvents
    ? []
    : [
        event(
          'Provisioning',
          `External provisioner is provisioning volume for claim "${namespace}/${name}"`,
          provisioner,
        ),
        event(
          'ProvisioningSucceeded',
          `Successfully provisioned volume ${volumeName}`,
          provisioner,
        ),
      ];
  const snapshots =
    i % 10 === 0
      ? [
          {
            apiVersion: 'snapshot.storage.k8s.io/v1',
            kind: 'VolumeSnapshot',
            metadata: {
              name: `${name}-nightly`,
              namespace,
              uid: randomUUID(),
              creationTimestamp: timestamp,
              finalizers: [
                'snapshot.storage.kubernetes.io/volumesnapshot-as-source-protection',
              ],
            },
            spec: {
              source: { persistentVolumeClaimName: name },
              volumeSnapshotClassName: 'ebs-snapclass',
            },
            status: {
              boundVolumeSnapshotContentName: `snapcontent-${claimUid}`,
              creationTime: timestamp,
              readyToUse: true,
              restoreSize: spec.resources.requests.storage,
            },
          },
        ]
      : [];
  return { pvc, pv, pods: [podObject], events, snapshots };
}

/** Loads the fleet into the simulator's store; returns how many objects it wrote. */
export async function loadFleet(
  sim: Pick<EksSim, 'registry'>,
  options: FleetOptions,
): Promise<number> {
  const store = sim.registry.store;
  const put = (kind: string, object: any) =>
    store.put(resourceKey(kindByName(kind)), object);
  const namespaceKind = resourceKey(kindByName('Namespace'));
  for (let n = 0; n < options.namespaces; n++) {
    const name = `team-${n}`;
    if (!store.get(namespaceKind, undefined, name)) {
      sim.registry.create(
        kindByName('Namespace'),
        undefined,
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
        { fieldManager: 'bench' },
      );
    }
  }
  const nodes = store.list(resourceKey(kindByName('Node'))).map(node => ({
    name: node.metadata.name!,
    zone:
      (node.metadata.labels as Record<string, string> | undefined)?.[
        'topology.kubernetes.io/zone'
      ] ?? 'us-east-1a',
  }));
  let written = 0;
  const offset = options.offset ?? 0;
  // Snapshots last: each ready snapshot makes the simulated provisioner
  // look through its namespace's claims, and each claim the snapshotter
  // through its namespace's snapshots; loading them after the claims keeps
  // a fleet of 100,000 from taking minutes.
  const snapshots: object[] = [];
  for (let c = 0; c < options.claims; c++) {
    const i = offset + c;
    const entity = i % options.entities;
    const objects = claimObjects(
      i,
      entity,
      namespaceOf(entity, options.namespaces),
      nodes[i % nodes.length],
      Boolean(options.bare),
      i % (options.eventsEvery ?? 10) === 0,
    );
    put('PersistentVolume', objects.pv);
    put('PersistentVolumeClaim', objects.pvc);
    objects.pods.forEach(pod => put('Pod', pod));
    objects.events.forEach(event => put('Event', event));
    snapshots.push(...objects.snapshots);
    written +=
      2 +
      objects.pods.length +
      objects.events.length +
      objects.snapshots.length;
    // Let the simulator's controllers and open watches keep up.
    if (c % 2000 === 1999) await new Promise(resolve => setImmediate(resolve));
  }
  for (const [i, snapshot] of snapshots.entries()) {
    put('VolumeSnapshot', snapshot);
    if (i % 2000 === 1999) await new Promise(resolve => setImmediate(resolve));
  }
  return written;
}
