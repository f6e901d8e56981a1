import { Request, Response } from 'express';
import {
  ErrorResponse,
  KubernetesObject,
  RenderedObject,
  SubmitResponse,
  ValidationResponse,
  renderYaml,
} from '@eks-storage/backstage-plugin-storage-common';
import { reply } from './reply';
import {
  RequestValidation,
  RequestValidationError,
} from '../../workflow/RequestService';
import { auditFieldsOf } from '../auditValues';
import { RequestInput } from '../requestInput';
import { RouterOptions } from './context';
import type { FollowUp } from '../../fleet/FleetApi';

/**
 * Rendered objects are plain JSON, shaped as the API server serves them;
 * client-node's classes only describe them for TypeScript.
 */
function asWireObjects(objects: RenderedObject[]): KubernetesObject[] {
  return objects as unknown as KubernetesObject[];
}

/** The browser sees findings, manifests as YAML, the dry run, the cost and the outcome. */
export function validationBody(validation: RequestValidation) {
  return {
    findings: validation.findings,
    manifests: asWireObjects(validation.manifests),
    manifestsYaml: validation.manifests.length
      ? renderYaml(validation.manifests)
      : '',
    dryRun: validation.dryRun,
    cost: validation.cost,
    offering: validation.offering?.id,
    ...(validation.consequence && { consequence: validation.consequence }),
    ...(validation.approval && { approval: validation.approval }),
    ...(validation.decision && { decision: validation.decision }),
  };
}

/**
 * Every route that submits a request ends here: audited (with bounded,
 * escaped values), limited in how many reach the clusters at once, and
 * passed whole to the request service, which authorizes what it touches.
 */
export function createSubmission(options: RouterOptions) {
  const { httpAuth, auditor, requests, limiter, onRequestChanged } = options;

  async function validate(req: Request, res: Response, input: RequestInput) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const validation = await limiter.run(
      credentials.principal.userEntityRef,
      () => requests.validate(input, credentials),
    );
    reply<ValidationResponse>(res, validationBody(validation));
  }

  async function submit(
    req: Request,
    res: Response,
    input: RequestInput,
    status: number,
    followUp?: FollowUp,
  ) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const audit = await auditor.createEvent({
      eventId: 'storage-request',
      severityLevel: 'medium',
      request: req,
      meta: auditFieldsOf(input),
    });
    try {
      const { request, validation } = await limiter.run(
        credentials.principal.userEntityRef,
        () =>
          requests.submit(input, {
            credentials,
            userRef: credentials.principal.userEntityRef,
          }),
      );
      await audit.success({
        meta: { requestId: request.id, status: request.status },
      });
      await onRequestChanged?.(request);
      await followUp?.afterSubmit(request);
      reply<SubmitResponse & { followUp?: FollowUp['describe'] }>(
        res,
        {
          request,
          ...validationBody(validation),
          ...(followUp && { followUp: followUp.describe }),
        },
        status,
      );
    } catch (error) {
      await audit.fail({ error: error as Error });
      if (error instanceof RequestValidationError) {
        reply<ErrorResponse & ValidationResponse>(
          res,
          {
            error: { name: 'InputError', message: error.message },
            request: { method: req.method, url: req.baseUrl + req.path },
            response: { statusCode: 400 },
            ...validationBody(error.validation),
          },
          400,
        );
        return;
      }
      throw error;
    }
  }

  return { validate, submit };
}
