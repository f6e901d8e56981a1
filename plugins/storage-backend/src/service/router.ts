import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PriceTable,
  StorageOffering,
  estimateMonthlyCost,
  offeringCapabilities,
  renderYaml,
  storageClaimDeletePermission,
  storageClaimReadPermission,
  storageClaimUpdatePermission,
  storageRequestApprovePermission,
  storageRequestCreatePermission,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { ClaimTransitionStore } from '../database/ClaimTransitionStore';
import {
  RequestStatus,
  RequestStore,
  StoredStorageRequest,
} from '../database/RequestStore';
import {
  StorageAuthorizer,
  claimResourceOf,
} from '../permissions/StorageAuthorizer';
import { ClaimTracker } from '../tracker/ClaimTracker';
import { parseLabelSelector } from '@eks-storage/backstage-plugin-storage-common';
import {
  RequestService,
  RequestValidation,
  RequestValidationError,
} from '../workflow/RequestService';
import { claimActionInput } from './claimActions';
import { costOfClaim, offeringOfSummary } from './claimCost';
import { errorHandler } from './errors';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  auditor: AuditorService;
  database: Knex;
  catalog: CatalogService;
  authorizer: StorageAuthorizer;
  requests: RequestService;
  store: RequestStore;
  transitions: ClaimTransitionStore;
  tracker: ClaimTracker;
  offerings: StorageOffering[];
  prices: PriceTable;
  /** Told when a request is stored or decided. */
  onRequestChanged?: (request: StoredStorageRequest) => Promise<void>;
}

const KUBERNETES_ID = 'backstage.io/kubernetes-id';
const LABEL_SELECTOR = 'backstage.io/kubernetes-label-selector';
const NAMESPACE = 'backstage.io/kubernetes-namespace';
const REQUEST_STATUSES: RequestStatus[] = [
  'submitted',
  'pending-approval',
  'approved',
  'rejected',
  'applying',
  'applied',
  'failed',
  'cancelled',
];

/** The browser sees findings, manifests as YAML, the dry run and the cost. */
function validationBody(validation: RequestValidation) {
  return {
    findings: validation.findings,
    manifests: validation.manifests,
    manifestsYaml: validation.manifests.length
      ? renderYaml(validation.manifests)
      : '',
    dryRun: validation.dryRun,
    cost: validation.cost,
    offering: validation.offering?.id,
  };
}

/** What deleting a claim does to its data, in plain words. */
export function deleteConsequence(
  volume: { name: string; reclaimPolicy?: string } | undefined,
): string {
  if (!volume) {
    return 'The claim has no volume yet: no data is lost.';
  }
  return volume.reclaimPolicy === 'Retain'
    ? `The volume ${volume.name} is kept (reclaim policy Retain) and still billed until the platform team removes it.`
    : `The volume ${
        volume.name
      } and all its data are destroyed (reclaim policy ${
        volume.reclaimPolicy ?? 'Delete'
      }).`;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    logger,
    auditor,
    database,
    catalog,
    authorizer,
    requests,
    store,
    transitions,
    tracker,
    offerings,
    prices,
    onRequestChanged,
  } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  async function loadEntity(
    ref: unknown,
    credentials: BackstageCredentials,
    field = 'entityRef',
  ): Promise<Entity> {
    if (typeof ref !== 'string' || !ref) {
      throw new InputError(
        `${field} is required: the catalog entity, e.g. component:default/payments-api`,
      );
    }
    try {
      parseEntityRef(ref);
    } catch {
      throw new InputError(
        `${field} "${ref.slice(
          0,
          120,
        )}" is not an entity reference such as component:default/payments-api`,
      );
    }
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`${field} ${ref} is not in the catalog`);
    }
    return entity;
  }

  async function requireOnEntity(
    permission:
      | typeof storageClaimReadPermission
      | typeof storageClaimUpdatePermission
      | typeof storageClaimDeletePermission,
    entity: Entity,
    credentials: BackstageCredentials,
  ) {
    if (
      !(await authorizer.allowsOn(
        permission,
        claimResourceOf(entity),
        credentials,
      ))
    ) {
      throw new NotAllowedError(
        `You may not ${permission.attributes.action} the storage of ${entity.metadata.name}: ask one of its owners`,
      );
    }
  }

  /** The permission an operation needs on the entity's claims. */
  const permissionFor = (operation: unknown) =>
    operation === 'delete'
      ? storageClaimDeletePermission
      : storageClaimUpdatePermission;

  async function authorizeRequest(
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    if (
      !(await authorizer.allows(storageRequestCreatePermission, credentials))
    ) {
      throw new NotAllowedError('You may not request storage');
    }
    const entity = await loadEntity(body.entityRef, credentials);
    await requireOnEntity(permissionFor(body.operation), entity, credentials);
    return entity;
  }

  async function submit(req: Request, input: Record<string, unknown>) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const audit = await auditor.createEvent({
      eventId: 'storage-request',
      severityLevel: 'medium',
      request: req,
      meta: {
        operation: String(input.operation),
        entityRef: String(input.entityRef),
        cluster: String(input.cluster),
        namespace: String(input.namespace),
        claimName: String(input.claimName),
      },
    });
    try {
      await authorizeRequest(input, credentials);
      const result = await requests.submit(input, {
        credentials,
        userRef: credentials.principal.userEntityRef,
      });
      await audit.success({
        meta: { requestId: result.request.id, status: result.request.status },
      });
      await onRequestChanged?.(result.request);
      return result;
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  }

  function sendValidationError(
    res: express.Response,
    error: RequestValidationError,
  ) {
    res.status(400).json({
      error: { name: 'InputError', message: error.message },
      ...validationBody(error.validation),
    });
  }

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    try {
      await database.raw('select 1');
    } catch (error) {
      logger.error('Storage database is unreachable', error as Error);
      res.status(503).json({
        status: 'unavailable',
        message: 'The database is unreachable',
      });
      return;
    }
    res.json({ status: 'ok', clusters: tracker.clusterStatus() });
  });

  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: tracker.clusterStatus() });
  });

  router.get('/offerings', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const classes = tracker.storageClassesByCluster();
    res.json({
      items: offerings.map(offering => {
        const example = storageRequestSchema.safeParse({
          operation: 'create',
          entityRef: 'component:default/example',
          cluster: 'any',
          namespace: 'default',
          claimName: 'example',
          offering: offering.id,
          size: offering.size.default,
          accessMode: offering.accessModes[0],
        });
        return {
          ...offering,
          capabilities: offeringCapabilities(offering),
          clusters: Object.entries(classes)
            .filter(
              ([, names]) =>
                offering.storageClassName === 'static' ||
                offering.driver === 's3' ||
                names.includes(offering.storageClassName),
            )
            .map(([cluster]) => cluster),
          defaultCost: example.success
            ? estimateMonthlyCost(example.data, offering, prices)
            : undefined,
        };
      }),
    });
  });

  router.post('/requests/validate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = (req.body ?? {}) as Record<string, unknown>;
    await authorizeRequest(body, credentials);
    res.json(validationBody(await requests.validate(body, credentials)));
  });

  router.post('/requests', async (req, res) => {
    try {
      const { request, validation } = await submit(
        req,
        (req.body ?? {}) as Record<string, unknown>,
      );
      res.status(201).json({ request, ...validationBody(validation) });
    } catch (error) {
      if (error instanceof RequestValidationError) {
        sendValidationError(res, error);
        return;
      }
      throw error;
    }
  });

  router.get('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const statuses = [req.query.status ?? []]
      .flat()
      .flatMap(s => String(s).split(','))
      .filter(Boolean);
    const unknown = statuses.filter(
      s => !REQUEST_STATUSES.includes(s as RequestStatus),
    );
    if (unknown.length) {
      throw new InputError(
        `status "${
          unknown[0]
        }" is not a request status: use ${REQUEST_STATUSES.join(', ')}`,
      );
    }
    if (req.query.entityRef !== undefined) {
      const entity = await loadEntity(req.query.entityRef, credentials);
      await requireOnEntity(storageClaimReadPermission, entity, credentials);
    } else if (
      !(await authorizer.allows(storageRequestApprovePermission, credentials))
    ) {
      throw new InputError(
        'entityRef is required: only approvers may list the requests of every entity',
      );
    }
    res.json({
      items: await store.list({
        entityRef: req.query.entityRef as string | undefined,
        status: statuses as RequestStatus[],
      }),
    });
  });

  router.get('/requests/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const request = await store.get(req.params.id);
    if (!request) {
      throw new NotFoundError(`No storage request ${req.params.id}`);
    }
    const entity = await loadEntity(request.entityRef, credentials);
    await requireOnEntity(storageClaimReadPermission, entity, credentials);
    res.json({ request, history: await store.history(request.id) });
  });

  router.get('/claims', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entity = await loadEntity(req.query.entityRef, credentials);
    await requireOnEntity(storageClaimReadPermission, entity, credentials);
    const annotations = entity.metadata.annotations ?? {};
    const selectorText =
      annotations[LABEL_SELECTOR] ??
      (annotations[KUBERNETES_ID]
        ? `${KUBERNETES_ID}=${annotations[KUBERNETES_ID]}`
        : undefined);
    const selector = selectorText
      ? parseLabelSelector(selectorText)
      : undefined;
    if (selectorText && !selector) {
      throw new InputError(
        `The ${LABEL_SELECTOR} annotation of ${entity.metadata.name} is not a label selector: fix it in the entity's catalog-info.yaml`,
      );
    }
    const namespace = annotations[NAMESPACE];
    const claims = selector
      ? tracker.listClaims({
          selector,
          namespaces: namespace ? [namespace] : undefined,
        })
      : [];
    const entityRef = claimResourceOf(entity).entityRef;
    const inFlight = await store.list({
      entityRef,
      status: [
        'submitted',
        'pending-approval',
        'approved',
        'applying',
        'failed',
        'rejected',
      ],
    });
    res.json({
      items: claims.map(claim => ({
        ...claim,
        cost: costOfClaim(
          claim,
          offerings,
          prices,
          tracker.storageClass(claim.cluster, claim.storageClassName),
        ),
      })),
      requests: inFlight,
      clusters: tracker.clusterStatus(),
      selector: selectorText,
    });
  });

  async function entityOfClaim(
    claim: {
      entityRef?: string;
      labels: Record<string, string>;
      namespace: string;
    },
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    if (claim.entityRef) {
      return catalog
        .getEntityByRef(claim.entityRef, { credentials })
        .catch(() => undefined);
    }
    const id = claim.labels[KUBERNETES_ID];
    if (!id) return undefined;
    const { items } = await catalog.getEntities(
      { filter: { [`metadata.annotations.${KUBERNETES_ID}`]: id } },
      { credentials },
    );
    return items.find(
      e =>
        !e.metadata.annotations?.[NAMESPACE] ||
        e.metadata.annotations[NAMESPACE] === claim.namespace,
    );
  }

  router.get('/claims/:cluster/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { cluster, namespace, name } = req.params;
    const claim = tracker.getClaim(cluster, namespace, name);
    if (!claim) {
      throw new NotFoundError(
        `No claim ${namespace}/${name} in cluster ${cluster}`,
      );
    }
    const entity = await entityOfClaim(claim, credentials);
    if (
      !(await authorizer.allowsOn(
        storageClaimReadPermission,
        entity ? claimResourceOf(entity) : { entityRef: '', ownerRefs: [] },
        credentials,
      ))
    ) {
      throw new NotAllowedError(`You may not see claim ${namespace}/${name}`);
    }
    res.json({
      ...claim,
      entityRef: entity ? claimResourceOf(entity).entityRef : claim.entityRef,
      manifestYaml: renderYaml([claim.manifest]),
      offering: offeringOfSummary(claim, offerings)?.id,
      cost: costOfClaim(
        claim,
        offerings,
        prices,
        tracker.storageClass(cluster, claim.storageClassName),
      ),
      transitions: await transitions.list({ cluster, namespace, name }),
      requests: (
        await store.list(
          entity ? { entityRef: claimResourceOf(entity).entityRef } : {},
        )
      ).filter(
        r =>
          r.cluster === cluster &&
          r.namespace === namespace &&
          r.claimName === name,
      ),
    });
  });

  router.post(
    '/claims/:cluster/:namespace/:name/:action(resize|snapshot|restore|delete)',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const { cluster, namespace, name, action } = req.params;
      const claim = tracker.getClaim(cluster, namespace, name);
      if (!claim) {
        throw new NotFoundError(
          `No claim ${namespace}/${name} in cluster ${cluster}`,
        );
      }
      const entity = await entityOfClaim(claim, credentials);
      if (!entity) {
        throw new InputError(
          `Claim ${namespace}/${name} belongs to no catalog entity: label it ${KUBERNETES_ID}=<component> first`,
        );
      }
      const input = claimActionInput(
        action as 'resize' | 'snapshot' | 'restore' | 'delete',
        claim,
        claimResourceOf(entity).entityRef,
        (req.body ?? {}) as Record<string, unknown>,
        offeringOfSummary(claim, offerings)?.id,
      );
      try {
        const { request, validation } = await submit(req, input);
        res.status(202).json({
          request,
          ...validationBody(validation),
          ...(action === 'delete' && {
            consequence: deleteConsequence(claim.volume),
          }),
        });
      } catch (error) {
        if (error instanceof RequestValidationError) {
          sendValidationError(res, error);
          return;
        }
        throw error;
      }
    },
  );

  router.use(errorHandler(logger));
  return router;
}
