/**
 * The garbage collector's part in deletion (kube-controller-manager
 * `garbagecollector`): an owner deleted in the foreground waits under the
 * `foregroundDeletion` finalizer while its dependents are deleted (those
 * with `blockOwnerDeletion` hold it); an owner deleted with `Orphan` has its
 * owner reference removed from every dependent before the `orphan`
 * finalizer goes. Background deletion of dependents whose owner is gone is
 * done here too.
 */
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../api/deletion';
import { KINDS } from '../kinds';
import { K8sObject } from '../store/types';
import { ControllerClient } from './client';
import { ControllerContext } from './context';
import { Controller } from './runtime';

export function garbageCollector(ctx: ControllerContext) {
  const client = new ControllerClient(ctx.registry, 'kube-controller-manager');

  function dependentsOf(owner: K8sObject): K8sObject[] {
    const uid = owner.metadata.uid;
    const namespace = owner.metadata.namespace;
    return KINDS.flatMap(k =>
      k.namespaced || !namespace
        ? client.list(k.kind, k.namespaced ? namespace : undefined)
        : [],
    ).filter(o =>
      (o.metadata.ownerReferences ?? []).some((r: any) => r.uid === uid),
    );
  }

  /** uid → owner, remembered so a dependent can be traced after its owner went. */
  const controller: Controller = new Controller(
    {
      name: 'garbage-collector',
      keysFor: event => {
        const o = event.object;
        const keys: string[] = [];
        const finalizers = o.metadata.finalizers ?? [];
        if (
          event.type !== 'DELETED' &&
          o.metadata.deletionTimestamp &&
          (finalizers.includes(FOREGROUND_FINALIZER) ||
            finalizers.includes(ORPHAN_FINALIZER))
        ) {
          keys.push(
            `owner:${o.kind}:${o.metadata.namespace ?? ''}:${o.metadata.name}`,
          );
        }
        if (event.type === 'DELETED') {
          keys.push(`gone:${o.metadata.namespace ?? ''}:${o.metadata.uid}`);
        }
        // A dependent that went (or changed) may unblock its owners.
        for (const ref of o.metadata.ownerReferences ?? []) {
          const kind = KINDS.find(
            k =>
              k.kind === ref.kind &&
              `${k.group ? `${k.group}/` : ''}${k.version}` === ref.apiVersion,
          );
          if (kind) {
            keys.push(
              `owner:${kind.kind}:${
                kind.namespaced ? o.metadata.namespace ?? '' : ''
              }:${ref.name}`,
            );
          }
        }
        return keys;
      },
      reconcile: key => {
        const [type, a, b, c] = key.split(':');
        if (type === 'owner') reconcileOwner(a, b || undefined, c);
        else if (type === 'gone') collectOrphans(a || undefined, b);
      },
    },
    ctx.clock,
    ctx.registry.store,
  );

  function reconcileOwner(
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    const owner = client.get(kind, namespace, name);
    if (!owner?.metadata.deletionTimestamp) return;
    const finalizers = owner.metadata.finalizers ?? [];
    const dependents = dependentsOf(owner);
    if (finalizers.includes(ORPHAN_FINALIZER)) {
      for (const dependent of dependents) {
        client.update(dependent, copy => {
          copy.metadata.ownerReferences = (
            copy.metadata.ownerReferences ?? []
          ).filter((r: any) => r.uid !== owner.metadata.uid);
          if (copy.metadata.ownerReferences!.length === 0) {
            delete copy.metadata.ownerReferences;
          }
        });
      }
      client.removeFinalizer(owner, ORPHAN_FINALIZER);
      return;
    }
    if (!finalizers.includes(FOREGROUND_FINALIZER)) return;
    for (const dependent of dependents) {
      if (!dependent.metadata.deletionTimestamp) client.delete(dependent);
    }
    const blocking = dependentsOf(owner).filter(d =>
      (d.metadata.ownerReferences ?? []).some(
        (r: any) => r.uid === owner.metadata.uid && r.blockOwnerDeletion,
      ),
    );
    if (blocking.length === 0) {
      client.removeFinalizer(owner, FOREGROUND_FINALIZER);
    }
  }

  /** Background deletion: dependents whose every owner is gone go too. */
  function collectOrphans(namespace: string | undefined, uid: string) {
    for (const k of KINDS) {
      if (!k.namespaced && namespace) continue;
      for (const object of client.list(
        k.kind,
        k.namespaced ? namespace : undefined,
      )) {
        const refs: any[] = object.metadata.ownerReferences ?? [];
        if (!refs.some(r => r.uid === uid)) continue;
        const alive = refs.some(r => r.uid !== uid && ownerExists(object, r));
        if (!alive && !object.metadata.deletionTimestamp) client.delete(object);
      }
    }
  }

  function ownerExists(dependent: K8sObject, ref: any) {
    const kind = KINDS.find(k => k.kind === ref.kind);
    if (!kind) return true;
    const owner = client.get(
      kind.kind,
      kind.namespaced ? dependent.metadata.namespace : undefined,
      ref.name,
    );
    return owner?.metadata.uid === ref.uid;
  }

  return { stop: () => controller.stop() };
}
