import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Request, Response } from 'express';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ClaimDetailResponse,
  IN_FLIGHT_REQUEST_STATUSES,
  KUBERNETES_ID_LABEL,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  OWNER_ANNOTATION,
  claimSignalChannel,
  entityLabelSelector,
  entitySignalChannel,
  parseLabelSelector,
  renderYaml,
  storageClaimReadPermission,
} from '@eks-storage/backstage-plugin-storage-common';
import { claimResourceOf } from '../../permissions/StorageAuthorizer';
import { loadEntity } from '../../workflow/entities';
import { entitiesOwning } from '../../workflow/ownership';
import { claimActionInput } from '../claimActions';
import { ClaimActionBodies, ClaimActionName } from '../requestInput';
import { costOfClaim, offeringOfSummary } from '../claimCost';
import { RouterOptions, StorageApiRouter } from './context';
import { reply } from './reply';
import { ClaimJsonCache, replyWithClaimItems } from './claimListJson';
import { createSubmission } from './submission';

/** Requests that show as rows of the entity: on their way, or stopped. */
const SHOWN_REQUESTS = [
  ...IN_FLIGHT_REQUEST_STATUSES,
  'failed',
  'rejected',
] as const;

/** Claims: an entity's list, one claim's page, and day-2 actions on it. */
export function claimRoutes(router: StorageApiRouter, options: RouterOptions) {
  const {
    httpAuth,
    catalog,
    authorizer,
    store,
    transitions,
    tracker,
    offerings,
    prices,
    channels,
    claimExtras,
  } = options;
  /** The claim's annotations as the tracker's cache has them. */
  const annotationsOf = (claim: {
    cluster: string;
    namespace: string;
    name: string;
  }) => tracker.claimAnnotations(claim.cluster, claim.namespace, claim.name);
  const submission = createSubmission(options);
  const claimJson = new ClaimJsonCache();

  /** A claim in the tracker's cache, and the entity it belongs to, if any. */
  async function claimAndEntity(
    ref: { cluster: string; namespace: string; name: string },
    credentials: BackstageCredentials,
  ) {
    const { cluster, namespace, name } = ref;
    const claim = tracker.getClaim(cluster, namespace, name);
    if (!claim) {
      throw new NotFoundError(
        `name: no claim ${namespace.slice(0, 63)}/${name.slice(
          0,
          253,
        )} in cluster ${cluster.slice(0, 63)}`,
      );
    }
    const [entity] = await entitiesOwning(
      {
        namespace,
        labels: claim.labels,
        annotations: claim.entityRef
          ? { [OWNER_ANNOTATION]: claim.entityRef }
          : undefined,
      },
      catalog,
      credentials,
    );
    return { claim, entity };
  }

  router.get('/claims', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entity = await loadEntity(catalog, req.query.entityRef, credentials);
    await authorizer.requireOnEntity(
      storageClaimReadPermission,
      entity,
      credentials,
    );
    const annotations = entity.metadata.annotations ?? {};
    const selectorText = entityLabelSelector(annotations);
    const selector = selectorText
      ? parseLabelSelector(selectorText)
      : undefined;
    if (selectorText && !selector) {
      throw new InputError(
        `The ${KUBERNETES_LABEL_SELECTOR_ANNOTATION} annotation of ${entity.metadata.name} is not a label selector: fix it in the entity's catalog-info.yaml`,
      );
    }
    const namespace = annotations[KUBERNETES_NAMESPACE_ANNOTATION];
    const claims = selector
      ? tracker.listClaims({
          selector,
          namespaces: namespace ? [namespace] : undefined,
        })
      : [];
    const entityRef = claimResourceOf(entity).entityRef;
    const extras = claimExtras
      ? await claimExtras(claims, annotationsOf)
      : claims.map(() => ({}));
    replyWithClaimItems(
      res,
      claims.map((claim, index) => {
        const storageClass = tracker.storageClass(
          claim.cluster,
          claim.storageClassName,
        );
        return claimJson.itemJson(
          claim,
          storageClass,
          () => costOfClaim(claim, offerings, prices, storageClass),
          extras[index],
        );
      }),
      {
        requests: await store.list({
          entityRef,
          status: [...SHOWN_REQUESTS],
        }),
        clusters: tracker.clusterStatus(),
        selector: selectorText,
        signalChannel: channels.opaque(entitySignalChannel(entityRef)),
      },
    );
  });

  router.get('/claims/:cluster/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { cluster, namespace, name } = req.params;
    const { claim, entity } = await claimAndEntity(
      { cluster, namespace, name },
      credentials,
    );
    if (
      !(await authorizer.allowsOn(
        storageClaimReadPermission,
        entity ? claimResourceOf(entity) : { entityRef: '', ownerRefs: [] },
        credentials,
      ))
    ) {
      throw new NotAllowedError(`You may not see claim ${namespace}/${name}`);
    }
    const entityRef = entity ? claimResourceOf(entity).entityRef : undefined;
    const [extras] = claimExtras
      ? await claimExtras(
          [claim],
          () => claim.manifest.metadata?.annotations as Record<string, string>,
        )
      : [{}];
    reply<ClaimDetailResponse>(res, {
      ...claim,
      ...extras,
      entityRef: entityRef ?? claim.entityRef,
      manifestYaml: renderYaml([claim.manifest]),
      offering: offeringOfSummary(claim, offerings)?.id,
      cost: costOfClaim(
        claim,
        offerings,
        prices,
        tracker.storageClass(cluster, claim.storageClassName),
      ),
      transitions: await transitions.list({ cluster, namespace, name }),
      requests: entityRef
        ? (await store.list({ entityRef })).filter(
            r =>
              r.cluster === cluster &&
              r.namespace === namespace &&
              r.claimName === name,
          )
        : [],
      signalChannel: channels.opaque(
        claimSignalChannel(cluster, namespace, name),
      ),
    });
  });

  /** One day-2 action on a claim: the request service authorizes it. */
  async function act<A extends ClaimActionName>(
    action: A,
    req: Request,
    res: Response,
    params: { cluster: string; namespace: string; name: string },
    body: ClaimActionBodies[A],
  ) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { cluster, namespace, name } = params;
    const { claim, entity } = await claimAndEntity(
      { cluster, namespace, name },
      credentials,
    );
    if (!entity) {
      throw new NotAllowedError(
        `name: claim ${namespace}/${name} belongs to no catalog entity you can see: ask the platform team to label it ${KUBERNETES_ID_LABEL}=<component>`,
      );
    }
    // The request service authorizes against the claim as the cluster has
    // it; the entity here only fills in the request's owner.
    await submission.submit(
      req,
      res,
      claimActionInput(
        action,
        claim,
        claimResourceOf(entity).entityRef,
        body,
        offeringOfSummary(claim, offerings)?.id,
      ),
      202,
    );
  }

  router.post('/claims/:cluster/:namespace/:name/resize', (req, res) =>
    act('resize', req, res, req.params, req.body),
  );
  router.post('/claims/:cluster/:namespace/:name/snapshot', (req, res) =>
    act('snapshot', req, res, req.params, req.body ?? {}),
  );
  router.post('/claims/:cluster/:namespace/:name/restore', (req, res) =>
    act('restore', req, res, req.params, req.body),
  );
  router.post('/claims/:cluster/:namespace/:name/delete', (req, res) =>
    act('delete', req, res, req.params, req.body),
  );
}
