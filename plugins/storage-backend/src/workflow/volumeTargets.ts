import {
  KUBERNETES_NAMESPACE_ANNOTATION,
  RenderedObject,
} from '@eks-storage/backstage-plugin-storage-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  V1PersistentVolume,
  V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import { entitiesOwning } from './ownership';

/** The annotation the external provisioner sets on the volumes it made. */
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

/** A volume no claim holds: Released by its claim's deletion, or Available. */
export function isUnclaimed(pv: V1PersistentVolume): boolean {
  const phase = pv.status?.phase;
  return phase === 'Released' || phase === 'Available' || phase === 'Failed';
}

/**
 * Who a volume no claim holds belongs to: the entity its labels or owner
 * annotation name, else the entities whose namespace its last claim lived
 * in (how the Storage tab lists Released volumes).
 */
export async function entitiesOfVolume(
  pv: V1PersistentVolume,
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const namespace = pv.spec?.claimRef?.namespace;
  const byLabels = await entitiesOwning(
    {
      namespace,
      labels: pv.metadata?.labels,
      annotations: pv.metadata?.annotations,
    },
    catalog,
    credentials,
  );
  if (byLabels.length || !namespace) return byLabels;
  const { items } = await catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${KUBERNETES_NAMESPACE_ANNOTATION}`]: namespace,
      },
    },
    { credentials },
  );
  return items.sort((a, b) =>
    stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
  );
}

/**
 * How a volume no claim holds is deleted, as the object the request
 * carries: a Released volume its driver provisioned gets reclaim policy
 * Delete, so the driver deletes the cloud volume and then the PV; any other
 * is a PV object to delete (its cloud volume stays, as Retain promised).
 * The uid pins the request to this volume, not a later one of its name.
 */
export function volumeDeletion(pv: V1PersistentVolume): RenderedObject {
  const metadata = { name: pv.metadata?.name, uid: pv.metadata?.uid };
  return (
    providerDeletes(pv)
      ? {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata,
          spec: { persistentVolumeReclaimPolicy: 'Delete' },
        }
      : { apiVersion: 'v1', kind: 'PersistentVolume', metadata }
  ) as RenderedObject;
}

function providerDeletes(pv: V1PersistentVolume): boolean {
  return (
    pv.status?.phase === 'Released' &&
    Boolean(pv.metadata?.annotations?.[PROVISIONED_BY])
  );
}

/** What deleting the volume does to its data, in plain words. */
export function volumeDeleteConsequence(pv: V1PersistentVolume): string {
  const name = pv.metadata?.name;
  const handle = pv.spec?.csi?.volumeHandle;
  return providerDeletes(pv)
    ? `The volume ${name}${
        handle ? ` (${handle})` : ''
      } and all its data are destroyed: its reclaim policy becomes Delete, so its driver deletes the cloud volume and then the PersistentVolume.`
    : `The PersistentVolume ${name} is deleted; the cloud volume${
        handle ? ` ${handle}` : ''
      } and its data stay (no driver provisioned it, or it is not Released): delete it in AWS once nobody needs it.`;
}

/**
 * Binding a volume that already has a PersistentVolume reuses that PV
 * instead of making a second one for the same cloud volume: its claimRef
 * names the new claim (without a uid, so the PV controller binds the claim
 * when it appears), and the claim names the PV and its class.
 */
export function adoptionManifests(
  pv: V1PersistentVolume,
  rendered: RenderedObject[],
): RenderedObject[] {
  const claim = rendered.find(
    o => o.kind === 'PersistentVolumeClaim',
  ) as V1PersistentVolumeClaim;
  const rebind = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: pv.metadata?.name },
    spec: {
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        namespace: claim.metadata?.namespace,
        name: claim.metadata?.name,
      },
    },
  } as RenderedObject;
  const capacity = pv.spec?.capacity?.storage;
  return [
    rebind,
    {
      ...claim,
      spec: {
        ...claim.spec,
        volumeName: pv.metadata?.name,
        storageClassName: pv.spec?.storageClassName ?? '',
        ...(capacity && {
          resources: { requests: { storage: capacity } },
        }),
      },
    } as RenderedObject,
  ];
}
