import { NotAllowedError } from '@backstage/errors';
import {
  OWNER_ANNOTATION,
  StorageOffering,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolume } from '@kubernetes/client-node';
import { ClusterClient } from '../clusters/ClusterRegistry';
import { RequestStore } from '../database/RequestStore';
import { StorageClaimResource } from '../permissions/rules';

/** Whether binding a pre-existing volume may go ahead, or needs the platform team. */
export interface VolumeAccess {
  /** Set when the platform team must approve: why, in plain words. */
  approvalReason?: string;
}

/** The volume handle a PV of this driver would carry for the volume ID. */
function handleOf(pv: V1PersistentVolume, driver: string): string | undefined {
  const csi = pv.spec?.csi;
  if (!csi) return undefined;
  return driver === 's3' ? csi.volumeAttributes?.bucketName : csi.volumeHandle;
}

/**
 * Proves the requester may bind a pre-existing volume: it is offered to
 * the entity's owners by the platform's allow-list, or it is a Released
 * volume that the entity's own claim left behind. A volume bound to a
 * claim is never bound again; anything else waits for the platform team.
 */
export async function existingVolumeAccess(options: {
  cluster: ClusterClient;
  offering: StorageOffering;
  volumeId: string;
  entity: StorageClaimResource;
  store: RequestStore;
}): Promise<VolumeAccess> {
  const { cluster, offering, volumeId, entity, store } = options;
  const volumes = await cluster.core.listPersistentVolume();
  const existing = volumes.items.filter(
    pv => handleOf(pv, offering.driver) === volumeId,
  );
  // S3 buckets may be mounted by several PVs at once; block volumes never.
  if (offering.driver !== 's3') {
    const inUse = existing.find(pv => pv.status?.phase === 'Bound');
    if (inUse) {
      throw new NotAllowedError(
        `source.volumeId: volume ${volumeId} is bound to another claim: a volume serves one claim at a time`,
      );
    }
  }
  const offered = offering.existingVolumes.find(v => v.id === volumeId);
  if (offered) {
    if (
      offered.owners.length === 0 ||
      offered.owners.some(
        owner => owner === entity.entityRef || entity.ownerRefs.includes(owner),
      )
    ) {
      return {};
    }
    return {
      approvalReason: `${volumeId} is offered to ${offered.owners.join(
        ', ',
      )}, not to ${
        entity.entityRef
      }: the platform team must approve binding it`,
    };
  }
  const released = existing.filter(pv => pv.status?.phase === 'Released');
  for (const pv of released) {
    if (await leftBehindBy(pv, entity.entityRef, cluster.name, store)) {
      return {};
    }
  }
  return {
    approvalReason: `${volumeId} is not offered by "${offering.title}" to ${
      entity.entityRef
    }${
      released.length ? ' and was left behind by another claim' : ''
    }: the platform team must confirm whose it is before it is bound`,
  };
}

/** Whether a Released volume's last claim was the entity's own. */
async function leftBehindBy(
  pv: V1PersistentVolume,
  entityRef: string,
  cluster: string,
  store: RequestStore,
): Promise<boolean> {
  if (pv.metadata?.annotations?.[OWNER_ANNOTATION] === entityRef) {
    return true;
  }
  const claimRef = pv.spec?.claimRef;
  if (!claimRef?.namespace || !claimRef.name) return false;
  const requests = await store.list({ entityRef });
  return requests.some(
    r =>
      r.operation !== 'delete' &&
      r.cluster === cluster &&
      r.namespace === claimRef.namespace &&
      r.claimName === claimRef.name &&
      r.status === 'applied',
  );
}
