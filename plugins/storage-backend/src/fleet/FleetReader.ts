import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  FleetRules,
  PriceTable,
  StorageOffering,
  storageRequestApprovePermission,
} from '@eks-storage/backstage-plugin-storage-common';
import { RequestStore } from '../database/RequestStore';
import { StorageAuthorizer } from '../permissions/StorageAuthorizer';
import { ClaimTracker } from '../tracker/ClaimTracker';
import {
  ClaimUsageHistory,
  FleetBackupsResponse,
  FleetClaimsResponse,
  FleetClassesResponse,
  FleetComplianceResponse,
  FleetExpiriesResponse,
  FleetFindingsResponse,
  FleetOverviewResponse,
  FleetUsageResponse,
} from './api';
import { ClusterVersions, fleetClusters } from './clusterStorage';
import { ClaimRef, FleetApi } from './FleetApi';
import { FleetEntities } from './fleetEntities';
import { FleetClaimFilter } from './query';
import { backupItems } from './sections/backups';
import { fleetClaimRows, matchesFilter } from './sections/claims';
import { classHealth } from './sections/classes';
import { complianceFindings } from './sections/compliance';
import { complianceRules } from './sections/compliance';
import { expiryItems } from './sections/expiries';
import { overview } from './sections/overview';
import { claimUsageOf, usageItems, usageSuggestions } from './sections/usage';
import { wasteFindings } from './sections/waste';
import { FleetSnapshot, readingKey } from './snapshot';
import { CleanupStore } from './store/CleanupStore';
import { FleetHistoryStore } from './store/FleetHistoryStore';
import { UsageStore } from './store/UsageStore';

const DAY_MS = 86_400_000;

export interface FleetReaderOptions {
  tracker: ClaimTracker;
  entities: FleetEntities;
  versions: ClusterVersions;
  usage: UsageStore;
  history: FleetHistoryStore;
  cleanups: CleanupStore;
  requests: Pick<RequestStore, 'list'>;
  authorizer: Pick<StorageAuthorizer, 'allows'>;
  offerings: StorageOffering[];
  prices: PriceTable;
  rules: FleetRules;
  /** Offerings whose claims are snapshotted before the backend deletes them. */
  snapshotFirstOfferings: ReadonlySet<string>;
  /** How far back the cost trend reaches (default 90 days). */
  trendDays?: number;
  clock?: () => Date;
}

/**
 * The console's read side: each answer is computed from the tracker's
 * caches, the catalog and the stored usage by storage-common's fleet
 * functions; nothing here asks a cluster.
 */
export class FleetReader implements FleetApi {
  private readonly now: () => Date;

  constructor(private readonly options: FleetReaderOptions) {
    this.now = options.clock ?? (() => new Date());
  }

  /** Everything a page is computed from, read once. */
  async snapshot(): Promise<FleetSnapshot> {
    const { options } = this;
    const now = this.now();
    const windowDays = Math.max(
      options.rules.usage.shrinkAfterDays,
      options.rules.waste.unusedClaimDays,
    );
    const [clusters, entities, readings, applied] = await Promise.all([
      fleetClusters(options),
      options.entities.list(),
      options.usage.since(new Date(now.getTime() - (windowDays + 1) * DAY_MS)),
      options.requests.list({ status: ['applied'] }),
    ]);
    return {
      now,
      clusters,
      status: options.tracker.clusterStatus(),
      entities,
      offerings: options.offerings,
      prices: options.prices,
      rules: options.rules,
      readings,
      modifications: applied
        .filter(r => r.operation === 'resize')
        .map(r => ({
          cluster: r.cluster,
          namespace: r.namespace,
          claim: r.claimName,
          at: r.updatedAt,
        })),
    };
  }

  async overview(): Promise<FleetOverviewResponse> {
    const snapshot = await this.snapshot();
    const [costs, cleanups] = await Promise.all([
      this.options.history.costsSince(
        new Date(
          snapshot.now.getTime() - (this.options.trendDays ?? 90) * DAY_MS,
        ),
      ),
      this.options.cleanups.list(),
    ]);
    const rows = fleetClaimRows(snapshot);
    const classes = classHealth(snapshot);
    return overview(snapshot, costs, {
      claims: rows.filter(r => r.kind === 'PersistentVolumeClaim').length,
      volumes: rows.filter(r => r.kind === 'PersistentVolume').length,
      unowned: rows.filter(r => !r.owned).length,
      waste: wasteFindings(snapshot).length,
      classHealth:
        classes.findings.length +
        classes.items.reduce((sum, item) => sum + item.findings.length, 0),
      compliance: complianceFindings(snapshot).length,
      usage: usageSuggestions(snapshot).size,
      backups: backupItems(snapshot).filter(item => item.stale).length,
      expiries: expiryItems(
        snapshot,
        cleanups,
        this.options.snapshotFirstOfferings,
      ).filter(item => !['deleted', 'failed'].includes(item.status)).length,
    });
  }

  async claims(filter: FleetClaimFilter): Promise<FleetClaimsResponse> {
    const snapshot = await this.snapshot();
    const matching = fleetClaimRows(snapshot).filter(row =>
      matchesFilter(row, filter),
    );
    return {
      items: matching.slice(filter.offset, filter.offset + filter.limit),
      total: matching.length,
      clusters: snapshot.status,
    };
  }

  async waste(
    credentials: BackstageCredentials,
  ): Promise<FleetFindingsResponse> {
    const [snapshot, mayCleanUp] = await Promise.all([
      this.snapshot(),
      this.options.authorizer.allows(
        storageRequestApprovePermission,
        credentials,
      ),
    ]);
    const items = wasteFindings(snapshot);
    return {
      items,
      totalMonthlyUsd:
        Math.round(
          items.reduce((sum, item) => sum + (item.monthlyUsd ?? 0), 0) * 100,
        ) / 100,
      viewer: { mayCleanUp },
      clusters: snapshot.status,
      generatedAt: snapshot.now.toISOString(),
    };
  }

  async classes(): Promise<FleetClassesResponse> {
    const snapshot = await this.snapshot();
    return {
      ...classHealth(snapshot),
      clusters: snapshot.status,
      generatedAt: snapshot.now.toISOString(),
    };
  }

  async compliance(): Promise<FleetComplianceResponse> {
    const snapshot = await this.snapshot();
    return {
      items: complianceFindings(snapshot),
      rules: complianceRules(snapshot.rules),
      clusters: snapshot.status,
      generatedAt: snapshot.now.toISOString(),
    };
  }

  async usage(): Promise<FleetUsageResponse> {
    const snapshot = await this.snapshot();
    const lastCollectedAt = await this.options.usage.lastObservedAt();
    return {
      items: usageItems(snapshot),
      ...(lastCollectedAt && { lastCollectedAt }),
      clusters: snapshot.status,
    };
  }

  async claimUsage(claim: ClaimRef, days: number): Promise<ClaimUsageHistory> {
    const [snapshot, readings] = await Promise.all([
      this.snapshot(),
      this.options.usage.history(
        {
          cluster: claim.cluster,
          namespace: claim.namespace,
          claim: claim.name,
        },
        new Date(this.now().getTime() - days * DAY_MS),
      ),
    ]);
    const latest = readings[readings.length - 1];
    const suggestion = usageSuggestions(snapshot).get(
      readingKey(claim.cluster, claim.namespace, claim.name),
    )?.suggestion;
    return {
      cluster: claim.cluster,
      namespace: claim.namespace,
      name: claim.name,
      samples: readings.map(({ time, usedBytes, capacityBytes }) => ({
        observedAt: time,
        usedBytes,
        capacityBytes,
      })),
      ...(latest && { latest: claimUsageOf(latest) }),
      ...(suggestion && { suggestion }),
    };
  }

  async backups(): Promise<FleetBackupsResponse> {
    const snapshot = await this.snapshot();
    return {
      items: backupItems(snapshot),
      staleAfterHours: snapshot.rules.backups.maxAgeDays * 24,
      clusters: snapshot.status,
    };
  }

  async expiries(): Promise<FleetExpiriesResponse> {
    const [snapshot, cleanups] = await Promise.all([
      this.snapshot(),
      this.options.cleanups.list(),
    ]);
    return {
      items: expiryItems(
        snapshot,
        cleanups,
        this.options.snapshotFirstOfferings,
      ),
      clusters: snapshot.status,
    };
  }
}
