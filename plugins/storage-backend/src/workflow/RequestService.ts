import { randomUUID } from 'node:crypto';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CostEstimate,
  Finding,
  PriceTable,
  RenderedObject,
  StorageOffering,
  StorageRequest,
  ValidationContext,
  estimateMonthlyCost,
  hasErrors,
  isNewClaimRequest,
  render,
  sortFindings,
  storageRequestSchema,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClusterRegistry } from '../clusters/ClusterRegistry';
import { RequestStore, StoredStorageRequest } from '../database/RequestStore';
import { applyRequest } from './applier';
import {
  ExistingClaim,
  offeringOfClaim,
  readClaim,
  validationContextOf,
} from './claimContext';
import { NamespaceRules, namespaceProblem } from './namespaceGuard';
import { RequestPolicy } from './policy';

/** What validating a request found out, before anything is stored. */
export interface RequestValidation {
  /** The parsed request; undefined when it does not parse. */
  request?: StorageRequest;
  offering?: StorageOffering;
  findings: Finding[];
  /** The objects the request would apply. */
  manifests: RenderedObject[];
  /** The cluster's own verdict on the manifests (server-side dry run). */
  dryRun?: { ok: boolean; message?: string };
  cost?: CostEstimate;
  /** The claim a day-2 request acts on, as the cluster has it now. */
  claim?: ExistingClaim;
}

export class RequestValidationError extends Error {
  constructor(readonly validation: RequestValidation) {
    super(
      sortFindings(validation.findings)
        .filter(f => f.severity === 'error')
        .map(f => (f.field ? `${f.field}: ${f.message}` : f.message))
        .join('; '),
    );
    this.name = 'RequestValidationError';
  }
}

export interface RequestServiceOptions {
  store: RequestStore;
  clusters: ClusterRegistry;
  catalog: CatalogService;
  offerings: StorageOffering[];
  prices: PriceTable;
  namespaceRules: NamespaceRules;
  policy: RequestPolicy;
  logger: LoggerService;
}

const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

function serverFinding(
  code: string,
  field: string,
  message: string,
  fix: string,
): Finding {
  return { severity: 'error', field, code, message, fix };
}

/**
 * Takes storage requests from users: validates them again on the server
 * (never trusting the browser), checks them against the catalog, the
 * namespace rules and the cluster itself, stores them and asks policy.
 */
export class RequestService {
  constructor(private readonly options: RequestServiceOptions) {}

  async validate(
    input: unknown,
    credentials: BackstageCredentials,
  ): Promise<RequestValidation> {
    const { clusters, offerings, catalog, namespaceRules } = this.options;
    const raw = (input ?? {}) as Record<string, unknown>;
    const findings: Finding[] = [];

    const cluster =
      typeof raw.cluster === 'string' ? clusters.get(raw.cluster) : undefined;
    if (typeof raw.cluster === 'string' && raw.cluster && !cluster) {
      findings.push(
        serverFinding(
          'unknown-cluster',
          'cluster',
          `cluster "${raw.cluster.slice(
            0,
            80,
          )}" is not one of this Backstage's clusters`,
          `Pick one of ${
            clusters
              .list()
              .map(c => c.name)
              .join(', ') || 'the configured clusters'
          }.`,
        ),
      );
    }

    // The label the claim carries is the entity's, whatever the input says.
    let kubernetesId: string | undefined;
    if (
      typeof raw.entityRef === 'string' &&
      typeof raw.namespace === 'string'
    ) {
      const entity = await catalog
        .getEntityByRef(raw.entityRef, { credentials })
        .catch(() => undefined);
      if (!entity) {
        findings.push(
          serverFinding(
            'unknown-entity',
            'entityRef',
            `entityRef "${raw.entityRef.slice(0, 120)}" is not in the catalog`,
            'Request storage from the page of a component in the catalog.',
          ),
        );
      } else {
        kubernetesId =
          entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION]?.trim() ||
          entity.metadata.name;
        const problem = namespaceProblem(entity, raw.namespace, namespaceRules);
        if (problem) {
          findings.push(
            serverFinding(
              'namespace-not-allowed',
              'namespace',
              problem,
              'Pick one of the namespaces of the component.',
            ),
          );
        }
      }
    }

    let claim: ExistingClaim | undefined;
    let offering: StorageOffering | undefined;
    let context: ValidationContext = { now: new Date() };
    const dayTwo = ['resize', 'snapshot', 'delete'].includes(
      String(raw.operation),
    );
    if (
      cluster &&
      dayTwo &&
      typeof raw.namespace === 'string' &&
      typeof raw.claimName === 'string'
    ) {
      claim = await readClaim(cluster, raw.namespace, raw.claimName).catch(
        () => undefined,
      );
      if (!claim) {
        findings.push(
          serverFinding(
            'claim-not-found',
            'claimName',
            `claim ${raw.namespace}/${raw.claimName} does not exist in cluster ${cluster.name}`,
            'Pick a claim listed on the Storage tab.',
          ),
        );
      } else {
        offering = offeringOfClaim(claim, offerings);
        context = { ...context, ...validationContextOf(claim) };
      }
    } else {
      offering = offerings.find(o => o.id === raw.offering);
    }

    findings.push(...validateRequest(input, offering, context));
    // Without a driver we know, there is nothing to render: refuse rather
    // than "apply" nothing.
    if (
      claim &&
      !offering &&
      ['resize', 'snapshot'].includes(String(raw.operation))
    ) {
      const className = claim.pvc.spec?.storageClassName;
      findings.push(
        serverFinding(
          'unsupported-class',
          'claimName',
          `claim ${claim.pvc.metadata?.name} uses ${
            className ? `class ${className}` : 'no class'
          }${
            claim.storageClass?.provisioner
              ? ` of ${claim.storageClass.provisioner}`
              : ''
          }, which this plugin does not manage`,
          'Ask the platform team to move the claim to an offered class, or change it with kubectl.',
        ),
      );
    }
    const result: RequestValidation = {
      offering,
      claim,
      findings: sortFindings(findings),
      manifests: [],
    };
    if (hasErrors(findings)) {
      return result;
    }

    const request = storageRequestSchema.parse({ ...raw, kubernetesId });
    result.request = request;
    result.manifests = offering ? render(request, offering) : [];
    if (offering && isNewClaimRequest(request)) {
      result.cost = estimateMonthlyCost(request, offering, this.options.prices);
    } else if (offering && request.operation === 'resize') {
      result.cost = estimateMonthlyCost(request, offering, this.options.prices);
    }

    const dryRun = await applyRequest(cluster!, request, result.manifests, {
      dryRun: true,
    });
    result.dryRun = dryRun.ok
      ? { ok: true }
      : { ok: false, message: dryRun.error.message };
    if (!dryRun.ok && !dryRun.error.retryable) {
      result.findings = sortFindings([
        ...result.findings,
        serverFinding(
          'cluster-rejected',
          'cluster',
          `The cluster would reject this request: ${dryRun.error.message}`,
          'Change the request as the message says, or ask the platform team.',
        ),
      ]);
    }
    return result;
  }

  /**
   * Validates, stores and decides a request. With the same requestId twice,
   * the second call returns the first request and stores nothing.
   */
  async submit(
    input: unknown,
    actor: { credentials: BackstageCredentials; userRef: string },
  ): Promise<{ request: StoredStorageRequest; validation: RequestValidation }> {
    const { store, policy, logger } = this.options;
    const suppliedId = (input as { requestId?: unknown } | undefined)
      ?.requestId;
    if (typeof suppliedId === 'string') {
      const existing = await store.get(suppliedId);
      if (existing) {
        return {
          request: existing,
          validation: { findings: [], manifests: [] },
        };
      }
    }

    const validation = await this.validate(input, actor.credentials);
    if (!validation.request || hasErrors(validation.findings)) {
      throw new RequestValidationError(validation);
    }
    const id = validation.request.requestId ?? randomUUID();
    const request = { ...validation.request, requestId: id };
    // Rendered again with the id, so the claim carries its request label.
    validation.manifests = validation.offering
      ? render(request, validation.offering)
      : [];

    const stored = await store.create({
      id,
      operation: request.operation,
      entityRef: request.entityRef,
      cluster: request.cluster,
      namespace: request.namespace,
      claimName: request.claimName,
      offeringId: validation.offering?.id,
      spec: request,
      manifests: validation.manifests,
      requestedBy: actor.userRef,
    });
    if (stored.status !== 'submitted') {
      return { request: stored, validation };
    }

    const decision = await policy.decide({
      request,
      offering: validation.offering,
      cost: validation.cost,
      requestedBy: actor.userRef,
    });
    const decided = await store.transition(id, {
      from: ['submitted'],
      to: decision.result === 'approve' ? 'approved' : 'pending-approval',
      actor: 'policy',
      reason: decision.reason,
      ...(decision.result === 'approve' && { decidedBy: 'policy' }),
    });
    logger.info(
      `Storage request ${id} (${request.operation} ${request.cluster}/${request.namespace}/${request.claimName}) by ${actor.userRef}: ${decided?.status}`,
    );
    return { request: decided ?? stored, validation };
  }
}
