import type { ApprovalNotifier } from '../approvals/notifications';
import { ClaimCleanup } from './store/CleanupStore';

/** The topic of the platform console's notices (expiry). */
export const EXPIRY_TOPIC = 'storage-expiry';

export function claimLink(
  cleanup: Pick<ClaimCleanup, 'cluster' | 'namespace' | 'name'>,
) {
  return `/storage/claims/${[cleanup.cluster, cleanup.namespace, cleanup.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/**
 * To the claim's owners (the entity's owning group, and whoever asked for
 * the claim), a day before it expires: what happens, and how to keep it.
 */
export function expiryWarning(
  cleanup: ClaimCleanup,
  recipients: string[],
): Parameters<ApprovalNotifier['send']>[0] {
  const what = `${cleanup.namespace}/${cleanup.name} in ${cleanup.cluster}`;
  return {
    recipients: { type: 'entity', entityRef: recipients },
    payload: {
      title: `Storage claim ${what} expires ${cleanup.expiresAt}`,
      description: `At expiry the claim is deleted through a storage request${
        cleanup.snapshotFirst ? ', after a snapshot of it is ready' : ''
      }. To keep it, move or remove its storage.backstage.io/expires-at annotation before then.`,
      link: claimLink(cleanup),
      severity: 'high',
      topic: EXPIRY_TOPIC,
      // One notice per claim and expiry: a moved expiry warns again.
      scope: `storage-expiry:${cleanup.cluster}/${cleanup.namespace}/${cleanup.name}/${cleanup.uid}/${cleanup.expiresAt}`,
    },
  };
}
