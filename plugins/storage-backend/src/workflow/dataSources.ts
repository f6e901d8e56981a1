import {
  KUBERNETES_ID_LABEL,
  OWNER_ANNOTATION,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClusterClient } from '../clusters/ClusterRegistry';
import { toClusterError } from '../clusters/clusterErrors';
import { RequestInput } from '../service/requestInput';
import { OwnedObject } from './ownership';

/** The snapshot or claim a new claim's data comes from. */
export interface DataSource {
  kind: 'VolumeSnapshot' | 'PersistentVolumeClaim';
  name: string;
  /** The request field that names it. */
  field: string;
  /** Undefined when it does not exist. */
  object?: OwnedObject;
  readyToUse?: boolean;
}

interface SnapshotObject {
  metadata?: OwnedObject;
  spec?: { source?: { persistentVolumeClaimName?: string } };
  status?: { readyToUse?: boolean };
}

async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (toClusterError(error).code === 404) return undefined;
    throw error;
  }
}

function ownershipOf(
  meta: OwnedObject | undefined,
  namespace: string,
): OwnedObject | undefined {
  return meta && { ...meta, namespace };
}

/** Whether an object says whose it is. */
function isLabelled(meta: OwnedObject | undefined): boolean {
  return Boolean(
    meta?.annotations?.[OWNER_ANNOTATION] ||
      meta?.labels?.[KUBERNETES_ID_LABEL],
  );
}

/**
 * Reads the snapshot (restore, or a create from a snapshot) or the claim
 * (clone) a new claim's data comes from. A snapshot that says nothing of
 * its owner is judged by the claim it was taken of.
 */
export async function readDataSource(
  cluster: ClusterClient,
  input: RequestInput,
): Promise<DataSource | undefined> {
  const namespace = input.namespace;
  const source = input.source;
  let snapshotName: string | undefined;
  if (input.operation === 'restore') snapshotName = input.snapshotName;
  else if (source?.type === 'snapshot') snapshotName = source.snapshotName;
  if (typeof snapshotName === 'string' && snapshotName) {
    const snapshot = (await orUndefined(
      cluster.objects.read({
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshot',
        metadata: { name: snapshotName, namespace },
      }),
    )) as SnapshotObject | undefined;
    let owner = ownershipOf(snapshot?.metadata, namespace);
    const sourceClaim = snapshot?.spec?.source?.persistentVolumeClaimName;
    if (snapshot && !isLabelled(owner) && sourceClaim) {
      const claim = await orUndefined(
        cluster.core.readNamespacedPersistentVolumeClaim({
          name: sourceClaim,
          namespace,
        }),
      );
      owner = ownershipOf(claim?.metadata as OwnedObject, namespace);
    }
    return {
      kind: 'VolumeSnapshot',
      name: snapshotName,
      field:
        input.operation === 'restore' ? 'snapshotName' : 'source.snapshotName',
      object: snapshot ? owner ?? { namespace } : undefined,
      readyToUse: snapshot?.status?.readyToUse,
    };
  }
  if (source?.type === 'clone' && source.claimName) {
    const claim = await orUndefined(
      cluster.core.readNamespacedPersistentVolumeClaim({
        name: source.claimName,
        namespace,
      }),
    );
    return {
      kind: 'PersistentVolumeClaim',
      name: source.claimName,
      field: 'source.claimName',
      object: claim
        ? ownershipOf(claim.metadata as OwnedObject, namespace)
        : undefined,
    };
  }
  return undefined;
}
