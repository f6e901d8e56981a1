import { randomUUID } from 'node:crypto';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, isError } from '@backstage/errors';
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
import { RequestStore, StoredStorageRequest } from '../database/RequestStore';
import { claimResourceOf } from '../permissions/StorageAuthorizer';
import { RequestInput } from '../service/requestInput';
import { applyRequest } from './applier';
import { ExistingClaim, offeringOfClaim } from './claimContext';
import { namespaceProblem, NamespaceRules } from './namespaceGuard';
import {
  RequestPolicyDecision,
  RequestPolicyInput,
  StorageRequestDecider,
} from './policy';
import type { ApprovalApi } from '../approvals/ApprovalService';
import { sizeBefore } from '../approvals/policyInput';
import { fingerprint, kubernetesIdOf } from './requestKey';
import {
  inputFindings,
  serverFinding,
  unsupportedClass,
} from './serverFindings';
import { AuthorizedTarget, RequestAccess } from './RequestAccess';
import { clusterFacts, deleteConsequence } from './requestFacts';
import { existingVolumeAccess } from './volumeAccess';
import {
  adoptionManifests,
  volumeDeleteConsequence,
  volumeDeletion,
} from './volumeTargets';
import { V1PersistentVolume } from '@kubernetes/client-node';

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
  /** The volume no claim holds that a delete removes or a create binds again. */
  volume?: V1PersistentVolume;
  /** Deletes: what happens to the volume and its data. */
  consequence?: string;
  /** Set when the platform team must approve the request, and why. */
  approval?: { required: true; reason: string };
  /** What policy decides for the request, naming the rule that fired. */
  decision?: RequestPolicyDecision;
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
  access: RequestAccess;
  offerings: StorageOffering[];
  prices: PriceTable;
  namespaceRules: NamespaceRules;
  /** Modules' policies, then `storage.approvals` (ConfiguredRequestPolicy). */
  policy: StorageRequestDecider & {
    /** A decision that needs people, for reasons the backend finds itself. */
    needsApproval?(
      reason: string,
      input: Pick<RequestPolicyInput, 'entity'>,
      approvers?: string[],
    ): RequestPolicyDecision;
  };
  /** Settles a stored request by the decision (ApprovalService). */
  approvals: Pick<ApprovalApi, 'settle'>;
  logger: LoggerService;
}

/**
 * Takes storage requests from users, one path for every route: check the
 * names, authorize against what the request touches, validate (again on
 * the server, and by a dry run against the cluster), then store and ask
 * policy. Nothing is written until all of it passes.
 */
export class RequestService {
  constructor(private readonly options: RequestServiceOptions) {}

  async validate(
    input: RequestInput,
    credentials: BackstageCredentials,
  ): Promise<RequestValidation> {
    // What the input alone shows (no catalog, no cluster) is reported
    // first: it reveals nothing, and names must be valid before any is read.
    const early = inputFindings(
      input,
      this.options.offerings,
      this.options.namespaceRules,
    );
    if (hasErrors(early)) {
      return { findings: early, manifests: [] };
    }
    const target = await this.options.access.resolve(input, credentials);
    return this.validateTarget(input, target, userRefOf(credentials));
  }

  private async validateTarget(
    input: RequestInput,
    target: AuthorizedTarget,
    requestedBy: string,
  ): Promise<RequestValidation> {
    const { offerings, namespaceRules, prices, store } = this.options;
    const { entity, entityRef, cluster, claim, dataSource, volume } = target;
    const findings: Finding[] = [];
    const kubernetesId = kubernetesIdOf(entity);
    const problem = namespaceProblem(entity, input.namespace, namespaceRules);
    // A claim or a volume that already exists is where it is.
    if (problem && !claim && !(volume && input.operation === 'delete')) {
      findings.push(
        serverFinding(
          'namespace-not-allowed',
          'namespace',
          problem,
          'Pick one of the namespaces of the component.',
        ),
      );
    }
    // A volume no claim holds is confirmed by its own name.
    const confirmName =
      volume && input.operation === 'delete'
        ? volume.metadata?.name ?? ''
        : input.claimName;
    if (input.operation === 'delete' && input.confirm !== confirmName) {
      findings.push(
        serverFinding(
          'delete-not-confirmed',
          'confirm',
          `confirm must repeat the ${
            volume ? "volume's" : "claim's"
          } name (${confirmName}) to delete it`,
          `Set confirm to "${confirmName}".`,
        ),
      );
    }

    const offering = claim
      ? offeringOfClaim(claim, offerings)
      : offerings.find(o => o.id === input.offering);
    const context: ValidationContext = {
      now: new Date(),
      ...(await clusterFacts(cluster, input, claim, offering)),
      ...(dataSource && {
        dataSource: {
          kind: dataSource.kind,
          name: dataSource.name,
          exists: Boolean(dataSource.object),
          readyToUse: dataSource.readyToUse,
        },
      }),
    };
    // The request as it will be stored: the catalog's spelling of the entity
    // and the label the entity's workloads carry, whatever the input said.
    const normalized = { ...input, entityRef, kubernetesId };
    findings.push(...validateRequest(normalized, offering, context));
    if (
      claim &&
      !offering &&
      (input.operation === 'resize' || input.operation === 'snapshot')
    ) {
      findings.push(unsupportedClass(claim));
    }
    const result: RequestValidation = {
      offering,
      claim,
      ...(volume && { volume }),
      findings: sortFindings(findings),
      manifests: [],
      ...(input.operation === 'delete' &&
        claim && { consequence: deleteConsequence(claim) }),
      ...(input.operation === 'delete' &&
        volume && { consequence: volumeDeleteConsequence(volume) }),
    };
    if (hasErrors(findings)) {
      return result;
    }

    const request = storageRequestSchema.parse(normalized);
    result.request = request;
    result.manifests = manifestsOf(request, offering, volume);
    if (
      offering &&
      (isNewClaimRequest(request) || request.operation === 'resize')
    ) {
      result.cost = estimateMonthlyCost(request, offering, prices);
    }
    if (
      offering &&
      request.operation === 'create' &&
      request.source.type === 'existing'
    ) {
      const access = await existingVolumeAccess({
        cluster,
        offering,
        volumeId: request.source.volumeId,
        entity: claimResourceOf(entity),
        store,
      });
      if (access.approvalReason) {
        result.approval = { required: true, reason: access.approvalReason };
      }
    }
    result.decision = await this.decide(result, entity, requestedBy);
    if (result.decision.outcome === 'require-approval') {
      result.approval = { required: true, reason: result.decision.reason };
    }

    const dryRun = await applyRequest(cluster, request, result.manifests, {
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
   * Validates, stores and decides a request. A requestId is an idempotency
   * key of its requester and entity: the same request again returns the
   * stored one; a different request under the same key is a conflict.
   */
  async submit(
    input: RequestInput,
    actor: { credentials: BackstageCredentials; userRef: string },
  ): Promise<{ request: StoredStorageRequest; validation: RequestValidation }> {
    const { store, logger } = this.options;
    if (input.requestId) {
      const existing = await store.get(input.requestId);
      if (existing) {
        const replayed = await this.replay(existing, input, actor);
        if (replayed.status !== 'submitted') {
          return {
            request: replayed,
            validation: { findings: [], manifests: [] },
          };
        }
        // Stored but never decided (the backend died in between): decide now.
        const validation = await this.validate(input, actor.credentials);
        return {
          request: await this.settle(replayed, validation),
          validation,
        };
      }
    }
    const validation = await this.validate(input, actor.credentials);
    if (!validation.request || hasErrors(validation.findings)) {
      throw new RequestValidationError(validation);
    }
    const id = input.requestId ?? randomUUID();
    const request = { ...validation.request, requestId: id };
    // Rendered again with the id, so the claim carries its request label.
    validation.manifests = manifestsOf(
      request,
      validation.offering,
      validation.volume,
    );

    const stored = await this.store(request, validation, actor.userRef);
    if (stored.status !== 'submitted') {
      // Another submission with this key won the race.
      return {
        request: await this.replay(stored, input, actor),
        validation,
      };
    }

    const decided = await this.settle(stored, validation);
    logger.info(
      `Storage request ${id} (${request.operation} ${request.cluster}/${request.namespace}/${request.claimName}) by ${actor.userRef}: ${decided.status}`,
    );
    return { request: decided, validation };
  }

  /**
   * A request the backend makes itself (a scheduled snapshot, the delete
   * of an expired claim), through the same validation, dry run, policy and
   * store as anyone's: the target is read with the backend's own
   * credentials and the request is recorded as `requestedBy`'s. Its
   * `requestId` (required) makes it idempotent across retries and replicas:
   * a stored one is returned (and decided, if it never was).
   */
  async submitAsBackend(
    input: RequestInput & { requestId: string },
    options: {
      serviceCredentials: BackstageCredentials;
      requestedBy: string;
      /** Labels the backend adds to the objects (a scheduled snapshot's schedule). */
      labels?: Record<string, string>;
    },
  ): Promise<{ request: StoredStorageRequest; validation: RequestValidation }> {
    const { store, logger } = this.options;
    const none: RequestValidation = { findings: [], manifests: [] };
    const existing = await store.get(input.requestId);
    if (existing) {
      return {
        request: await this.decideStored(existing, options.serviceCredentials),
        validation: none,
      };
    }
    const early = inputFindings(
      input,
      this.options.offerings,
      this.options.namespaceRules,
    );
    if (hasErrors(early)) {
      throw new RequestValidationError({ findings: early, manifests: [] });
    }
    const target = await this.options.access.resolveStored(
      input,
      options.serviceCredentials,
    );
    const validation = await this.validateTarget(
      input,
      target,
      options.requestedBy,
    );
    if (!validation.request || hasErrors(validation.findings)) {
      throw new RequestValidationError(validation);
    }
    const request = { ...validation.request, requestId: input.requestId };
    validation.manifests = manifestsOf(
      request,
      validation.offering,
      validation.volume,
    ).map(object =>
      options.labels
        ? ({
            ...object,
            metadata: {
              ...object.metadata,
              labels: { ...object.metadata?.labels, ...options.labels },
            },
          } as RenderedObject)
        : object,
    );
    const stored = await this.store(request, validation, options.requestedBy);
    if (stored.status !== 'submitted') return { request: stored, validation };
    const decided = await this.settle(stored, validation);
    logger.info(
      `Storage request ${input.requestId} (${request.operation} ${request.cluster}/${request.namespace}/${request.claimName}) by the backend for ${options.requestedBy}: ${decided.status}`,
    );
    return { request: decided, validation };
  }

  /**
   * Decides a request that was stored but never decided (its process died
   * in between, and its requester may never retry): validated again as it
   * is now and put to policy as its requester's, read with the backend's
   * own credentials. A request that no longer validates is rejected with
   * the findings; a cluster that does not answer leaves it for next time.
   */
  async decideStored(
    stored: StoredStorageRequest,
    serviceCredentials: BackstageCredentials,
  ): Promise<StoredStorageRequest> {
    if (stored.status !== 'submitted') return stored;
    const input = stored.spec as RequestInput;
    let validation: RequestValidation;
    try {
      const target = await this.options.access.resolveStored(
        input,
        serviceCredentials,
      );
      validation = await this.validateTarget(input, target, stored.requestedBy);
    } catch (error) {
      if (!isPermanent(error)) throw error;
      validation = {
        findings: [
          serverFinding(
            'target-gone',
            'entityRef',
            (error as Error).message,
            'Submit the request again.',
          ),
        ],
        manifests: [],
      };
    }
    const decision: RequestPolicyDecision = validation.decision ?? {
      outcome: 'deny',
      reason: `The request no longer passes validation: ${new RequestValidationError(
        validation,
      ).message.slice(0, 500)}`,
    };
    return this.options.approvals.settle(stored, decision);
  }

  /** Stores a validated request, with its id, as `submitted`. */
  private store(
    request: StorageRequest & { requestId: string },
    validation: RequestValidation,
    requestedBy: string,
  ): Promise<StoredStorageRequest> {
    return this.options.store.create({
      id: request.requestId,
      operation: request.operation,
      entityRef: request.entityRef,
      cluster: request.cluster,
      namespace: request.namespace,
      claimName: request.claimName,
      offeringId: validation.offering?.id,
      spec: request,
      manifests: validation.manifests,
      requestedBy,
    });
  }

  /** What policy decides for a request that passed validation. */
  private async decide(
    validation: RequestValidation,
    entity: Entity,
    requestedBy: string,
  ): Promise<RequestPolicyDecision> {
    const { policy, prices } = this.options;
    const { request, offering, claim, cost } = validation;
    if (validation.approval && policy.needsApproval) {
      // The platform team decides whose a volume is (platformApprovers).
      return policy.needsApproval(validation.approval.reason, { entity });
    }
    return policy.decide({
      request: request!,
      offering,
      cost,
      ...sizeBefore(request!, claim, offering, prices),
      entity,
      requestedBy,
    });
  }

  /** Moves a stored request on by its decision: approved, pending or rejected. */
  private async settle(
    stored: StoredStorageRequest,
    validation: RequestValidation,
  ): Promise<StoredStorageRequest> {
    if (!validation.decision) {
      throw new RequestValidationError(validation);
    }
    return this.options.approvals.settle(stored, validation.decision);
  }

  /**
   * A stored request under a reused key: the same requester, entity and
   * content return it; anything else is a conflict that reveals nothing of
   * the stored request.
   */
  private async replay(
    existing: StoredStorageRequest,
    input: RequestInput,
    actor: { credentials: BackstageCredentials; userRef: string },
  ): Promise<StoredStorageRequest> {
    const conflict = new ConflictError(
      'requestId was already used for another request: use a new requestId for a new request',
    );
    if (existing.requestedBy !== actor.userRef) throw conflict;
    const entity = await this.options.access.authorizedEntity(
      input,
      actor.credentials,
    );
    const normalized = {
      ...input,
      entityRef: claimResourceOf(entity).entityRef,
      kubernetesId: kubernetesIdOf(entity),
    };
    const parsed = storageRequestSchema.safeParse(normalized);
    if (!parsed.success) {
      throw new RequestValidationError({
        findings: validateRequest(normalized, undefined).filter(
          f => f.severity === 'error' && f.code !== 'offering-missing',
        ),
        manifests: [],
      });
    }
    if (
      existing.entityRef !== normalized.entityRef ||
      fingerprint(existing.spec) !== fingerprint(parsed.data)
    ) {
      throw conflict;
    }
    return existing;
  }
}

/**
 * The objects a request applies: what the renderer makes of it, except for
 * a volume no claim holds, which a delete removes and a create binds again.
 */
function manifestsOf(
  request: StorageRequest,
  offering: StorageOffering | undefined,
  volume: V1PersistentVolume | undefined,
): RenderedObject[] {
  if (volume && request.operation === 'delete') return [volumeDeletion(volume)];
  const rendered = offering ? render(request, offering) : [];
  return volume && request.operation === 'create'
    ? adoptionManifests(volume, rendered)
    : rendered;
}

/** The user a request is made by. */
function userRefOf(credentials: BackstageCredentials): string {
  return (
    (credentials.principal as { userEntityRef?: string }).userEntityRef ?? ''
  );
}

/** Errors that asking again will not change: the entity, claim or cluster is gone. */
function isPermanent(error: unknown): boolean {
  return (
    isError(error) &&
    ['InputError', 'NotFoundError', 'NotAllowedError'].includes(error.name)
  );
}
