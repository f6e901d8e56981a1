import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { StoredStorageRequest } from '../database/RequestStore';
import type {
  ApprovalApi,
  ApprovalHousekeeping,
  ApprovalServiceOptions,
} from './ApprovalApi';
import type { ApprovalEffects } from './approvalEffects';
import { approvalRequested, requestDecided } from './notifications';

export const APPROVAL_HOUSEKEEPING_TASK = 'storage-approval-housekeeping';

/** Who the audit log names for an expiry. */
const EXPIRY_ACTOR = 'storage:approval-expiry';

function days(ms: number): string {
  const d = ms / 86_400_000;
  if (d >= 1 && Number.isInteger(d)) return `${d} day${d === 1 ? '' : 's'}`;
  const h = Math.round(ms / 3_600_000);
  return `${h} hour${h === 1 ? '' : 's'}`;
}

/** Expires pending requests past their time and reminds approvers at half-time. */
export async function runApprovalHousekeeping(
  options: Pick<
    ApprovalServiceOptions,
    'approvals' | 'logger' | 'pendingTimeoutMs'
  >,
  effects: ApprovalEffects,
  now: Date,
): Promise<ApprovalHousekeeping> {
  const { approvals, logger, pendingTimeoutMs } = options;
  const expired = await approvals.expireDue(
    now,
    `Expired: no decision within ${days(pendingTimeoutMs)}`,
  );
  for (const request of expired) {
    await effects.audit('storage-approval-expired', request, {
      actor: EXPIRY_ACTOR,
    });
    await effects.notify(requestDecided(request));
    await effects.changed(request);
  }
  const reminded: StoredStorageRequest[] = [];
  for (const due of await approvals.listDueReminders(now)) {
    // Marked first: of replicas racing, one reminds.
    if (!(await approvals.markReminded(due.request.id, now))) continue;
    await effects.notify(approvalRequested(due.request, due.requirement, true));
    reminded.push(due.request);
  }
  if (expired.length || reminded.length) {
    logger.info(
      `Storage approvals: ${expired.length} expired, ${reminded.length} reminded`,
    );
  }
  return { expired, reminded };
}

/**
 * Expires pending requests and reminds approvers, once across replicas
 * (the scheduler's tasks are global by default), every few minutes.
 */
export async function scheduleApprovalHousekeeping(options: {
  scheduler: SchedulerService;
  approvals: Pick<ApprovalApi, 'runHousekeeping'>;
  logger: LoggerService;
  frequencyMinutes?: number;
}): Promise<void> {
  const { scheduler, approvals, logger, frequencyMinutes = 5 } = options;
  await scheduler.scheduleTask({
    id: APPROVAL_HOUSEKEEPING_TASK,
    frequency: { minutes: frequencyMinutes },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      try {
        await approvals.runHousekeeping();
      } catch (error) {
        logger.error('Storage approval housekeeping failed', error as Error);
      }
    },
  });
}
