/** The resource-quota controller: keeps `status.used` of storage quotas current. */
import {
  formatQuantity,
  parseQuantity,
} from '@eks-storage/backstage-plugin-storage-common';
import { namespaceUsage } from '../api/admission';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller, keyOf, splitKey } from './runtime';
import { deepEqual } from '../api/patch/json';

export function quotas(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kube-controller-manager');
  const controller = new Controller(
    {
      name: 'resourcequota-controller',
      keysFor: event => {
        if (event.object.kind === 'ResourceQuota' && event.type !== 'DELETED')
          return [keyOf(event.object)];
        if (event.object.kind === 'PersistentVolumeClaim') {
          return client
            .list('ResourceQuota', event.object.metadata.namespace)
            .map(keyOf);
        }
        return [];
      },
      reconcile: key => {
        const [namespace, name] = splitKey(key);
        const quota = client.get('ResourceQuota', namespace, name);
        if (!quota) return;
        const hard: Record<string, string> = quota.spec?.hard ?? {};
        const used: Record<string, string> = {};
        for (const resource of Object.keys(hard)) {
          const value = namespaceUsage(
            ctx.registry.store,
            namespace!,
            resource,
          );
          used[resource] = resource.endsWith('persistentvolumeclaims')
            ? String(value)
            : formatQuantity(value);
        }
        const status = { hard, used };
        const normalise = (s: Record<string, string>) =>
          Object.fromEntries(
            Object.entries(s).map(([k, v]) => [k, parseQuantity(v)]),
          );
        if (
          !deepEqual(normalise(quota.status?.used ?? {}), normalise(used)) ||
          !deepEqual(quota.status?.hard, hard)
        ) {
          client.update(quota, c => (c.status = status), { status: true });
        }
      },
    },
    ctx.clock,
    ctx.registry.store,
  );
  return { stop: () => controller.stop() };
}
