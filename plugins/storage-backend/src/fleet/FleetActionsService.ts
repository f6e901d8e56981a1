import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KUBERNETES_ID_LABEL,
  OWNER_ANNOTATION,
  STATIC_STORAGE_CLASS,
  StorageOffering,
  volumeDriver,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolume, V1StorageClass } from '@kubernetes/client-node';
import { claimResourceOf } from '../permissions/StorageAuthorizer';
import { RequestInput } from '../service/requestInput';
import { ClaimTracker } from '../tracker/ClaimTracker';
import { entitiesOwning } from '../workflow/ownership';
import { RequestService } from '../workflow/RequestService';
import {
  FleetClaimDeleteInput,
  VolumeAdoptInput,
  VolumeDeleteInput,
} from './api';
import { ClaimRef, FleetActions, FollowUp } from './FleetApi';
import { FleetEntities } from './fleetEntities';
import { ownerOf } from './snapshot';
import { CleanupStore } from './store/CleanupStore';

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** A name for the snapshot taken before a claim is deleted. */
export function snapshotBeforeDeleteName(claim: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .slice(0, 13)
    .toLowerCase();
  return `${claim.slice(0, 220).replace(/[.-]+$/, '')}-final-${stamp}`;
}

/**
 * The console's actions as requests: each builds the request the action
 * stands for from what the cluster has (the volume's last claim, its
 * driver, its cloud volume ID), and the request service authorizes, checks,
 * asks policy and stores it like any other.
 */
export class FleetActionsService implements FleetActions {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      tracker: ClaimTracker;
      entities: FleetEntities;
      catalog: CatalogService;
      requests: Pick<RequestService, 'validate'>;
      cleanups: CleanupStore;
      offerings: StorageOffering[];
      clock?: () => Date;
    },
  ) {
    this.now = options.clock ?? (() => new Date());
  }

  /** A volume of a cluster from the tracker's cache, with the cluster's classes. */
  private volume(ref: { cluster: string; name: string }) {
    const objects = this.options.tracker
      .clusterObjects()
      .find(c => c.cluster === ref.cluster);
    const pv = objects
      ?.list<V1PersistentVolume>('PersistentVolume')
      .find(v => v.metadata?.name === ref.name);
    if (!objects || !pv) {
      throw new NotFoundError(
        `name: no PersistentVolume ${ref.name.slice(
          0,
          253,
        )} in cluster ${ref.cluster.slice(0, 63)}`,
      );
    }
    const phase = pv.status?.phase;
    if (phase === 'Bound' || phase === 'Pending') {
      const claim = pv.spec?.claimRef;
      throw new InputError(
        `name: volume ${ref.name} is ${phase}${
          claim ? ` to claim ${claim.namespace}/${claim.name}` : ''
        }: act on its claim instead`,
      );
    }
    return {
      pv,
      classes: objects.list<V1StorageClass>('StorageClass'),
    };
  }

  /** The entity a volume's request is recorded under, and where its claim lives. */
  private async placeOf(pv: V1PersistentVolume, entityRef: string | undefined) {
    const entities = await this.options.entities.list();
    const ref = pv.spec?.claimRef;
    const owner = ownerOf(entities, pv.metadata?.labels, ref?.namespace);
    const chosen = entityRef ?? owner?.entityRef;
    if (!chosen) {
      throw new InputError(
        `entityRef: volume ${pv.metadata?.name} belongs to no catalog entity (no ${KUBERNETES_ID_LABEL} label, and no entity has its last claim's namespace): name the entity to record the request under`,
      );
    }
    const entity = entities.find(e => e.entityRef === chosen);
    return {
      entityRef: chosen,
      namespace: ref?.namespace ?? entity?.namespace,
    };
  }

  async volumeDelete(
    ref: { cluster: string; name: string },
    body: VolumeDeleteInput,
  ): Promise<RequestInput> {
    const { pv } = this.volume(ref);
    const place = await this.placeOf(pv, body.entityRef);
    const claimRef = pv.spec?.claimRef;
    if (!place.namespace) {
      throw new InputError(
        `entityRef: ${place.entityRef} has no backstage.io/kubernetes-namespace annotation to record the request in: name an entity that has one`,
      );
    }
    return {
      operation: 'delete',
      entityRef: place.entityRef,
      cluster: ref.cluster,
      namespace: place.namespace,
      claimName: claimRef?.name ?? ref.name,
      volumeName: ref.name,
      confirm: body.confirm,
      ...optional('requestId', body.requestId),
      ...optional('justification', body.justification),
    };
  }

  async volumeAdopt(
    ref: { cluster: string; name: string },
    body: VolumeAdoptInput,
  ): Promise<RequestInput> {
    const { pv, classes } = this.volume(ref);
    const place = await this.placeOf(pv, body.entityRef);
    const namespace = body.namespace ?? place.namespace;
    if (!namespace) {
      throw new InputError(
        'namespace: the volume never had a claim and the entity names no namespace: give the namespace of the new claim',
      );
    }
    const driver = volumeDriver(pv, classes);
    const offering = body.offering
      ? this.options.offerings.find(o => o.id === body.offering)
      : this.options.offerings.find(
          o =>
            o.driver === driver && o.storageClassName === STATIC_STORAGE_CLASS,
        ) ??
        this.options.offerings.find(
          o => o.storageClassName === pv.spec?.storageClassName,
        );
    if (!offering) {
      throw new InputError(
        `offering: no offering binds existing ${
          driver ?? 'unknown'
        } volumes: name one with offering`,
      );
    }
    const volumeId =
      driver === 's3'
        ? pv.spec?.csi?.volumeAttributes?.bucketName
        : pv.spec?.csi?.volumeHandle;
    if (!volumeId) {
      throw new InputError(
        `name: volume ${ref.name} has no CSI volume handle to bind: only CSI volumes can be adopted`,
      );
    }
    const zone =
      pv.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.find(
        e => e.key.endsWith('/zone'),
      )?.values?.[0];
    const accessMode =
      (pv.spec?.accessModes ?? []).find(m =>
        (offering.accessModes as string[]).includes(m),
      ) ?? offering.accessModes[0];
    return {
      operation: 'create',
      entityRef: place.entityRef,
      cluster: ref.cluster,
      namespace,
      claimName: body.claimName ?? pv.spec?.claimRef?.name ?? ref.name,
      offering: offering.id,
      size: pv.spec?.capacity?.storage ?? offering.size.default,
      accessMode,
      source: {
        type: 'existing',
        volumeId,
        ...optional('zone', driver === 'ebs' ? zone : undefined),
      },
      ...optional('requestId', body.requestId),
      ...optional('justification', body.justification),
    };
  }

  async claimDelete(
    ref: ClaimRef,
    body: FleetClaimDeleteInput,
    credentials: BackstageCredentials,
  ): Promise<{ input: RequestInput; followUp?: FollowUp }> {
    const claim = this.options.tracker.getClaim(
      ref.cluster,
      ref.namespace,
      ref.name,
    );
    if (!claim) {
      throw new NotFoundError(
        `name: no claim ${ref.namespace.slice(0, 63)}/${ref.name.slice(
          0,
          253,
        )} in cluster ${ref.cluster.slice(0, 63)}`,
      );
    }
    const [entity] = await entitiesOwning(
      {
        namespace: ref.namespace,
        labels: claim.labels,
        annotations: claim.entityRef
          ? { [OWNER_ANNOTATION]: claim.entityRef }
          : undefined,
      },
      this.options.catalog,
      credentials,
    );
    if (!entity) {
      throw new NotAllowedError(
        `name: claim ${ref.namespace}/${ref.name} belongs to no catalog entity you can see: ask the platform team to label it ${KUBERNETES_ID_LABEL}=<component>`,
      );
    }
    const base = {
      entityRef: claimResourceOf(entity).entityRef,
      cluster: ref.cluster,
      namespace: ref.namespace,
      claimName: ref.name,
      ...optional('justification', body.justification),
    };
    const deleteInput: RequestInput = {
      ...base,
      operation: 'delete',
      confirm: body.confirm,
      ...optional('requestId', body.snapshotFirst ? undefined : body.requestId),
    };
    if (!body.snapshotFirst) return { input: deleteInput };

    // The delete is checked now (permission, confirmation, policy's
    // inputs), so a snapshot is not taken for a delete that cannot follow.
    const check = await this.options.requests.validate(
      deleteInput,
      credentials,
    );
    const errors = check.findings.filter(f => f.severity === 'error');
    if (errors.length) {
      throw new InputError(
        errors.map(f => `${f.field}: ${f.message}`).join('; '),
      );
    }
    const snapshotName = snapshotBeforeDeleteName(ref.name, this.now());
    const userRef =
      (credentials.principal as { userEntityRef?: string }).userEntityRef ?? '';
    return {
      input: {
        ...base,
        operation: 'snapshot',
        snapshotName,
        ...optional('requestId', body.requestId),
      },
      followUp: {
        describe: {
          operation: 'delete',
          when: `once snapshot ${snapshotName} is ready`,
        },
        afterSubmit: async request => {
          await this.options.cleanups.add(
            {
              cluster: ref.cluster,
              namespace: ref.namespace,
              name: ref.name,
              uid: claim.uid ?? '',
              reason: 'console',
              entityRef: base.entityRef,
              requestedBy: userRef,
              status: 'snapshotting',
              snapshotFirst: true,
              snapshotName,
              snapshotRequestId: request.id,
            },
            this.now(),
          );
        },
      },
    };
  }
}
