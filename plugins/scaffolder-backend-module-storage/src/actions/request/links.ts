import { RootConfigService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@eks-storage/backstage-plugin-storage-common';

/** Links into the app, from its `app.baseUrl`. */
export interface StorageLinks {
  /** The request's page: status, history, approval. */
  request(id: string): string;
  /** The entity's Storage tab. */
  storageTab(entityRef: string): string;
}

export function storageLinks(config: RootConfigService): StorageLinks {
  const base = (config.getOptionalString('app.baseUrl') ?? '').replace(
    /\/+$/,
    '',
  );
  const segment = (value: string) => encodeURIComponent(value);
  return {
    request: id => `${base}/storage/requests/${segment(id)}`,
    storageTab: entityRef => {
      const ref = parseEntityRef(entityRef);
      if (!ref) return `${base}/catalog`;
      return `${base}/catalog/${[ref.namespace, ref.kind, ref.name]
        .map(segment)
        .join('/')}/storage`;
    },
  };
}
