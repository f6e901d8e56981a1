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

/** A JSON merge patch of a PV's spec: a PV that is gone is an error, never created anew. */
function patchVolume(
  cluster: ClusterClient,
  name: string,
  spec: object,
  dryRun: boolean,
): Promise<KubernetesObject> {
  return cluster.objects.patch(
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name },
      spec,
    } as KubernetesObject,
    undefined,
    dryRun ? 'All' : undefined,
    FIELD_MANAGER,
    undefined,
    PatchStrategy.MergePatch,
  );
}

/**
 * A PV object without a volume source: it binds an existing PV to the new
 * claim (claimRef), rather than describing a volume.
 */
function isRebind(object: KubernetesObject): boolean {
  const spec = (object as { spec?: Record<string, unknown> }).spec;
  return object.kind === 'PersistentVolume' && !spec?.csi && !!spec?.claimRef;
}

/**
 * Names the new claim in an existing PV's claimRef. A merge patch, so the
 * old claim's uid goes (the PV controller then binds the new claim), and a
 * PV that is gone is an error rather than created anew.
 */
async function rebindVolume(
  cluster: ClusterClient,
  object: KubernetesObject,
  dryRun: boolean,
): Promise<KubernetesObject> {
  const claimRef = (object as { spec: { claimRef: object } }).spec.claimRef;
  return patchVolume(
    cluster,
    object.metadata?.name ?? '',
    { claimRef: { ...claimRef, uid: null, resourceVersion: null } },
    dryRun,
  );
}

/**
 * Deletes a volume no claim holds, as the request's object says: reclaim
 * policy Delete (its driver deletes the cloud volume, then the PV), or the
 * PV object alone. Only the volume of the uid the request saw: one that is
 * gone, or replaced by another of its name, is done.
 */
async function deleteVolume(
  cluster: ClusterClient,
  object: KubernetesObject,
  dryRun: boolean,
): Promise<void> {
  const name = object.metadata?.name ?? '';
  let current;
  try {
    current = await cluster.core.readPersistentVolume({ name });
  } catch (error) {
    if (toClusterError(error).code === 404) return;
    throw error;
  }
  if (object.metadata?.uid && current.metadata?.uid !== object.metadata.uid) {
    return;
  }
  const policy = (
    object as { spec?: { persistentVolumeReclaimPolicy?: string } }
  ).spec?.persistentVolumeReclaimPolicy;
  if (policy) {
    await patchVolume(
      cluster,
      name,
      { persistentVolumeReclaimPolicy: policy },
      dryRun,
    );
    return;
  }
  await cluster.core.deletePersistentVolume({
    name,
    dryRun: dryRun ? 'All' : undefined,
  });
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
    if (request.operation === 'delete' && objects.length) {
      // A volume no claim holds: its own object, never a claim of the name.
      for (const object of objects) {
        await deleteVolume(cluster, object as KubernetesObject, dryRun);
      }
      return { ok: true, objects: [] };
    }
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
      if (isRebind(object as KubernetesObject)) {
        applied.push(
          await rebindVolume(cluster, object as KubernetesObject, dryRun),
        );
        continue;
      }
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
