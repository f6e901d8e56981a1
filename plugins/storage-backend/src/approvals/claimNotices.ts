import { LoggerService } from '@backstage/backend-plugin-api';
import { ClaimTransition } from '../database/ClaimTransitionStore';
import { RequestStore } from '../database/RequestStore';
import { ClaimSummary } from '../tracker/claimView';
import { ApprovalNotifier, REQUESTS_TOPIC, requestLink } from './notifications';

/** Claim states a requester hears of: the storage is there, or it is not. */
const OUTCOMES = new Set(['bound', 'failed']);

/**
 * Tells the requester when the claim their request made reaches `Bound`, or
 * fails (with the diagnosis headline). Every replica's tracker sees the
 * transition; the notification's scope makes the notifications backend keep
 * one per request and outcome.
 */
export function createClaimNotices(options: {
  store: RequestStore;
  notifications?: ApprovalNotifier;
  logger: LoggerService;
}) {
  const { store, notifications, logger } = options;
  return async (claim: ClaimSummary, transition?: ClaimTransition) => {
    if (!notifications || !transition || !claim.requestId) return;
    if (!OUTCOMES.has(transition.toState)) return;
    const request = await store.get(claim.requestId);
    if (!request) return;
    const bound = transition.toState === 'bound';
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: request.requestedBy },
        payload: {
          title: bound
            ? `Storage ready: ${claim.namespace}/${claim.name} is Bound in ${claim.cluster}`
            : `Storage failed: ${claim.namespace}/${claim.name} in ${claim.cluster}`,
          description: bound
            ? `The claim your request asked for is Bound and ready to use.`
            : transition.headline,
          link: requestLink(request.id),
          severity: bound ? 'normal' : 'high',
          topic: REQUESTS_TOPIC,
          scope: `storage-request-outcome:${request.id}:${transition.toState}`,
        },
      });
    } catch (error) {
      logger.warn(`Could not notify ${request.requestedBy}: ${error}`);
    }
  };
}
