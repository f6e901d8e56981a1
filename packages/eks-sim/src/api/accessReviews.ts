/**
 * SelfSubjectAccessReview and SelfSubjectRulesReview: what the caller may do,
 * answered from the simulator's own authorization rules (kubectl auth can-i).
 */
import { IncomingMessage } from 'node:http';
import { Identity, isAllowed } from './auth';
import { decodeBody, readRawBody } from './body';
import { errors } from './errors';
import { decodeReview, isProtobuf } from './protobuf';

export async function accessReview(
  req: IncomingMessage,
  identity: Identity,
  resource: string,
) {
  if (req.method !== 'POST') throw errors.methodNotAllowed();
  const raw = await readRawBody(req);
  const contentType = req.headers['content-type'];
  const review: any = isProtobuf(contentType)
    ? decodeReview(raw)
    : decodeBody(raw.toString('utf8'), contentType, 'SelfSubjectAccessReview');
  if (resource === 'selfsubjectaccessreviews') {
    const attributes = review?.spec?.resourceAttributes;
    let allowed = identity.rules === 'all';
    if (attributes && !allowed) {
      allowed = isAllowed(identity, {
        verb: attributes.verb ?? '',
        group: attributes.group ?? '',
        resource: attributes.resource ?? '',
        subresource: attributes.subresource || undefined,
        namespace: attributes.namespace || undefined,
        name: attributes.name,
      });
    }
    return reviewReply('SelfSubjectAccessReview', review, {
      allowed,
      ...(allowed ? { reason: 'allowed by the simulator policy' } : {}),
    });
  }
  if (resource === 'selfsubjectrulesreviews') {
    const namespace = review?.spec?.namespace;
    const rules =
      identity.rules === 'all'
        ? [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]
        : identity.rules
            .filter(
              r =>
                !namespace ||
                r.namespaces === undefined ||
                r.namespaces.includes('*') ||
                r.namespaces.includes(namespace),
            )
            .map(r => ({
              verbs: r.verbs,
              apiGroups: ['*'],
              resources: r.resources,
            }));
    return reviewReply('SelfSubjectRulesReview', review, {
      resourceRules: rules,
      nonResourceRules: [
        {
          verbs: ['get'],
          nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'],
        },
      ],
      incomplete: false,
    });
  }
  throw errors.pathNotFound();
}

/** A review echoes its spec and answers in status, as the API server does. */
function reviewReply(kind: string, review: any, status: unknown) {
  return {
    kind,
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: review?.spec ?? {},
    status,
  };
}
