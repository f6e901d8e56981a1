import { AuditorService, AuthService } from '@backstage/backend-plugin-api';
import { StoredStorageRequest } from '../database/RequestStore';
import { auditFieldsOf } from '../service/auditValues';
import { RequestInput } from '../service/requestInput';
import { RequestService } from '../workflow/RequestService';

/**
 * Submits the requests the backend makes on its own (scheduled snapshots,
 * expired claims' deletes, deletes waiting for their snapshot) through the
 * request service, audited like a user's, and tells the listener (signals,
 * the apply worker) as a user's submission does.
 */
export function createBackendRequests(options: {
  requests: Pick<RequestService, 'submitAsBackend'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  auditor: AuditorService;
  onRequestChanged?: (request: StoredStorageRequest) => Promise<void>;
}) {
  return async function submit(
    input: RequestInput & { requestId: string },
    requestedBy: string,
    labels?: Record<string, string>,
  ): Promise<StoredStorageRequest> {
    const audit = await options.auditor.createEvent({
      eventId: 'storage-request',
      severityLevel: 'medium',
      meta: { ...auditFieldsOf(input), requestedBy, by: 'backend' },
    });
    try {
      const { request } = await options.requests.submitAsBackend(input, {
        serviceCredentials: await options.auth.getOwnServiceCredentials(),
        requestedBy,
        labels,
      });
      await audit.success({
        meta: { requestId: request.id, status: request.status },
      });
      await options.onRequestChanged?.(request);
      return request;
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  };
}

export type BackendRequests = ReturnType<typeof createBackendRequests>;
