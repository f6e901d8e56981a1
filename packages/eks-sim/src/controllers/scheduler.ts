/**
 * The default scheduler's volume-aware part: places pods on nodes spread
 * over the zones, honours PV node affinity ("volume node affinity
 * conflict"), waits for unbound immediate claims, and under
 * WaitForFirstConsumer selects the node for provisioning.
 */
import { K8sObject } from '../store/types';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller, keyOf, splitKey } from './runtime';
import {
  ANN_SELECTED_NODE,
  claimsOf,
  podFitsNode,
  volumeFitsNode,
} from './volumes';

const SOURCE = { component: 'default-scheduler' };

function unschedulable(total: number, reason: string) {
  return `0/${total} nodes are available: ${reason}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

export function scheduler(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kube-scheduler');
  /** Pods placed but not yet bound, so simultaneous pods still spread. */
  const assumed = new Map<string, string>();
  /**
   * Pods without a node, kept from the pod events: a claim or volume change
   * retries them without listing every pod of the cluster.
   */
  const unscheduled = new Set<string>();

  const controller: Controller = new Controller(
    {
      name: 'scheduler',
      keysFor: event => {
        if (event.object.kind === 'Pod' && event.type === 'DELETED') {
          assumed.delete(keyOf(event.object));
          unscheduled.delete(keyOf(event.object));
          return [];
        }
        if (event.object.kind === 'Pod' && !event.object.spec?.nodeName) {
          unscheduled.add(keyOf(event.object));
          return [keyOf(event.object)];
        }
        if (event.object.kind === 'Pod') {
          unscheduled.delete(keyOf(event.object));
          return [];
        }
        if (
          event.object.kind === 'PersistentVolumeClaim' ||
          event.object.kind === 'PersistentVolume'
        ) {
          return [...unscheduled];
        }
        return [];
      },
      reconcile: key => schedule(key),
    },
    ctx.clock,
    ctx.registry.store,
  );

  function markUnschedulable(pod: K8sObject, message: string) {
    const condition = pod.status?.conditions?.find(
      (c: any) => c.type === 'PodScheduled',
    );
    if (condition?.message !== message) {
      client.update(
        pod,
        c => {
          c.status.conditions = [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message,
              lastProbeTime: null,
              lastTransitionTime: ctx.clock.nowIso(),
            },
          ];
        },
        { status: true },
      );
    }
    ctx.events.warning(pod, 'FailedScheduling', message, SOURCE);
  }

  const binding = new Set<string>();

  function podsOn(nodeName: string, except: string) {
    const bound = client
      .list('Pod')
      .filter(p => p.spec?.nodeName === nodeName).length;
    return (
      bound +
      [...assumed].filter(([k, n]) => n === nodeName && k !== except).length
    );
  }

  /** Why each node is out, counted per reason as the scheduler reports it. */
  function summarise(total: number, reasons: string[]) {
    const counts = new Map<string, number>();
    reasons.forEach(r => counts.set(r, (counts.get(r) ?? 0) + 1));
    const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
    return unschedulable(total, parts.join(', '));
  }

  function schedule(key: string) {
    const [namespace, name] = splitKey(key);
    const pod = client.get('Pod', namespace, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const nodes = client.list('Node').filter(n => !n.spec?.unschedulable);
    const total = nodes.length;
    const rejected: string[] = [];
    let candidates = nodes.filter(n => {
      const fits = podFitsNode(pod, n);
      if (!fits)
        rejected.push("node(s) didn't match Pod's node affinity/selector");
      return fits;
    });
    if (candidates.length === 0) {
      markUnschedulable(pod, summarise(total, rejected));
      return;
    }
    const unbound: K8sObject[] = [];
    for (const claimName of claimsOf(pod)) {
      const pvc = client.get('PersistentVolumeClaim', namespace, claimName);
      if (!pvc) {
        markUnschedulable(
          pod,
          unschedulable(
            total,
            `persistentvolumeclaim "${claimName}" not found`,
          ),
        );
        return;
      }
      if (pvc.metadata.deletionTimestamp) {
        markUnschedulable(
          pod,
          unschedulable(
            total,
            `persistentvolumeclaim "${claimName}" is being deleted`,
          ),
        );
        return;
      }
      if (pvc.status?.phase === 'Bound') {
        const pv = client.get(
          'PersistentVolume',
          undefined,
          pvc.spec?.volumeName,
        );
        if (pv) {
          candidates = candidates.filter(n => {
            const fits = volumeFitsNode(pv, n);
            if (!fits)
              rejected.push('node(s) had volume node affinity conflict');
            return fits;
          });
          if (candidates.length === 0) {
            markUnschedulable(pod, summarise(total, rejected));
            return;
          }
        }
        continue;
      }
      const sc = client.get(
        'StorageClass',
        undefined,
        pvc.spec?.storageClassName,
      );
      if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') {
        markUnschedulable(
          pod,
          unschedulable(
            total,
            'pod has unbound immediate PersistentVolumeClaims',
          ),
        );
        return;
      }
      unbound.push(pvc);
    }
    // Keep an earlier choice if it still fits; else spread to the least loaded node.
    const previous = candidates.find(n => n.metadata.name === assumed.get(key));
    const chosen =
      previous ??
      candidates
        .map(n => ({ node: n, load: podsOn(n.metadata.name!, key) }))
        .sort(
          (a, b) =>
            a.load - b.load ||
            a.node.metadata.name!.localeCompare(b.node.metadata.name!),
        )[0].node;
    assumed.set(key, chosen.metadata.name!);
    const unannotated = unbound.filter(
      pvc => !pvc.metadata.annotations?.[ANN_SELECTED_NODE],
    );
    for (const pvc of unannotated) {
      client.update(pvc, c => {
        c.metadata.annotations = {
          ...(c.metadata.annotations ?? {}),
          [ANN_SELECTED_NODE]: chosen.metadata.name!,
        };
      });
    }
    if (unbound.length > 0) {
      // Binding waits until provisioning finishes (PreBind), then retries.
      return;
    }
    if (binding.has(key)) return;
    binding.add(key);
    ctx.clock.after(ctx.delays.scheduleMs, () => {
      binding.delete(key);
      assumed.delete(key);
      bindPod(namespace, name!, chosen.metadata.name!);
    });
  }

  function bindPod(
    namespace: string | undefined,
    name: string,
    nodeName: string,
  ) {
    const pod = client.get('Pod', namespace, name);
    if (!pod || pod.spec?.nodeName) return;
    const bound = client.update(pod, c => (c.spec.nodeName = nodeName));
    client.update(
      bound,
      c => {
        c.status.conditions = [
          {
            type: 'PodScheduled',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: ctx.clock.nowIso(),
          },
        ];
      },
      { status: true },
    );
    ctx.events.normal(
      bound,
      'Scheduled',
      `Successfully assigned ${namespace}/${name} to ${nodeName}`,
      SOURCE,
    );
  }

  return { stop: () => controller.stop() };
}
