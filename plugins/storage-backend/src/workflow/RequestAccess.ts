import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isDns1123Label,
  isDns1123Subdomain,
  storageClaimDeletePermission,
  storageClaimUpdatePermission,
  storageRequestApprovePermission,
  storageRequestCreatePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolume } from '@kubernetes/client-node';
import { toClusterError } from '../clusters/clusterErrors';
import { ClusterClient, ClusterRegistry } from '../clusters/ClusterRegistry';
import {
  StorageAuthorizer,
  claimResourceOf,
} from '../permissions/StorageAuthorizer';
import { RequestInput } from '../service/requestInput';
import { ExistingClaim, readClaim } from './claimContext';
import { checkEntityRef, loadEntity } from './entities';
import { entitiesOwning } from './ownership';
import { DataSource, readDataSource } from './dataSources';
import { entitiesOfVolume, isUnclaimed } from './volumeTargets';

/** What a request touches, resolved and authorized. */
export interface AuthorizedTarget {
  /** The entity the request is recorded under: the catalog's own entity. */
  entity: Entity;
  /** Its reference as the catalog spells it. */
  entityRef: string;
  cluster: ClusterClient;
  /** Day-2 requests: the claim as the cluster has it now. */
  claim?: ExistingClaim;
  /** Restore and clone: the snapshot or claim the data comes from. */
  dataSource?: DataSource;
  /**
   * A volume no claim holds: the one a delete names (`volumeName`), or the
   * one a claim from an existing volume binds again.
   */
  volume?: V1PersistentVolume;
}

const DAY_TWO = new Set(['resize', 'snapshot', 'delete']);

/**
 * The one authorization path of every mutation, whichever route carries
 * it: resolve what the request touches (the entity, or the claim as it
 * exists in the cluster, or the snapshot or claim its data comes from) and
 * check the permission on that, not on what the body claims.
 */
export class RequestAccess {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      authorizer: StorageAuthorizer;
      clusters: ClusterRegistry;
    },
  ) {}

  async resolve(
    input: RequestInput,
    credentials: BackstageCredentials,
  ): Promise<AuthorizedTarget> {
    if (
      !(await this.options.authorizer.allows(
        storageRequestCreatePermission,
        credentials,
      ))
    ) {
      throw new NotAllowedError('You may not request storage');
    }
    return this.resolveTarget(input, credentials, true);
  }

  /**
   * What a stored request touches, read with the backend's own
   * credentials: its requester was authorized when it was stored, so
   * nothing is asked of the permission policy again.
   */
  async resolveStored(
    input: RequestInput,
    serviceCredentials: BackstageCredentials,
  ): Promise<AuthorizedTarget> {
    return this.resolveTarget(input, serviceCredentials, false);
  }

  private async resolveTarget(
    input: RequestInput,
    credentials: BackstageCredentials,
    authorize: boolean,
  ): Promise<AuthorizedTarget> {
    const { clusters } = this.options;
    checkEntityRef(input.entityRef);
    checkObjectNames(input);
    const cluster = clusters.get(input.cluster);
    if (!cluster) {
      throw new InputError(
        `cluster "${input.cluster.slice(
          0,
          80,
        )}" is not one of this Backstage's clusters: pick one of ${
          clusters
            .list()
            .map(c => c.name)
            .join(', ') || 'the configured clusters'
        }`,
      );
    }
    if (input.operation === 'delete' && input.volumeName !== undefined) {
      return this.resolveVolume(input, cluster, credentials, authorize);
    }
    return DAY_TWO.has(input.operation)
      ? this.resolveClaim(input, cluster, credentials, authorize)
      : this.resolveNewClaim(input, cluster, credentials, authorize);
  }

  /**
   * The entity a request names, when the caller may still act on it (for
   * replays of a stored request, whose claim may be gone by now).
   */
  async authorizedEntity(
    input: RequestInput,
    credentials: BackstageCredentials,
    authorize = true,
  ): Promise<Entity> {
    const { catalog, authorizer } = this.options;
    const entity = await loadEntity(catalog, input.entityRef, credentials);
    if (!authorize) return entity;
    await authorizer.requireOnEntity(
      input.operation === 'delete'
        ? storageClaimDeletePermission
        : storageClaimUpdatePermission,
      entity,
      credentials,
    );
    return entity;
  }

  /** Day-2: the claim's own entities decide, not the body's entityRef. */
  private async resolveClaim(
    input: RequestInput,
    cluster: ClusterClient,
    credentials: BackstageCredentials,
    authorize: boolean,
  ): Promise<AuthorizedTarget> {
    const { catalog, authorizer } = this.options;
    const claim = await readClaim(cluster, input.namespace, input.claimName);
    if (!claim) {
      throw new NotFoundError(
        `claimName: no claim ${input.namespace}/${input.claimName} in cluster ${cluster.name}`,
      );
    }
    const owners = await entitiesOwning(
      { ...claim.pvc.metadata, namespace: input.namespace },
      catalog,
      credentials,
    );
    if (owners.length === 0) {
      throw new NotAllowedError(
        `claimName: claim ${input.namespace}/${input.claimName} belongs to no catalog entity you can see: ask the platform team to label it backstage.io/kubernetes-id=<component>`,
      );
    }
    const permission =
      input.operation === 'delete'
        ? storageClaimDeletePermission
        : storageClaimUpdatePermission;
    for (const owner of authorize ? owners : []) {
      if (
        !(await authorizer.allowsOn(
          permission,
          claimResourceOf(owner),
          credentials,
        ))
      ) {
        throw new NotAllowedError(
          `You may not ${permission.attributes.action} claim ${
            input.namespace
          }/${input.claimName}: it belongs to ${
            claimResourceOf(owner).entityRef
          }; ask one of its owners`,
        );
      }
    }
    const asked = await loadEntity(catalog, input.entityRef, credentials);
    const askedRef = claimResourceOf(asked).entityRef;
    const entity = owners.find(o => claimResourceOf(o).entityRef === askedRef);
    if (!entity) {
      throw new InputError(
        `entityRef: claim ${input.namespace}/${
          input.claimName
        } belongs to ${owners
          .map(o => claimResourceOf(o).entityRef)
          .join(', ')}, not to ${askedRef}`,
      );
    }
    return { entity, entityRef: askedRef, cluster, claim };
  }

  /**
   * The platform team (who approve requests) may clean up volumes no claim
   * holds, whoever owned them: delete them, or bind them to a new claim.
   */
  private async platformCleansUp(
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return this.options.authorizer.allows(
      storageRequestApprovePermission,
      credentials,
    );
  }

  /**
   * Deleting a volume no claim holds: the entities of its labels or of its
   * last claim's namespace decide, or the platform team.
   */
  private async resolveVolume(
    input: RequestInput,
    cluster: ClusterClient,
    credentials: BackstageCredentials,
    authorize: boolean,
  ): Promise<AuthorizedTarget> {
    const { catalog, authorizer } = this.options;
    const name = input.volumeName!;
    let pv: V1PersistentVolume;
    try {
      pv = await cluster.core.readPersistentVolume({ name });
    } catch (error) {
      if (toClusterError(error).code === 404) {
        throw new NotFoundError(
          `volumeName: no PersistentVolume ${name} in cluster ${cluster.name}`,
        );
      }
      throw error;
    }
    const ref = pv.spec?.claimRef;
    if (!isUnclaimed(pv)) {
      throw new InputError(
        `volumeName: volume ${name} is ${
          pv.status?.phase ?? 'not yet Available'
        }${
          ref?.name ? ` (claim ${ref.namespace}/${ref.name})` : ''
        }: delete its claim instead`,
      );
    }
    if (
      ref?.name &&
      (ref.namespace !== input.namespace || ref.name !== input.claimName)
    ) {
      throw new InputError(
        `claimName: volume ${name} was claimed by ${ref.namespace}/${ref.name}: name that claim (namespace and claimName)`,
      );
    }
    const owners = await entitiesOfVolume(pv, catalog, credentials);
    const asked = await loadEntity(catalog, input.entityRef, credentials);
    const askedRef = claimResourceOf(asked).entityRef;
    const entity =
      owners.find(o => claimResourceOf(o).entityRef === askedRef) ??
      (owners.length === 0 ? asked : undefined);
    if (!entity) {
      throw new InputError(
        `entityRef: volume ${name} belongs to ${owners
          .map(o => claimResourceOf(o).entityRef)
          .join(', ')}, not to ${askedRef}`,
      );
    }
    if (authorize && !(await this.platformCleansUp(credentials))) {
      if (owners.length === 0) {
        throw new NotAllowedError(
          `volumeName: volume ${name} belongs to no catalog entity: the platform team deletes it`,
        );
      }
      for (const owner of owners) {
        if (
          !(await authorizer.allowsOn(
            storageClaimDeletePermission,
            claimResourceOf(owner),
            credentials,
          ))
        ) {
          throw new NotAllowedError(
            `You may not delete volume ${name}: it belongs to ${
              claimResourceOf(owner).entityRef
            }; ask one of its owners or the platform team`,
          );
        }
      }
    }
    return { entity, entityRef: askedRef, cluster, volume: pv };
  }

  /**
   * A volume no claim holds with this volume ID, which a claim from an
   * existing volume binds again instead of giving it a second PV.
   */
  private async adoptableVolume(
    input: RequestInput,
    cluster: ClusterClient,
  ): Promise<V1PersistentVolume | undefined> {
    const volumeId = input.source?.volumeId;
    if (input.source?.type !== 'existing' || !volumeId) return undefined;
    const { items } = await cluster.core.listPersistentVolume();
    const matching = items.filter(
      pv => pv.spec?.csi?.volumeHandle === volumeId && isUnclaimed(pv),
    );
    return matching.length === 1 ? matching[0] : undefined;
  }

  /** New claims: the entity's owners decide, and the data's source must be theirs too. */
  private async resolveNewClaim(
    input: RequestInput,
    cluster: ClusterClient,
    credentials: BackstageCredentials,
    authorize: boolean,
  ): Promise<AuthorizedTarget> {
    const { catalog } = this.options;
    const volume = await this.adoptableVolume(input, cluster);
    // The platform team may bind a volume no claim holds for its owner.
    const asPlatform =
      volume !== undefined &&
      authorize &&
      (await this.platformCleansUp(credentials));
    const entity = await this.authorizedEntity(
      input,
      credentials,
      authorize && !asPlatform,
    );
    const resource = claimResourceOf(entity);
    const dataSource = await readDataSource(cluster, input);
    if (dataSource?.object) {
      const owners = await entitiesOwning(
        dataSource.object,
        catalog,
        credentials,
      );
      if (
        !owners.some(o => claimResourceOf(o).entityRef === resource.entityRef)
      ) {
        throw new NotAllowedError(
          `${dataSource.field}: ${dataSource.kind} ${dataSource.name} is not ${resource.entityRef}'s: restore or clone only the entity's own data`,
        );
      }
    }
    return {
      entity,
      entityRef: resource.entityRef,
      cluster,
      dataSource,
      ...(volume && { volume }),
    };
  }
}

/**
 * Names that reach a cluster's URL paths must be Kubernetes names first:
 * nothing else is ever read or written.
 */
function checkObjectNames(input: RequestInput) {
  if (!isDns1123Label(input.namespace)) {
    throw new InputError(
      'namespace must be a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters)',
    );
  }
  const names: Array<[string, string | undefined]> = [
    ['claimName', input.claimName],
    ['snapshotName', input.snapshotName],
    ['source.snapshotName', input.source?.snapshotName],
    ['source.claimName', input.source?.claimName],
    ['volumeName', input.volumeName],
  ];
  for (const [field, value] of names) {
    if (value !== undefined && !isDns1123Subdomain(value)) {
      throw new InputError(
        `${field} must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit`,
      );
    }
  }
}
