/**
 * What controllers use to read and write: the same registry the API serves,
 * under the controller's own field manager.
 */
import { Registry } from '../api/registry';
import { kindByName, resourceKey } from '../kinds';
import { K8sObject } from '../store/types';
import { clone } from '../api/patch/json';

export class ControllerClient {
  constructor(readonly registry: Registry, readonly manager: string) {}

  get(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): K8sObject | undefined {
    return this.registry.find(kindByName(kind), namespace, name);
  }

  list(kind: string, namespace?: string): K8sObject[] {
    return this.registry.store.list(resourceKey(kindByName(kind)), namespace);
  }

  create(
    object: Omit<K8sObject, 'apiVersion'> & { apiVersion?: string },
  ): K8sObject {
    return this.registry.create(
      kindByName(object.kind),
      object.metadata.namespace,
      object,
      { fieldManager: this.manager },
    );
  }

  /** Updates a copy of `object` changed by `change` (status when asked). */
  update(
    object: K8sObject,
    change: (copy: K8sObject) => void,
    options: { status?: boolean } = {},
  ): K8sObject {
    const copy = clone(object);
    change(copy);
    return this.registry.update(
      kindByName(object.kind),
      object.metadata.namespace,
      object.metadata.name!,
      copy,
      {
        fieldManager: this.manager,
        ...(options.status ? { subresource: 'status' as const } : {}),
      },
    );
  }

  delete(object: K8sObject, gracePeriodSeconds?: number) {
    const kind = kindByName(object.kind);
    if (
      !this.registry.find(
        kind,
        object.metadata.namespace,
        object.metadata.name!,
      )
    ) {
      return;
    }
    this.registry.delete(
      kind,
      object.metadata.namespace,
      object.metadata.name!,
      {
        gracePeriodSeconds,
      },
    );
  }

  /** Removes a finalizer from the latest version of an object, if present. */
  removeFinalizer(object: K8sObject, finalizer: string): K8sObject {
    const latest = this.get(
      object.kind,
      object.metadata.namespace,
      object.metadata.name!,
    );
    if (!latest || !(latest.metadata.finalizers ?? []).includes(finalizer)) {
      return latest ?? object;
    }
    return this.update(latest, copy => {
      copy.metadata.finalizers = (copy.metadata.finalizers ?? []).filter(
        (f: string) => f !== finalizer,
      );
    });
  }
}
