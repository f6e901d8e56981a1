/**
 * Per-kind defaulting and initial status, as the API server's defaulting
 * functions and registry strategies apply them on create.
 */
import { K8sObject } from '../store/types';

type Defaulter = (object: K8sObject, allocate: Allocators) => void;

export interface Allocators {
  clusterIp(): string;
}

function podSpecDefaults(spec: any) {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.serviceAccountName ??= 'default';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  for (const container of spec.containers ?? []) {
    container.imagePullPolicy ??=
      String(container.image ?? '').endsWith(':latest') ||
      !String(container.image ?? '').includes(':')
        ? 'Always'
        : 'IfNotPresent';
    container.terminationMessagePath ??= '/dev/termination-log';
    container.terminationMessagePolicy ??= 'File';
    container.resources ??= {};
  }
}

/**
 * pkg/api/persistentvolumeclaim NormalizeDataSources (since 1.24, run on
 * create and on read): a claim's dataSource is mirrored into dataSourceRef
 * and a namespace-less dataSourceRef into dataSource.
 */
export function normalizeDataSources(spec: any) {
  if (!spec) return;
  if (spec.dataSource && !spec.dataSourceRef) {
    spec.dataSourceRef = {
      ...(spec.dataSource.apiGroup !== undefined
        ? { apiGroup: spec.dataSource.apiGroup }
        : {}),
      kind: spec.dataSource.kind,
      name: spec.dataSource.name,
    };
  } else if (
    spec.dataSourceRef &&
    !spec.dataSource &&
    !spec.dataSourceRef.namespace
  ) {
    spec.dataSource = {
      ...(spec.dataSourceRef.apiGroup !== undefined
        ? { apiGroup: spec.dataSourceRef.apiGroup }
        : {}),
      kind: spec.dataSourceRef.kind,
      name: spec.dataSourceRef.name,
    };
  }
}

const DEFAULTERS: Record<string, Defaulter> = {
  Namespace: ns => {
    ns.metadata.labels = {
      ...(ns.metadata.labels ?? {}),
      'kubernetes.io/metadata.name': ns.metadata.name!,
    };
    ns.spec = { finalizers: ['kubernetes'], ...(ns.spec ?? {}) };
    ns.status = { phase: 'Active' };
  },
  PersistentVolumeClaim: pvc => {
    pvc.spec = { volumeMode: 'Filesystem', ...(pvc.spec ?? {}) };
    normalizeDataSources(pvc.spec);
    pvc.status = { phase: 'Pending' };
  },
  PersistentVolume: pv => {
    pv.spec = {
      persistentVolumeReclaimPolicy: 'Retain',
      volumeMode: 'Filesystem',
      ...(pv.spec ?? {}),
    };
    pv.status = { phase: 'Pending' };
  },
  StorageClass: sc => {
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  CSIDriver: driver => {
    driver.spec = {
      attachRequired: true,
      podInfoOnMount: false,
      requiresRepublish: false,
      storageCapacity: false,
      seLinuxMount: false,
      fsGroupPolicy: 'ReadWriteOnceWithFSType',
      volumeLifecycleModes: ['Persistent'],
      ...(driver.spec ?? {}),
    };
  },
  Node: node => {
    // The kubelet registers nodes with every condition's heartbeat and
    // transition time; typed clients require status/type on each.
    const at = node.metadata.creationTimestamp;
    for (const condition of node.status?.conditions ?? []) {
      condition.lastHeartbeatTime ??= at;
      condition.lastTransitionTime ??= at;
    }
  },
  Pod: pod => {
    pod.spec = pod.spec ?? {};
    podSpecDefaults(pod.spec);
    pod.status = { phase: 'Pending', qosClass: 'BestEffort' };
  },
  StatefulSet: sts => {
    sts.spec = {
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { partition: 0 },
      },
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: 'Retain',
        whenScaled: 'Retain',
      },
      ...(sts.spec ?? {}),
    };
    if (sts.spec.template?.spec) {
      podSpecDefaults(sts.spec.template.spec);
    }
    sts.status = { replicas: 0, availableReplicas: 0 };
  },
  Service: (svc, allocate) => {
    svc.spec = {
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ...(svc.spec ?? {}),
    };
    if (svc.spec.clusterIP === undefined) {
      svc.spec.clusterIP = allocate.clusterIp();
      svc.spec.clusterIPs = [svc.spec.clusterIP];
    }
    svc.spec.ipFamilies ??= ['IPv4'];
    svc.spec.ipFamilyPolicy ??= 'SingleStack';
    svc.spec.internalTrafficPolicy ??= 'Cluster';
    for (const port of svc.spec.ports ?? []) {
      port.protocol ??= 'TCP';
      port.targetPort ??= port.port;
    }
    svc.status = { loadBalancer: {} };
  },
  ResourceQuota: quota => {
    quota.status = { hard: { ...(quota.spec?.hard ?? {}) }, used: {} };
  },
  VolumeSnapshot: vs => {
    delete vs.status;
  },
  VolumeSnapshotContent: vsc => {
    delete vsc.status;
  },
};

export function applyCreateDefaults(object: K8sObject, allocate: Allocators) {
  DEFAULTERS[object.kind]?.(object, allocate);
}

/** Kinds whose `spec` changes bump `metadata.generation`. */
export function tracksGeneration(kind: string) {
  // Pods track generation only from 1.33 (KEP-5067); Services never did.
  return ['StatefulSet', 'VolumeSnapshot', 'VolumeSnapshotContent'].includes(
    kind,
  );
}
