/**
 * The snapshot-controller plus csi-snapshotter: a VolumeSnapshot gets a
 * bound VolumeSnapshotContent, becomes readyToUse after a delay, and is
 * cleaned up by its class's deletion policy. Drivers without snapshot
 * support never get a class, so their snapshots fail to find one.
 */
import {
  GIB,
  formatQuantity,
} from '@eks-storage/backstage-plugin-storage-common';
import { K8sObject } from '../store/types';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { DriverSet } from './drivers';
import { Controller, keyOf, splitKey } from './runtime';
import { capacityBytes } from './volumes';

const SOURCE = { component: 'snapshot-controller' };
const BOUND_PROTECTION =
  'snapshot.storage.kubernetes.io/volumesnapshot-bound-protection';
const AS_SOURCE_PROTECTION =
  'snapshot.storage.kubernetes.io/volumesnapshot-as-source-protection';
const PVC_AS_SOURCE = 'snapshot.storage.kubernetes.io/pvc-as-source-protection';
const CONTENT_BOUND =
  'snapshot.storage.kubernetes.io/volumesnapshotcontent-bound-protection';
const DEFAULT_CLASS = 'snapshot.storage.kubernetes.io/is-default-class';

export function snapshotter(ctx: ControllerContext, drivers: DriverSet) {
  const client = new ControllerClient(ctx.registry, 'snapshot-controller');
  const sidecar = new ControllerClient(ctx.registry, 'csi-snapshotter');
  const cutting = new Set<string>();

  const controller: Controller = new Controller(
    {
      name: 'snapshot-controller',
      keysFor: event => {
        if (event.object.kind === 'VolumeSnapshot' && event.type !== 'DELETED')
          return [keyOf(event.object)];
        if (event.object.kind === 'PersistentVolumeClaim') {
          return client
            .list('VolumeSnapshot', event.object.metadata.namespace)
            .filter(
              s =>
                s.spec?.source?.persistentVolumeClaimName ===
                event.object.metadata.name,
            )
            .map(keyOf);
        }
        return [];
      },
      reconcile: key => sync(key),
    },
    ctx.clock,
    ctx.registry.store,
  );

  function setError(vs: K8sObject, message: string) {
    if (vs.status?.error?.message === message) return;
    client.update(
      vs,
      c =>
        (c.status = {
          ...(c.status ?? {}),
          readyToUse: false,
          error: { message, time: ctx.clock.nowIso() },
        }),
      { status: true },
    );
    ctx.events.warning(vs, 'SnapshotCreationFailed', message, SOURCE);
  }

  function classFor(vs: K8sObject, driverName: string) {
    const name = vs.spec?.volumeSnapshotClassName;
    if (name) return client.get('VolumeSnapshotClass', undefined, name);
    return client
      .list('VolumeSnapshotClass')
      .find(
        c =>
          c.driver === driverName &&
          c.metadata.annotations?.[DEFAULT_CLASS] === 'true',
      );
  }

  function sync(key: string) {
    const [namespace, name] = splitKey(key);
    const vs = client.get('VolumeSnapshot', namespace, name);
    if (!vs) return;
    if (vs.metadata.deletionTimestamp) {
      remove(vs);
      return;
    }
    if (vs.status?.readyToUse || vs.status?.boundVolumeSnapshotContentName)
      return;
    const claimName = vs.spec?.source?.persistentVolumeClaimName;
    if (!claimName) return;
    const pvc = client.get('PersistentVolumeClaim', namespace, claimName);
    if (!pvc) {
      setError(
        vs,
        `Failed to create snapshot content with error snapshot controller failed to update ${namespace}/${name} on API server: cannot get claim from snapshot`,
      );
      return;
    }
    if (pvc.status?.phase !== 'Bound') {
      setError(
        vs,
        `the PVC ${claimName} is not yet bound to a PV, will not attempt to take a snapshot`,
      );
      return;
    }
    const pv = client.get('PersistentVolume', undefined, pvc.spec.volumeName);
    const driverName = pv?.spec?.csi?.driver;
    if (!pv || !driverName) {
      setError(
        vs,
        `Failed to create snapshot content with error the PV ${pvc.spec.volumeName} is not provisioned by a CSI driver`,
      );
      return;
    }
    const snapshotClass = classFor(vs, driverName);
    if (!snapshotClass) {
      setError(
        vs,
        vs.spec?.volumeSnapshotClassName
          ? `Failed to get snapshot class with error volumesnapshotclass.snapshot.storage.k8s.io "${vs.spec.volumeSnapshotClassName}" not found`
          : 'Failed to set default snapshot class with error cannot find default snapshot class',
      );
      return;
    }
    if (snapshotClass.driver !== driverName) {
      setError(
        vs,
        `Failed to create snapshot content with error snapshot class ${snapshotClass.metadata.name} is not for driver ${driverName}`,
      );
      return;
    }
    const driver = drivers.get(driverName);
    const contentName = `snapcontent-${vs.metadata.uid}`;
    if (!client.get('VolumeSnapshotContent', undefined, contentName)) {
      client.update(vs, c => {
        c.metadata.finalizers = [
          ...new Set([
            ...(c.metadata.finalizers ?? []),
            AS_SOURCE_PROTECTION,
            BOUND_PROTECTION,
          ]),
        ];
      });
      client.update(pvc, c => {
        c.metadata.finalizers = [
          ...new Set([...(c.metadata.finalizers ?? []), PVC_AS_SOURCE]),
        ];
      });
      client.create({
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshotContent',
        metadata: { name: contentName, finalizers: [CONTENT_BOUND] },
        spec: {
          deletionPolicy: snapshotClass.deletionPolicy ?? 'Delete',
          driver: driverName,
          source: { volumeHandle: pv.spec.csi.volumeHandle },
          volumeSnapshotClassName: snapshotClass.metadata.name,
          volumeSnapshotRef: {
            apiVersion: 'snapshot.storage.k8s.io/v1',
            kind: 'VolumeSnapshot',
            name,
            namespace,
            uid: vs.metadata.uid,
            resourceVersion: vs.metadata.resourceVersion,
          },
        },
      });
    }
    const latest = client.get('VolumeSnapshot', namespace, name)!;
    client.update(
      latest,
      c =>
        (c.status = {
          boundVolumeSnapshotContentName: contentName,
          readyToUse: false,
        }),
      { status: true },
    );
    ctx.events.normal(
      latest,
      'CreatingSnapshot',
      `Waiting for a snapshot ${namespace}/${name} to be created by the CSI driver.`,
      SOURCE,
    );
    if (
      !driver?.createSnapshot ||
      !ctx.faults.isInstalled(driverName) ||
      cutting.has(contentName)
    )
      return;
    cutting.add(contentName);
    ctx.clock.after(ctx.delays.snapshotMs, () => {
      cutting.delete(contentName);
      const content = client.get(
        'VolumeSnapshotContent',
        undefined,
        contentName,
      );
      const snapshot = client.get('VolumeSnapshot', namespace, name);
      if (!content || !snapshot) return;
      const { snapshotHandle } = driver.createSnapshot!(pv);
      const restoreBytes = Math.ceil(capacityBytes(pv) / GIB) * GIB;
      const createdAt = ctx.clock.now();
      sidecar.update(
        content,
        c =>
          (c.status = {
            creationTime: createdAt * 1_000_000,
            readyToUse: true,
            restoreSize: restoreBytes,
            snapshotHandle,
          }),
        { status: true },
      );
      ctx.events.normal(
        snapshot,
        'SnapshotCreated',
        `Snapshot ${namespace}/${name} was successfully created by the CSI driver.`,
        SOURCE,
      );
      client.update(
        snapshot,
        c =>
          (c.status = {
            boundVolumeSnapshotContentName: contentName,
            creationTime: new Date(createdAt)
              .toISOString()
              .replace(/\.\d+Z$/, 'Z'),
            readyToUse: true,
            restoreSize: formatQuantity(restoreBytes),
          }),
        { status: true },
      );
      ctx.events.normal(
        snapshot,
        'SnapshotReady',
        `Snapshot ${namespace}/${name} is ready to use.`,
        SOURCE,
      );
      const claim = client.get(
        'PersistentVolumeClaim',
        namespace,
        snapshot.spec.source.persistentVolumeClaimName,
      );
      if (claim) client.removeFinalizer(claim, PVC_AS_SOURCE);
    });
  }

  /** Deleting a snapshot deletes its content (policy Delete) and lets it go. */
  function remove(vs: K8sObject) {
    const contentName = vs.status?.boundVolumeSnapshotContentName;
    const content = contentName
      ? client.get('VolumeSnapshotContent', undefined, contentName)
      : undefined;
    if (content) {
      if (content.spec?.deletionPolicy === 'Delete') {
        const released = client.removeFinalizer(content, CONTENT_BOUND);
        client.delete(released);
      } else {
        client.removeFinalizer(content, CONTENT_BOUND);
      }
    }
    let current = client.removeFinalizer(vs, BOUND_PROTECTION);
    current = client.removeFinalizer(current, AS_SOURCE_PROTECTION);
    const claim = client.get(
      'PersistentVolumeClaim',
      vs.metadata.namespace,
      vs.spec?.source?.persistentVolumeClaimName,
    );
    if (claim) client.removeFinalizer(claim, PVC_AS_SOURCE);
  }

  return { stop: () => controller.stop() };
}
