import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isDns1123Label,
  isDns1123Subdomain,
  storageClaimDeletePermission,
  storageClaimUpdatePermission,
  storageRequestCreatePermission,
} from '@eks-storage/backstage-plugin-storage-common';
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

  /** New claims: the entity's owners decide, and the data's source must be theirs too. */
  private async resolveNewClaim(
    input: RequestInput,
    cluster: ClusterClient,
    credentials: BackstageCredentials,
    authorize: boolean,
  ): Promise<AuthorizedTarget> {
    const { catalog } = this.options;
    const entity = await this.authorizedEntity(input, credentials, authorize);
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
    return { entity, entityRef: resource.entityRef, cluster, dataSource };
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
  ];
  for (const [field, value] of names) {
    if (value !== undefined && !isDns1123Subdomain(value)) {
      throw new InputError(
        `${field} must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit`,
      );
    }
  }
}
