import express from 'express';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
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
import { claimActionInput, ClaimAction } from '../claimActions';
import { costOfClaim, offeringOfSummary } from '../claimCost';
import { claimActionShapes, parseShape, queryText } from '../requestInput';
import { requireOnEntity } from './access';
import { RouterOptions } from './context';
import { createSubmission } from './submission';

/** Requests that show as rows of the entity: on their way, or stopped. */
const SHOWN_REQUESTS = [
  ...IN_FLIGHT_REQUEST_STATUSES,
  'failed',
  'rejected',
] as const;

/** Claims: an entity's list, one claim's page, and day-2 actions on it. */
export function claimRoutes(router: express.Router, options: RouterOptions) {
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
  } = options;
  const submission = createSubmission(options);

  router.get('/claims', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entity = await loadEntity(
      catalog,
      queryText(req, 'entityRef'),
      credentials,
    );
    await requireOnEntity(
      authorizer,
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
      requests: await store.list({ entityRef, status: [...SHOWN_REQUESTS] }),
      clusters: tracker.clusterStatus(),
      selector: selectorText,
      signalChannel: channels.opaque(entitySignalChannel(entityRef)),
    });
  });

  router.get('/claims/:cluster/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { cluster, namespace, name } = req.params;
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
    res.json({
      ...claim,
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

  router.post(
    '/claims/:cluster/:namespace/:name/:action(resize|snapshot|restore|delete)',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const { cluster, namespace, name } = req.params;
      const action = req.params.action as ClaimAction;
      const body = parseShape(claimActionShapes[action], req.body ?? {});
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
      if (!entity) {
        throw new NotAllowedError(
          `name: claim ${namespace}/${name} belongs to no catalog entity you can see: ask the platform team to label it ${KUBERNETES_ID_LABEL}=<component>`,
        );
      }
      // The request service authorizes against the claim as the cluster
      // has it; the entity here only fills in the request's owner.
      await submission.submit(
        req,
        res,
        claimActionInput(
          action,
          claim,
          claimResourceOf(entity).entityRef,
          body as any,
          offeringOfSummary(claim, offerings)?.id,
        ),
        202,
      );
    },
  );
}
