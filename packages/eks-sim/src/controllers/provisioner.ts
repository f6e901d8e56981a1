/**
 * The external-provisioner sidecar, one per installed driver: CreateVolume
 * for claims annotated with its name, PVs named `pvc-<uid>` with topology
 * and claimRef, failure events with the driver's errors and backoff, restore
 * from snapshots, and DeleteVolume for released volumes with policy Delete.
 */
import { randomUUID } from 'node:crypto';
import {
  formatQuantity,
  isInTreeProvisioner,
  parseQuantity,
} from '@eks-storage/backstage-plugin-storage-common';
import { K8sObject } from '../store/types';
import { ControllerClient } from './client';
import { ControllerContext, ZONES, ZONE_LABEL } from './context';
import {
  CreateVolumeRequest,
  CsiError,
  DriverSet,
  SimulatedDriver,
} from './drivers';
import { Controller, keyOf, splitKey } from './runtime';
import {
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  PROVISIONER_FINALIZER,
  allowedZones,
  requestedBytes,
} from './volumes';

const PROVISIONER_IDENTITY = `${Date.now()}-8081`;

function sourceOf(driver: string) {
  // The real component name: <driver>_<provisioner pod>_<uuid>.
  const pod = `${driver.split('.')[0]}-csi-controller-7d9f8b6c5-x2k4q`;
  return { component: `${driver}_${pod}_${randomUUID()}` };
}

/** Picks a zone for a claim without a selected node, stably per claim. */
function spreadZone(pvc: K8sObject, zones: string[]) {
  const uid = pvc.metadata.uid ?? '';
  let hash = 0;
  for (const ch of uid) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return zones[hash % zones.length];
}

/** In-tree classes reach the CSI driver through CSI migration's translation. */
function csiParameters(sc: K8sObject): Record<string, string> {
  const parameters: Record<string, string> = { ...(sc.parameters ?? {}) };
  if (!isInTreeProvisioner(sc.provisioner)) return parameters;
  for (const key of Object.keys(parameters)) {
    const lower = key.toLowerCase();
    if (lower === 'fstype') {
      parameters['csi.storage.k8s.io/fstype'] = parameters[key];
      delete parameters[key];
    } else if (lower === 'zone' || lower === 'zones') {
      delete parameters[key];
    }
  }
  return parameters;
}

export function provisioners(ctx: ControllerContext, drivers: DriverSet) {
  const client = new ControllerClient(ctx.registry, 'csi-provisioner');
  const sources = new Map([...drivers.keys()].map(d => [d, sourceOf(d)]));
  /** Claims with a CreateVolume in flight, by uid. */
  const inFlight = new Set<string>();
  /** Failed attempts per claim uid (backoff). */
  const attempts = new Map<string, number>();
  const deleting = new Set<string>();

  const controller: Controller = new Controller(
    {
      name: 'external-provisioner',
      keysFor: event => {
        if (event.object.kind === 'PersistentVolumeClaim')
          return [`pvc:${keyOf(event.object)}`];
        if (event.object.kind === 'PersistentVolume')
          return [`pv:${keyOf(event.object)}`];
        if (
          event.object.kind === 'VolumeSnapshot' &&
          event.object.status?.readyToUse
        ) {
          return client
            .list('PersistentVolumeClaim', event.object.metadata.namespace)
            .filter(
              c => c.spec?.dataSource?.name === event.object.metadata.name,
            )
            .map(c => `pvc:${keyOf(c)}`);
        }
        return [];
      },
      reconcile: key =>
        key.startsWith('pvc:')
          ? syncClaim(key.slice(4))
          : syncVolume(key.slice(3)),
    },
    ctx.clock,
    ctx.registry.store,
  );
  ctx.faults.onDriverChange(() => {
    client
      .list('PersistentVolumeClaim')
      .forEach(c => controller.enqueue(`pvc:${keyOf(c)}`));
    client
      .list('PersistentVolume')
      .forEach(v => controller.enqueue(`pv:${keyOf(v)}`));
  });

  function driverFor(name: string | undefined): SimulatedDriver | undefined {
    const driver = name ? drivers.get(name) : undefined;
    return driver && driver.dynamic && ctx.faults.isInstalled(driver.name)
      ? driver
      : undefined;
  }

  function zonesFor(pvc: K8sObject, sc: K8sObject): string[] {
    const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected) {
      const node = client.get('Node', undefined, selected);
      const zone = node?.metadata.labels?.[ZONE_LABEL];
      if (zone) return [zone];
    }
    const allowed = allowedZones(sc);
    if (allowed.length > 0) return allowed;
    return [spreadZone(pvc, ZONES)];
  }

  /** Resolves a VolumeSnapshot dataSource the way the provisioner does. */
  function snapshotSource(pvc: K8sObject, driver: SimulatedDriver) {
    const source = pvc.spec?.dataSource;
    if (!source || source.kind !== 'VolumeSnapshot') return undefined;
    const prefix = `error getting handle for DataSource Type VolumeSnapshot by Name ${source.name}`;
    const snapshot = client.get(
      'VolumeSnapshot',
      pvc.metadata.namespace,
      source.name,
    );
    if (!snapshot) {
      throw new Error(
        `${prefix}: error getting snapshot ${source.name} from api server: volumesnapshots.snapshot.storage.k8s.io "${source.name}" not found`,
      );
    }
    if (!snapshot.status?.readyToUse) {
      throw new Error(`${prefix}: snapshot ${source.name} is not Ready`);
    }
    const content = client.get(
      'VolumeSnapshotContent',
      undefined,
      snapshot.status.boundVolumeSnapshotContentName,
    );
    if (!content || content.spec?.driver !== driver.name) {
      throw new Error(
        `${prefix}: snapshot ${source.name} was not created by driver ${driver.name}`,
      );
    }
    return {
      handle: content.status?.snapshotHandle ?? '',
      restoreSizeBytes: parseQuantity(snapshot.status.restoreSize) ?? 0,
    };
  }

  function syncClaim(key: string) {
    const [namespace, name] = splitKey(key);
    const pvc = client.get('PersistentVolumeClaim', namespace, name);
    if (!pvc || pvc.metadata.deletionTimestamp || pvc.spec?.volumeName) return;
    const driver = driverFor(
      pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER],
    );
    if (!driver) return;
    const uid = pvc.metadata.uid!;
    if (inFlight.has(uid)) return;
    const sc = client.get(
      'StorageClass',
      undefined,
      pvc.spec?.storageClassName,
    );
    if (!sc) return;
    if (
      sc.volumeBindingMode === 'WaitForFirstConsumer' &&
      !pvc.metadata.annotations?.[ANN_SELECTED_NODE]
    )
      return;
    if (client.get('PersistentVolume', undefined, `pvc-${uid}`)) return;

    const source = sources.get(driver.name)!;
    inFlight.add(uid);
    ctx.events.normal(
      pvc,
      'Provisioning',
      `External provisioner is provisioning volume for claim "${namespace}/${name}"`,
      source,
    );
    let request: CreateVolumeRequest;
    try {
      request = {
        pvName: `pvc-${uid}`,
        claim: pvc,
        storageClass: sc,
        parameters: csiParameters(sc),
        capacityBytes: requestedBytes(pvc),
        accessModes: pvc.spec?.accessModes ?? [],
        volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
        zones: zonesFor(pvc, sc),
        snapshot: snapshotSource(pvc, driver),
      };
    } catch (error) {
      inFlight.delete(uid);
      fail(pvc, error as Error, driver);
      return;
    }
    const delay = driver.createDelayMs(request);
    const timeouts: Array<() => void> = [];
    // CreateVolume calls longer than the sidecar's timeout fail and are retried,
    // while the cloud keeps creating (FSx for Lustre).
    for (
      let t = ctx.delays.provisionTimeoutMs;
      t < delay;
      t += ctx.delays.provisionTimeoutMs
    ) {
      timeouts.push(
        ctx.clock.after(t, () => {
          const current = client.get('PersistentVolumeClaim', namespace, name);
          if (current) {
            ctx.events.warning(
              current,
              'ProvisioningFailed',
              'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
              source,
            );
          }
        }),
      );
    }
    ctx.clock.after(delay, () => {
      inFlight.delete(uid);
      timeouts.forEach(cancel => cancel());
      const current = client.get('PersistentVolumeClaim', namespace, name);
      if (!current || current.metadata.uid !== uid || current.spec?.volumeName)
        return;
      if (!driverFor(driver.name)) return;
      try {
        const volume = driver.createVolume(request);
        createVolumeObject(current, sc, driver, volume);
        attempts.delete(uid);
        ctx.events.normal(
          current,
          'ProvisioningSucceeded',
          `Successfully provisioned volume pvc-${uid}`,
          source,
        );
      } catch (error) {
        fail(current, error as Error, driver);
      }
    });
  }

  function fail(pvc: K8sObject, error: Error, driver: SimulatedDriver) {
    const uid = pvc.metadata.uid!;
    const source = sources.get(driver.name)!;
    const infeasible = error instanceof CsiError && error.infeasible;
    const message = infeasible
      ? `Volume provisioning failed with infeasible error. Retries will be delayed. ${error.message}`
      : error.message;
    ctx.events.warning(pvc, 'ProvisioningFailed', message, source);
    const n = (attempts.get(uid) ?? 0) + 1;
    attempts.set(uid, n);
    const backoff =
      ctx.delays.retryMs * Math.min(2 ** (n - 1), 32) * (infeasible ? 4 : 1);
    controller.enqueueAfter(`pvc:${keyOf(pvc)}`, backoff);
  }

  function createVolumeObject(
    pvc: K8sObject,
    sc: K8sObject,
    driver: SimulatedDriver,
    volume: ReturnType<SimulatedDriver['createVolume']>,
  ) {
    const zonal = driver.rules.topology === 'zonal' && volume.zone;
    client.create({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: `pvc-${pvc.metadata.uid}`,
        annotations: {
          [ANN_PROVISIONED_BY]: driver.name,
          'volume.kubernetes.io/provisioner-deletion-secret-name': '',
          'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
        },
        finalizers: [PROVISIONER_FINALIZER],
      },
      spec: {
        accessModes: pvc.spec.accessModes,
        capacity: { storage: formatQuantity(volume.capacityBytes) },
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name: pvc.metadata.name,
          namespace: pvc.metadata.namespace,
          resourceVersion: pvc.metadata.resourceVersion,
          uid: pvc.metadata.uid,
        },
        csi: {
          driver: driver.name,
          ...(volume.fsType ? { fsType: volume.fsType } : {}),
          volumeAttributes: {
            'storage.kubernetes.io/csiProvisionerIdentity': `${PROVISIONER_IDENTITY}-${driver.name}`,
            ...volume.attributes,
          },
          volumeHandle: volume.volumeHandle,
        },
        ...(zonal
          ? {
              nodeAffinity: {
                required: {
                  nodeSelectorTerms: [
                    {
                      matchExpressions: [
                        {
                          key: ZONE_LABEL,
                          operator: 'In',
                          values: [volume.zone],
                        },
                      ],
                    },
                  ],
                },
              },
            }
          : {}),
        ...(sc.mountOptions ? { mountOptions: sc.mountOptions } : {}),
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
      },
    });
  }

  /** DeleteVolume for released volumes whose policy is Delete. */
  function syncVolume(key: string) {
    const [, name] = splitKey(key);
    const pv = client.get('PersistentVolume', undefined, name);
    if (
      !pv ||
      pv.status?.phase !== 'Released' ||
      pv.spec?.persistentVolumeReclaimPolicy !== 'Delete'
    )
      return;
    const driver = driverFor(pv.metadata.annotations?.[ANN_PROVISIONED_BY]);
    if (!driver || deleting.has(name)) return;
    deleting.add(name);
    ctx.clock.after(ctx.delays.deleteVolumeMs, () => {
      deleting.delete(name);
      const current = client.get('PersistentVolume', undefined, name);
      if (!current || current.status?.phase !== 'Released') return;
      try {
        driver.deleteVolume(current);
      } catch (error) {
        ctx.events.warning(
          current,
          'VolumeFailedDelete',
          (error as Error).message,
          sources.get(driver.name)!,
        );
        controller.enqueueAfter(`pv:${key}`, ctx.delays.retryMs * 4);
        return;
      }
      client.delete(current);
      const after = client.get('PersistentVolume', undefined, name);
      if (after) client.removeFinalizer(after, PROVISIONER_FINALIZER);
    });
  }

  return { stop: () => controller.stop() };
}
