import type { StoredStorageRequest } from '../database/RequestStore';
import type { ApprovalRequirement } from './ApprovalStore';

/** Notification topics: what an approver is asked, what a requester hears. */
export const APPROVALS_TOPIC = 'storage-approvals';
export const REQUESTS_TOPIC = 'storage-requests';

/**
 * The part of `@backstage/plugin-notifications-node`'s NotificationService
 * the approvals use (structurally the same, so the service itself fits).
 */
export interface ApprovalNotifier {
  send(options: {
    recipients:
      | {
          type: 'entity';
          entityRef: string | string[];
          excludeEntityRef?: string | string[];
        }
      | { type: 'broadcast' };
    payload: {
      title: string;
      description?: string;
      link?: string;
      severity?: 'critical' | 'high' | 'normal' | 'low';
      topic?: string;
      scope?: string;
    };
  }): Promise<void>;
}

export function requestLink(id: string): string {
  return `/storage/requests/${encodeURIComponent(id)}`;
}

function what(request: StoredStorageRequest): string {
  return `${request.operation} ${request.claimName} in ${request.cluster}/${request.namespace}`;
}

type Message = Parameters<ApprovalNotifier['send']>[0];

/** To the approver groups and users, never the requester: one per request. */
export function approvalRequested(
  request: StoredStorageRequest,
  requirement: Pick<ApprovalRequirement, 'approvers' | 'reason' | 'expiresAt'>,
  reminder = false,
): Message {
  return {
    recipients: {
      type: 'entity',
      entityRef: requirement.approvers,
      excludeEntityRef: request.requestedBy,
    },
    payload: {
      title: `${
        reminder ? 'Reminder: storage' : 'Storage'
      } request waits for your approval: ${what(request)}`,
      description: `${request.requestedBy} asks for ${what(request)} for ${
        request.entityRef
      }. ${requirement.reason}. Expires ${requirement.expiresAt}.`,
      link: requestLink(request.id),
      severity: reminder ? 'high' : 'normal',
      topic: APPROVALS_TOPIC,
      // Same scope: the reminder replaces the first notification.
      scope: `storage-approval:${request.id}`,
    },
  };
}

/** To the requester: how their request was decided. */
export function requestDecided(request: StoredStorageRequest): Message {
  const verdict: Record<string, string> = {
    approved: 'approved',
    rejected: 'rejected',
    cancelled: 'expired without a decision',
  };
  return {
    recipients: { type: 'entity', entityRef: request.requestedBy },
    payload: {
      title: `Storage request ${
        verdict[request.status] ?? request.status
      }: ${what(request)}`,
      description: request.decisionReason,
      link: requestLink(request.id),
      severity: request.status === 'approved' ? 'normal' : 'high',
      topic: REQUESTS_TOPIC,
      scope: `storage-request:${request.id}`,
    },
  };
}
