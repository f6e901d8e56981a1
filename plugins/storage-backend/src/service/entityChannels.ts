import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  KUBERNETES_ID_LABEL,
  STORAGE_SIGNAL_CHANNEL,
  StorageSignal,
  claimSignalChannel,
  entitySignalChannel,
  requestSignalChannel,
} from '@eks-storage/backstage-plugin-storage-common';

const CACHE_MS = 60_000;

/**
 * The channels a change is published on: everyone's, the entity's (found by
 * the claim's owner annotation or its `backstage.io/kubernetes-id` label, as
 * the catalog has it) and the request's.
 */
export function createSignalRouter(catalog: CatalogService, auth: AuthService) {
  const byKubernetesId = new Map<string, { refs: string[]; until: number }>();

  async function entitiesWithId(id: string): Promise<string[]> {
    const cached = byKubernetesId.get(id);
    if (cached && cached.until > Date.now()) {
      return cached.refs;
    }
    const { items } = await catalog.getEntities(
      {
        filter: { [`metadata.annotations.${KUBERNETES_ID_LABEL}`]: id },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const refs = items.map(entity => stringifyEntityRef(entity));
    byKubernetesId.set(id, { refs, until: Date.now() + CACHE_MS });
    return refs;
  }

  return async function channelsOf(signal: StorageSignal): Promise<string[]> {
    const entities = new Set<string>();
    if (signal.entityRef) {
      entities.add(signal.entityRef);
    }
    const id =
      signal.type === 'claim' ? signal.labels[KUBERNETES_ID_LABEL] : undefined;
    if (id) {
      for (const ref of await entitiesWithId(id).catch(() => [])) {
        entities.add(ref);
      }
    }
    return [
      STORAGE_SIGNAL_CHANNEL,
      ...[...entities].map(entitySignalChannel),
      ...(signal.type === 'request' ? [requestSignalChannel(signal.id)] : []),
      claimSignalChannel(
        signal.cluster,
        signal.namespace,
        signal.type === 'request' ? signal.claimName : signal.name,
      ),
    ];
  };
}
