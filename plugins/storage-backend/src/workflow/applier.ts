import { KubernetesObject, PatchStrategy } from '@kubernetes/client-node';
import {
  FIELD_MANAGER,
  RenderedObject,
  StorageRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClusterClient } from '../clusters/ClusterRegistry';
import { ClusterError, toClusterError } from '../clusters/clusterErrors';

/** Resizes own only the size, so a GitOps owner of the rest keeps it. */
export const RESIZE_FIELD_MANAGER = 'backstage-storage-resize';

export type ApplyOutcome =
  | { ok: true; objects: KubernetesObject[] }
  | { ok: false; error: ClusterError };

async function serverSideApply(
  cluster: ClusterClient,
  object: KubernetesObject,
  options: { dryRun: boolean; fieldManager: string; force: boolean },
): Promise<KubernetesObject> {
  return cluster.objects.patch(
    object,
    undefined,
    options.dryRun ? 'All' : undefined,
    options.fieldManager,
    options.force,
    PatchStrategy.ServerSideApply,
  );
}

/**
 * Carries out a request on its cluster. Server-side apply makes it
 * idempotent: applying the same request twice yields one claim; deleting a
 * claim that is already gone succeeds.
 */
export async function applyRequest(
  cluster: ClusterClient,
  request: StorageRequest,
  objects: RenderedObject[],
  options: { dryRun?: boolean } = {},
): Promise<ApplyOutcome> {
  const dryRun = options.dryRun ?? false;
  try {
    if (request.operation === 'delete') {
      await cluster.core.deleteNamespacedPersistentVolumeClaim({
        name: request.claimName,
        namespace: request.namespace,
        dryRun: dryRun ? 'All' : undefined,
      });
      return { ok: true, objects: [] };
    }
    const applied: KubernetesObject[] = [];
    const resize = request.operation === 'resize';
    // In order: a static PV exists before the claim that names it.
    for (const object of objects) {
      applied.push(
        await serverSideApply(cluster, object as KubernetesObject, {
          dryRun,
          fieldManager: resize ? RESIZE_FIELD_MANAGER : FIELD_MANAGER,
          // A resize is the owner's explicit wish for a larger size, even
          // where another manager set the size before.
          force: resize,
        }),
      );
    }
    return { ok: true, objects: applied };
  } catch (error) {
    const clusterError = toClusterError(error);
    if (request.operation === 'delete' && clusterError.code === 404) {
      return { ok: true, objects: [] };
    }
    return { ok: false, error: clusterError };
  }
}
