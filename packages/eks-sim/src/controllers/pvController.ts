/**
 * The persistentvolume-controller: binds claims to volumes (static match or
 * dynamic provisioning), honours WaitForFirstConsumer, marks volumes
 * Released when their claim goes, and reclaims them by policy. Events carry
 * the real reasons and messages.
 */
import {
  IN_TREE_PROVISIONERS,
  isInTreeProvisioner,
} from '@eks-storage/backstage-plugin-storage-common';
import { K8sObject } from '../store/types';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller, keyOf, splitKey } from './runtime';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimsOf,
  volumeMatchesClaim,
} from './volumes';

const SOURCE = { component: 'persistentvolume-controller' };

export function pvController(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kube-controller-manager');

  const claims: Controller = new Controller(
    {
      name: 'pv-controller-claims',
      keysFor: event => {
        if (event.object.kind === 'PersistentVolumeClaim')
          return [keyOf(event.object)];
        if (event.object.kind === 'PersistentVolume') {
          const ref = event.object.spec?.claimRef;
          if (ref) return [`${ref.namespace}/${ref.name}`];
          if (event.object.status?.phase !== 'Available') return [];
          const className = event.object.spec?.storageClassName ?? '';
          return client
            .list('PersistentVolumeClaim')
            .filter(
              c =>
                c.status?.phase === 'Pending' &&
                (c.spec?.storageClassName ?? '') === className,
            )
            .map(keyOf);
        }
        if (event.object.kind === 'Pod' && event.type === 'ADDED') {
          return claimsOf(event.object).map(
            c => `${event.object.metadata.namespace}/${c}`,
          );
        }
        if (event.object.kind === 'StorageClass' && event.type === 'ADDED') {
          return client
            .list('PersistentVolumeClaim')
            .filter(
              c =>
                c.spec?.storageClassName === event.object.metadata.name &&
                c.status?.phase === 'Pending',
            )
            .map(keyOf);
        }
        return [];
      },
      reconcile: key => syncClaim(key),
    },
    ctx.clock,
    ctx.registry.store,
  );

  const volumes: Controller = new Controller(
    {
      name: 'pv-controller-volumes',
      keysFor: event => {
        if (event.object.kind === 'PersistentVolume')
          return [keyOf(event.object)];
        if (
          event.object.kind === 'PersistentVolumeClaim' &&
          event.type === 'DELETED'
        ) {
          const volumeName = event.object.spec?.volumeName;
          return volumeName ? [`/${volumeName}`] : [];
        }
        return [];
      },
      reconcile: key => syncVolume(key),
    },
    ctx.clock,
    ctx.registry.store,
  );

  /** When the WaitForFirstConsumer event says a pod exists but is unscheduled. */
  function waitingPod(pvc: K8sObject) {
    return client
      .list('Pod', pvc.metadata.namespace)
      .find(p => claimsOf(p).includes(pvc.metadata.name!) && !p.spec?.nodeName);
  }

  function syncClaim(key: string) {
    const [namespace, name] = splitKey(key);
    const pvc = client.get('PersistentVolumeClaim', namespace, name);
    if (!pvc || pvc.metadata.deletionTimestamp) return;
    if (pvc.status?.phase === 'Bound') {
      const pv = client.get(
        'PersistentVolume',
        undefined,
        pvc.spec?.volumeName,
      );
      if (!pv) {
        client.update(pvc, c => (c.status = { ...c.status, phase: 'Lost' }), {
          status: true,
        });
        ctx.events.warning(
          pvc,
          'ClaimLost',
          'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
          SOURCE,
        );
      }
      return;
    }
    if (pvc.spec?.volumeName) {
      const pv = client.get('PersistentVolume', undefined, pvc.spec.volumeName);
      if (pv && volumeMatchesClaim(pv, pvc)) {
        bind(pvc, pv);
      } else if (!pv) {
        ctx.events.warning(
          pvc,
          'FailedBinding',
          `volume "${pvc.spec.volumeName}" not found`,
          SOURCE,
        );
      }
      return;
    }
    const candidate = client
      .list('PersistentVolume')
      .filter(pv => volumeMatchesClaim(pv, pvc))
      .sort(
        (a, b) =>
          Number(Boolean(b.spec?.claimRef)) - Number(Boolean(a.spec?.claimRef)),
      )[0];
    if (candidate) {
      bindLater(pvc, candidate);
      return;
    }
    const className = pvc.spec?.storageClassName ?? '';
    if (!className) {
      ctx.events.normal(
        pvc,
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
        SOURCE,
      );
      return;
    }
    const sc = client.get('StorageClass', undefined, className);
    if (!sc) {
      ctx.events.warning(
        pvc,
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${className}" not found`,
        SOURCE,
      );
      return;
    }
    if (
      sc.volumeBindingMode === 'WaitForFirstConsumer' &&
      !pvc.metadata.annotations?.[ANN_SELECTED_NODE]
    ) {
      const pod = waitingPod(pvc);
      if (pod) {
        ctx.events.normal(
          pvc,
          'WaitForPodScheduled',
          `waiting for pod ${pod.metadata.name} to be scheduled`,
          SOURCE,
        );
      } else {
        ctx.events.normal(
          pvc,
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
          SOURCE,
        );
      }
      return;
    }
    const provisioner: string = isInTreeProvisioner(sc.provisioner)
      ? IN_TREE_PROVISIONERS[sc.provisioner]
      : sc.provisioner;
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== provisioner) {
      client.update(pvc, c => {
        c.metadata.annotations = {
          ...(c.metadata.annotations ?? {}),
          [ANN_STORAGE_PROVISIONER]: provisioner,
          [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
        };
      });
    }
    ctx.events.normal(
      pvc,
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      SOURCE,
    );
    // The real controller repeats this on every resync while the claim waits.
    claims.enqueueAfter(key, ctx.delays.waitingEventMs);
  }

  const pendingBinds = new Set<string>();

  function bindLater(pvc: K8sObject, pv: K8sObject) {
    const id = `${pvc.metadata.uid}/${pv.metadata.name}`;
    if (pendingBinds.has(id)) return;
    pendingBinds.add(id);
    ctx.clock.after(ctx.delays.bindMs, () => {
      pendingBinds.delete(id);
      const freshPvc = client.get(
        'PersistentVolumeClaim',
        pvc.metadata.namespace,
        pvc.metadata.name!,
      );
      const freshPv = client.get(
        'PersistentVolume',
        undefined,
        pv.metadata.name!,
      );
      if (
        freshPvc &&
        freshPv &&
        !freshPvc.spec?.volumeName &&
        volumeMatchesClaim(freshPv, freshPvc)
      ) {
        try {
          bind(freshPvc, freshPv);
        } catch {
          claims.enqueueAfter(keyOf(freshPvc), ctx.delays.retryMs);
        }
      }
    });
  }

  /** Binds both sides: volume first (claimRef, phase), then the claim. */
  function bind(pvc: K8sObject, pv: K8sObject) {
    let volume = pv;
    if (!volume.spec?.claimRef?.uid) {
      volume = client.update(volume, c => {
        c.spec.claimRef = {
          kind: 'PersistentVolumeClaim',
          namespace: pvc.metadata.namespace,
          name: pvc.metadata.name,
          uid: pvc.metadata.uid,
          apiVersion: 'v1',
          resourceVersion: pvc.metadata.resourceVersion,
        };
        c.metadata.annotations = {
          ...(c.metadata.annotations ?? {}),
          [ANN_BOUND_BY_CONTROLLER]: 'yes',
        };
      });
    }
    if (volume.status?.phase !== 'Bound') {
      volume = client.update(
        volume,
        c =>
          (c.status = {
            phase: 'Bound',
            lastPhaseTransitionTime: ctx.clock.nowIso(),
          }),
        { status: true },
      );
    }
    let claim = pvc;
    if (
      claim.spec?.volumeName !== volume.metadata.name ||
      !claim.metadata.annotations?.[ANN_BIND_COMPLETED]
    ) {
      claim = client.update(claim, c => {
        const boundByController = !c.spec.volumeName;
        c.spec.volumeName = volume.metadata.name;
        c.metadata.annotations = {
          ...(c.metadata.annotations ?? {}),
          [ANN_BIND_COMPLETED]: 'yes',
          ...(boundByController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}),
        };
      });
    }
    client.update(
      claim,
      c => {
        c.status = {
          ...(c.status ?? {}),
          phase: 'Bound',
          accessModes: volume.spec.accessModes,
          capacity: { storage: volume.spec.capacity.storage },
        };
      },
      { status: true },
    );
  }

  // A PV's phase changes through its /status, with the time it changed.
  function setVolumePhase(pv: K8sObject, phase: string) {
    client.update(
      pv,
      c =>
        (c.status = {
          phase,
          lastPhaseTransitionTime: ctx.clock.nowIso(),
        }),
      { status: true },
    );
  }

  function syncVolume(key: string) {
    const [, name] = splitKey(key);
    const pv = client.get('PersistentVolume', undefined, name);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    const phase = pv.status?.phase;
    if (!ref) {
      if (phase !== 'Available' && !pv.metadata.deletionTimestamp) {
        setVolumePhase(pv, 'Available');
      }
      return;
    }
    const pvc = client.get('PersistentVolumeClaim', ref.namespace, ref.name);
    const claimGone = !pvc || (ref.uid && pvc.metadata.uid !== ref.uid);
    if (!claimGone) {
      if (pvc!.spec?.volumeName === pv.metadata.name && phase !== 'Bound') {
        setVolumePhase(pv, 'Bound');
      } else if (!pvc!.spec?.volumeName) {
        claims.enqueue(`${ref.namespace}/${ref.name}`);
      }
      return;
    }
    if (!ref.uid) {
      // Pre-bound to a claim that does not exist yet: stays Available for it.
      if (phase !== 'Available') {
        setVolumePhase(pv, 'Available');
      }
      return;
    }
    if (phase === 'Bound' || phase === 'Pending' || phase === 'Available') {
      setVolumePhase(pv, 'Released');
      return;
    }
    if (
      phase === 'Released' &&
      pv.spec?.persistentVolumeReclaimPolicy === 'Delete'
    ) {
      // Deletion of provisioned volumes belongs to their external provisioner.
      if (!pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']) {
        ctx.events.warning(
          pv,
          'VolumeFailedDelete',
          'error getting deleter volume plugin for volume: no deletable volume plugin matched',
          SOURCE,
        );
      }
    }
  }

  return {
    stop: () => {
      claims.stop();
      volumes.stop();
    },
    claims,
  };
}
