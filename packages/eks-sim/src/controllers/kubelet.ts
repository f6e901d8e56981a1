/**
 * The kubelets (and attach/detach controller) of all nodes: attach and
 * mount volumes, start containers, expand file systems (online for a
 * mounted volume, at the next mount for one no running pod uses), and
 * complete graceful pod deletion.
 */
import { formatQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { K8sObject } from '../store/types';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller, keyOf, splitKey } from './runtime';
import { capacityBytes, claimsOf, podsUsing } from './volumes';

export const FS_RESIZE_PENDING = 'FileSystemResizePending';

export function kubelet(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kubelet');
  const starting = new Set<string>();

  const controller: Controller = new Controller(
    {
      name: 'kubelet',
      keysFor: event => {
        const o = event.object;
        if (o.kind === 'Pod' && event.type !== 'DELETED' && o.spec?.nodeName)
          return [keyOf(o)];
        if (
          o.kind === 'PersistentVolumeClaim' &&
          event.type !== 'DELETED' &&
          resizePending(o)
        )
          return [`expand:${keyOf(o)}`];
        return [];
      },
      reconcile: key =>
        key.startsWith('expand:')
          ? expandOnline(key.slice('expand:'.length))
          : sync(key),
    },
    ctx.clock,
    ctx.registry.store,
  );
  const expanding = new Set<string>();

  function resizePending(pvc: K8sObject) {
    return (pvc.status?.conditions ?? []).some(
      (c: any) => c.type === FS_RESIZE_PENDING,
    );
  }

  /**
   * Online expansion: the kubelet's volume manager reprocesses a running pod
   * on its next sync and calls NodeExpandVolume on the mounted volume
   * (pkg/volume/util/operationexecutor `ExpandInUseVolume`); no restart. A
   * claim no running pod mounts keeps FileSystemResizePending until the
   * next mount.
   */
  function expandOnline(key: string) {
    const [namespace, name] = splitKey(key);
    const pvc = client.get('PersistentVolumeClaim', namespace, name);
    if (!pvc || !resizePending(pvc) || expanding.has(pvc.metadata.uid!)) return;
    const mountedBy = () =>
      podsUsing(client.list('Pod', namespace), name).find(
        p =>
          p.status?.phase === 'Running' &&
          p.spec?.nodeName &&
          !p.metadata.deletionTimestamp,
      );
    if (!mountedBy()) return;
    expanding.add(pvc.metadata.uid!);
    ctx.clock.after(ctx.delays.nodeExpandMs, () => {
      expanding.delete(pvc.metadata.uid!);
      const claim = client.get('PersistentVolumeClaim', namespace, name);
      const pod = mountedBy();
      if (claim && pod && claim.metadata.uid === pvc.metadata.uid) {
        finishFileSystemResize(claim, pod);
      }
    });
  }

  function sync(key: string) {
    const [namespace, name] = splitKey(key);
    const pod = client.get('Pod', namespace, name);
    if (!pod) return;
    if (pod.metadata.deletionTimestamp) {
      if (!starting.has(`stop:${pod.metadata.uid}`)) {
        starting.add(`stop:${pod.metadata.uid}`);
        ctx.clock.after(ctx.delays.podStopMs, () => {
          starting.delete(`stop:${pod.metadata.uid}`);
          const current = client.get('Pod', namespace, name);
          if (current && current.metadata.uid === pod.metadata.uid)
            client.delete(current, 0);
        });
      }
      return;
    }
    if (pod.status?.phase !== 'Pending' || starting.has(pod.metadata.uid!))
      return;
    const blocked = multiAttachConflict(pod);
    if (blocked) {
      ctx.events.warning(pod, 'FailedAttachVolume', blocked, {
        component: 'attachdetach-controller',
      });
      controller.enqueueAfter(key, ctx.delays.podStartMs * 5);
      return;
    }
    starting.add(pod.metadata.uid!);
    ctx.clock.after(ctx.delays.podStartMs, () => {
      starting.delete(pod.metadata.uid!);
      const current = client.get('Pod', namespace, name);
      if (
        current &&
        current.metadata.uid === pod.metadata.uid &&
        current.status?.phase === 'Pending'
      )
        start(current);
    });
  }

  /** RWO volumes attach to one node: a second node's pod waits. */
  function multiAttachConflict(pod: K8sObject): string | undefined {
    for (const claimName of claimsOf(pod)) {
      const pvc = client.get(
        'PersistentVolumeClaim',
        pod.metadata.namespace,
        claimName,
      );
      const modes: string[] = pvc?.spec?.accessModes ?? [];
      if (
        !pvc ||
        modes.includes('ReadWriteMany') ||
        modes.includes('ReadOnlyMany')
      )
        continue;
      const others = podsUsing(
        client.list('Pod', pod.metadata.namespace),
        claimName,
      ).filter(
        p =>
          p.metadata.uid !== pod.metadata.uid &&
          p.spec?.nodeName &&
          p.spec.nodeName !== pod.spec.nodeName &&
          p.status?.phase === 'Running',
      );
      if (others.length > 0) {
        return `Multi-Attach error for volume "${
          pvc.spec.volumeName
        }" Volume is already used by pod(s) ${others
          .map(p => p.metadata.name)
          .join(', ')}`;
      }
    }
    return undefined;
  }

  function start(pod: K8sObject) {
    const node = pod.spec.nodeName;
    for (const claimName of claimsOf(pod)) {
      const pvc = client.get(
        'PersistentVolumeClaim',
        pod.metadata.namespace,
        claimName,
      );
      if (pvc?.spec?.volumeName) {
        ctx.events.normal(
          pod,
          'SuccessfulAttachVolume',
          `AttachVolume.Attach succeeded for volume "${pvc.spec.volumeName}" `,
          { component: 'attachdetach-controller' },
        );
        finishFileSystemResize(pvc, pod);
      }
    }
    const now = ctx.clock.nowIso();
    const index = Number(/-(\d+)$/.exec(pod.metadata.name!)?.[1] ?? 0);
    const running = client.update(
      pod,
      c => {
        c.status = {
          ...c.status,
          phase: 'Running',
          hostIP: `192.168.${(node.length * 7) % 200}.${
            (node.charCodeAt(node.length - 1) % 200) + 10
          }`,
          podIP: `192.168.${(index * 13) % 250}.${
            (pod.metadata.uid!.charCodeAt(0) % 200) + 20
          }`,
          startTime: now,
          conditions: [
            'PodReadyToStartContainers',
            'Initialized',
            'Ready',
            'ContainersReady',
            'PodScheduled',
          ].map(type => ({
            type,
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: now,
          })),
          containerStatuses: (c.spec.containers ?? []).map(
            (container: any) => ({
              name: container.name,
              image: container.image,
              imageID: `${container.image}@sha256:${'0'.repeat(64)}`,
              containerID: `containerd://${pod.metadata.uid!.replace(
                /-/g,
                '',
              )}`,
              ready: true,
              started: true,
              restartCount: 0,
              state: { running: { startedAt: now } },
            }),
          ),
        };
      },
      { status: true },
    );
    ctx.events.normal(
      running,
      'Started',
      `Started container ${running.spec.containers?.[0]?.name}`,
      { component: 'kubelet', host: node },
    );
  }

  /** NodeExpandVolume at mount: the claim's capacity catches up with its volume. */
  function finishFileSystemResize(pvc: K8sObject, pod: K8sObject) {
    const pending = (pvc.status?.conditions ?? []).some(
      (c: any) => c.type === FS_RESIZE_PENDING,
    );
    if (!pending) return;
    const pv = client.get('PersistentVolume', undefined, pvc.spec.volumeName);
    if (!pv) return;
    client.update(
      pvc,
      c => {
        c.status.capacity = { storage: formatQuantity(capacityBytes(pv)) };
        c.status.conditions = (c.status.conditions ?? []).filter(
          (x: any) => x.type !== FS_RESIZE_PENDING,
        );
        if (c.status.conditions.length === 0) delete c.status.conditions;
        delete c.status.allocatedResourceStatuses;
      },
      { status: true },
    );
    ctx.events.normal(
      pvc,
      'FileSystemResizeSuccessful',
      `MountVolume.NodeExpandVolume succeeded for volume "${pv.metadata.name}" ${pod.spec.nodeName}`,
      { component: 'kubelet', host: pod.spec.nodeName },
    );
  }

  return { stop: () => controller.stop() };
}
