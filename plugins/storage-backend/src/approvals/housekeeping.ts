import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { ApprovalApi } from './ApprovalService';

export const APPROVAL_HOUSEKEEPING_TASK = 'storage-approval-housekeeping';

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
