import {
  MANAGED_BY_LABEL,
  REQUEST_ID_LABEL,
} from '@eks-storage/backstage-plugin-storage-common';

/**
 * Rendering for a repository needs no cluster: its name only seeds the name
 * of a static PV, and which cluster applies the repository is the GitOps
 * tool's business.
 */
export const REPOSITORY_CLUSTER = 'repository';

/**
 * The labels that say the storage backend applied an object for a stored
 * request. Manifests in a repository are applied by its GitOps tool, and no
 * request stands behind them, so they carry neither; the entity's label,
 * the offering and the owner stay.
 */
const BACKEND_LABELS = [REQUEST_ID_LABEL, MANAGED_BY_LABEL];

export function forRepository<
  T extends { metadata?: { labels?: Record<string, string> } },
>(object: T): T {
  const labels = object.metadata?.labels;
  if (!labels) return object;
  return {
    ...object,
    metadata: {
      ...object.metadata,
      labels: Object.fromEntries(
        Object.entries(labels).filter(([key]) => !BACKEND_LABELS.includes(key)),
      ),
    },
  };
}
