/**
 * The pvc-protection and pv-protection controllers: a claim in use by a
 * pod, or a bound volume, stays Terminating until it is no longer used.
 */
import { PV_PROTECTION, PVC_PROTECTION } from '../api/admission';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller, keyOf, splitKey } from './runtime';
import { claimsOf, podsUsing } from './volumes';

export function protection(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kube-controller-manager');
  const controller = new Controller(
    {
      name: 'storage-protection',
      keysFor: event => {
        const o = event.object;
        if (o.kind === 'PersistentVolumeClaim' && o.metadata.deletionTimestamp)
          return [`pvc:${keyOf(o)}`];
        if (o.kind === 'PersistentVolume' && o.metadata.deletionTimestamp)
          return [`pv:${keyOf(o)}`];
        if (o.kind === 'PersistentVolume' && event.type === 'MODIFIED')
          return [`pv:${keyOf(o)}`];
        if (
          o.kind === 'Pod' &&
          (event.type === 'DELETED' ||
            o.status?.phase === 'Succeeded' ||
            o.status?.phase === 'Failed')
        ) {
          return claimsOf(o).map(c => `pvc:${o.metadata.namespace}/${c}`);
        }
        return [];
      },
      reconcile: key => {
        const [namespace, name] = splitKey(key.slice(key.indexOf(':') + 1));
        if (key.startsWith('pvc:')) {
          const pvc = client.get('PersistentVolumeClaim', namespace, name);
          if (!pvc?.metadata.deletionTimestamp) return;
          if (podsUsing(client.list('Pod', namespace), name).length > 0) return;
          client.removeFinalizer(pvc, PVC_PROTECTION);
        } else {
          const pv = client.get('PersistentVolume', undefined, name);
          if (!pv?.metadata.deletionTimestamp || pv.status?.phase === 'Bound')
            return;
          client.removeFinalizer(pv, PV_PROTECTION);
        }
      },
    },
    ctx.clock,
    ctx.registry.store,
  );
  return { stop: () => controller.stop() };
}
