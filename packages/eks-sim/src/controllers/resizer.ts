/**
 * The external-resizer: ControllerExpandVolume when a bound claim asks for
 * more, with the claim conditions and allocatedResourceStatuses the real
 * sidecar writes, and FileSystemResizePending where the driver needs a node
 * step (finished by the kubelet when a pod starts with the claim).
 */
import { formatQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { K8sObject } from '../store/types';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { CsiError, DriverSet } from './drivers';
import { FS_RESIZE_PENDING } from './kubelet';
import { Controller, keyOf, splitKey } from './runtime';
import { capacityBytes, requestedBytes } from './volumes';

const FS_RESIZE_MESSAGE =
  'Waiting for user to (re-)start a pod to finish file system resize of volume on node.';

function condition(type: string, message = '', now: string) {
  return {
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
    ...(message ? { message } : {}),
  };
}

export function resizer(ctx: ControllerContext, drivers: DriverSet) {
  const client = new ControllerClient(ctx.registry, 'csi-resizer');
  const inFlight = new Set<string>();

  const controller: Controller = new Controller(
    {
      name: 'external-resizer',
      keysFor: event =>
        event.object.kind === 'PersistentVolumeClaim' &&
        event.type !== 'DELETED'
          ? [keyOf(event.object)]
          : [],
      reconcile: key => sync(key),
    },
    ctx.clock,
    ctx.registry.store,
  );
  ctx.faults.onDriverChange(() =>
    client
      .list('PersistentVolumeClaim')
      .forEach(c => controller.enqueue(keyOf(c))),
  );

  function sync(key: string) {
    const [namespace, name] = splitKey(key);
    const pvc = client.get('PersistentVolumeClaim', namespace, name);
    if (
      !pvc ||
      pvc.status?.phase !== 'Bound' ||
      inFlight.has(pvc.metadata.uid!)
    )
      return;
    const pv = client.get('PersistentVolume', undefined, pvc.spec?.volumeName);
    if (!pv?.spec?.csi) return;
    const requested = requestedBytes(pvc);
    if (requested <= capacityBytes(pv)) return;
    const driver = drivers.get(pv.spec.csi.driver);
    if (!driver?.expandVolume || !ctx.faults.isInstalled(driver.name)) return;
    const conditions: any[] = pvc.status?.conditions ?? [];
    if (conditions.some(c => c.type === FS_RESIZE_PENDING)) return;
    const source = { component: `external-resizer ${driver.name}` };
    const now = ctx.clock.nowIso();
    inFlight.add(pvc.metadata.uid!);
    const started = client.update(
      pvc,
      c => {
        c.status.conditions = [condition('Resizing', '', now)];
        c.status.allocatedResources = { storage: formatQuantity(requested) };
        c.status.allocatedResourceStatuses = {
          storage: 'ControllerResizeInProgress',
        };
      },
      { status: true },
    );
    ctx.events.normal(
      started,
      'Resizing',
      `External resizer is resizing volume ${pv.metadata.name}`,
      source,
    );
    ctx.clock.after(ctx.delays.resizeMs, () => {
      inFlight.delete(pvc.metadata.uid!);
      const claim = client.get('PersistentVolumeClaim', namespace, name);
      const volume = client.get(
        'PersistentVolume',
        undefined,
        pv.metadata.name!,
      );
      if (!claim || !volume) return;
      const sc = client.get(
        'StorageClass',
        undefined,
        claim.spec?.storageClassName,
      );
      try {
        const result = driver.expandVolume!(
          volume,
          requestedBytes(claim),
          sc?.parameters ?? {},
        );
        expanded(
          claim,
          volume,
          result.capacityBytes,
          result.nodeExpansionRequired,
          source,
        );
      } catch (error) {
        failed(claim, volume, error as Error, source);
      }
    });
  }

  function expanded(
    pvc: K8sObject,
    pv: K8sObject,
    bytes: number,
    nodeStep: boolean,
    source: { component: string },
  ) {
    const size = formatQuantity(bytes);
    client.update(
      pv,
      c => (c.spec.capacity = { ...c.spec.capacity, storage: size }),
    );
    const now = ctx.clock.nowIso();
    if (nodeStep) {
      const updated = client.update(
        pvc,
        c => {
          c.status.conditions = [
            condition(FS_RESIZE_PENDING, FS_RESIZE_MESSAGE, now),
          ];
          c.status.allocatedResourceStatuses = { storage: 'NodeResizePending' };
        },
        { status: true },
      );
      ctx.events.normal(
        updated,
        'FileSystemResizeRequired',
        'Require file system resize of volume on node',
        source,
      );
      return;
    }
    const updated = client.update(
      pvc,
      c => {
        c.status.capacity = { storage: size };
        delete c.status.conditions;
        delete c.status.allocatedResourceStatuses;
      },
      { status: true },
    );
    ctx.events.normal(
      updated,
      'VolumeResizeSuccessful',
      'Resize volume succeeded',
      source,
    );
  }

  function failed(
    pvc: K8sObject,
    pv: K8sObject,
    error: Error,
    source: { component: string },
  ) {
    const infeasible = error instanceof CsiError && error.infeasible;
    const message = `resize volume "${pv.metadata.name}" by resizer "${pv.spec.csi.driver}" failed: ${error.message}`;
    const updated = client.update(
      pvc,
      c => {
        c.status.conditions = [
          condition('ControllerResizeError', message, ctx.clock.nowIso()),
        ];
        c.status.allocatedResourceStatuses = {
          storage: infeasible
            ? 'ControllerResizeInfeasible'
            : 'ControllerResizeInProgress',
        };
      },
      { status: true },
    );
    ctx.events.warning(updated, 'VolumeResizeFailed', message, source);
    controller.enqueueAfter(
      keyOf(updated),
      ctx.delays.retryMs * (infeasible ? 20 : 4),
    );
  }

  return { stop: () => controller.stop() };
}
