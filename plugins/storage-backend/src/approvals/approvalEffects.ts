import type { StoredStorageRequest } from '../database/RequestStore';
import type { ApprovalServiceOptions } from './ApprovalApi';
import type { ApprovalNotifier } from './notifications';

/**
 * What follows a change of a request's approval: the audit event, the
 * notification and the announcement to signals and the apply worker. A
 * notification or an announcement that fails is logged, not thrown: the
 * change is stored already.
 */
export class ApprovalEffects {
  constructor(
    private readonly options: Pick<
      ApprovalServiceOptions,
      'auditor' | 'logger' | 'notifications' | 'onRequestChanged'
    >,
  ) {}

  async notify(message: Parameters<ApprovalNotifier['send']>[0]) {
    if (!this.options.notifications) return;
    try {
      await this.options.notifications.send(message);
    } catch (error) {
      this.options.logger.warn(
        `Could not send a storage approval notification: ${error}`,
      );
    }
  }

  async changed(request: StoredStorageRequest) {
    try {
      await this.options.onRequestChanged?.(request);
    } catch (error) {
      this.options.logger.warn(
        `Could not announce the change of storage request ${request.id}: ${error}`,
      );
    }
  }

  async audit(
    eventId: string,
    request: StoredStorageRequest,
    meta: Record<string, string | number | boolean | undefined>,
  ) {
    const event = await this.options.auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      meta: {
        requestId: request.id,
        status: request.status,
        entityRef: request.entityRef,
        ...Object.fromEntries(
          Object.entries(meta).filter(([, v]) => v !== undefined),
        ),
      },
    });
    await event.success();
  }
}
