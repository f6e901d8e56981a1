/**
 * The namespace controller: a deleted namespace empties itself, then drops
 * its `kubernetes` finalizer and disappears.
 */
import { KINDS } from '../kinds';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller, keyOf, splitKey } from './runtime';

export function namespaces(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kube-controller-manager');
  const namespaced = KINDS.filter(k => k.namespaced);
  const controller: Controller = new Controller(
    {
      name: 'namespace-controller',
      keysFor: event => {
        if (
          event.object.kind === 'Namespace' &&
          event.object.metadata.deletionTimestamp
        )
          return [keyOf(event.object)];
        const ns = event.object.metadata.namespace;
        if (event.type === 'DELETED' && ns) {
          const owner = client.get('Namespace', undefined, ns);
          return owner?.metadata.deletionTimestamp ? [keyOf(owner)] : [];
        }
        return [];
      },
      reconcile: key => {
        const [, name] = splitKey(key);
        const ns = client.get('Namespace', undefined, name);
        if (!ns?.metadata.deletionTimestamp) return;
        let remaining = 0;
        for (const kind of namespaced) {
          for (const object of client.list(kind.kind, name)) {
            remaining++;
            if (!object.metadata.deletionTimestamp) client.delete(object);
          }
        }
        if (remaining === 0) {
          client.update(
            ns,
            c => (c.spec = { ...(c.spec ?? {}), finalizers: [] }),
          );
        } else {
          controller.enqueueAfter(key, ctx.delays.podStopMs * 5);
        }
      },
    },
    ctx.clock,
    ctx.registry.store,
  );
  return { stop: () => controller.stop() };
}
