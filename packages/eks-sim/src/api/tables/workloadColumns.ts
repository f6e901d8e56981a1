/** Table columns of the kinds around storage: pods, nodes, namespaces, events, workloads and quotas. */
import { K8sObject } from '../../store/types';
import { AGE, age, Column, NAME, text } from './columns';

function podStatus(pod: K8sObject) {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const waiting = (pod.status?.containerStatuses ?? []).find(
    (c: any) => c.state?.waiting?.reason,
  );
  if (waiting) return waiting.state.waiting.reason;
  return pod.status?.reason ?? pod.status?.phase ?? 'Pending';
}

function podReady(pod: K8sObject) {
  const total = (pod.spec?.containers ?? []).length;
  const ready = (pod.status?.containerStatuses ?? []).filter(
    (c: any) => c.ready,
  ).length;
  return `${ready}/${total}`;
}

function restarts(pod: K8sObject) {
  return (pod.status?.containerStatuses ?? []).reduce(
    (sum: number, c: any) => sum + (c.restartCount ?? 0),
    0,
  );
}

function servicePorts(svc: K8sObject) {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p: any) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',');
}

function quotaSummary(quota: K8sObject) {
  const hard: Record<string, string> = quota.status?.hard ?? {};
  const used: Record<string, string> = quota.status?.used ?? {};
  return Object.keys(hard)
    .filter(k => !k.startsWith('limits.'))
    .sort()
    .map(k => `${k}: ${used[k] ?? '0'}/${hard[k]}`)
    .join(', ');
}

export const WORKLOAD_COLUMNS: Record<string, Column[]> = {
  Pod: [
    NAME,
    text('Ready', podReady),
    text('Status', podStatus),
    { name: 'Restarts', type: 'string', cell: o => String(restarts(o)) },
    AGE,
    text('IP', o => o.status?.podIP ?? '<none>', 1),
    text('Node', o => o.spec?.nodeName ?? '<none>', 1),
    text('Nominated Node', o => o.status?.nominatedNodeName ?? '<none>', 1),
    text('Readiness Gates', () => '<none>', 1),
  ],
  Node: [
    NAME,
    text('Status', o =>
      (o.status?.conditions ?? []).some(
        (c: any) => c.type === 'Ready' && c.status === 'True',
      )
        ? 'Ready'
        : 'NotReady',
    ),
    text('Roles', () => '<none>'),
    AGE,
    text('Version', o => o.status?.nodeInfo?.kubeletVersion ?? ''),
    text(
      'Internal-IP',
      o =>
        (o.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')
          ?.address ?? '<none>',
      1,
    ),
    text('External-IP', () => '<none>', 1),
    text('OS-Image', o => o.status?.nodeInfo?.osImage ?? '', 1),
    text('Kernel-Version', o => o.status?.nodeInfo?.kernelVersion ?? '', 1),
    text(
      'Container-Runtime',
      o => o.status?.nodeInfo?.containerRuntimeVersion ?? '',
      1,
    ),
  ],
  Namespace: [NAME, text('Status', o => o.status?.phase ?? ''), AGE],
  Event: [
    text('Last Seen', (o, now) =>
      age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, now),
    ),
    text('Type', o => o.type),
    text('Reason', o => o.reason),
    text(
      'Object',
      o =>
        `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${
          o.involvedObject?.name
        }`,
    ),
    text('Message', o => o.message),
    text('Subobject', o => o.involvedObject?.fieldPath ?? '', 1),
    text('Source', o => o.source?.component ?? o.reportingComponent ?? '', 1),
    text(
      'First Seen',
      (o, now) => age(o.firstTimestamp ?? o.metadata.creationTimestamp, now),
      1,
    ),
    { name: 'Count', type: 'integer', priority: 1, cell: o => o.count ?? 1 },
    text('Name', o => o.metadata.name, 1),
  ],
  StatefulSet: [
    NAME,
    text(
      'Ready',
      o => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    ),
    AGE,
    text(
      'Containers',
      o =>
        (o.spec?.template?.spec?.containers ?? [])
          .map((c: any) => c.name)
          .join(','),
      1,
    ),
    text(
      'Images',
      o =>
        (o.spec?.template?.spec?.containers ?? [])
          .map((c: any) => c.image)
          .join(','),
      1,
    ),
  ],
  Service: [
    NAME,
    text('Type', o => o.spec?.type ?? 'ClusterIP'),
    text('Cluster-IP', o => o.spec?.clusterIP ?? '<none>'),
    text('External-IP', () => '<none>'),
    text('Port(s)', servicePorts),
    AGE,
    text(
      'Selector',
      o =>
        Object.entries(o.spec?.selector ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
      1,
    ),
  ],
  ResourceQuota: [
    NAME,
    AGE,
    text('Request', quotaSummary),
    text('Limit', () => ''),
  ],
};
