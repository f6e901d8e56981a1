/**
 * Faults on demand: request errors and latency, drivers uninstalled or
 * denied by IAM, dropped watches, a restart that loses the watch history,
 * a namespace's ResourceQuota filled to the brim, and the EFS
 * access-point limit lowered.
 */
import { formatQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { ApiError, errors } from './api/errors';
import { namespaceUsage } from './api/admission';
import { Registry } from './api/registry';
import { RequestFaults } from './api/server';
import { WatchHub } from './api/watch';
import { SimClock } from './clock';
import { kindByName } from './kinds';

export interface RequestFaultSettings {
  /** Fraction (0–1) of API requests answered with `errorStatus`. */
  errorRate?: number;
  errorStatus?: 429 | 500;
  /** Latency added to every API request. */
  latencyMs?: number;
}

export interface FaultState {
  errorRate: number;
  errorStatus: 429 | 500;
  latencyMs: number;
  uninstalledDrivers: string[];
  iamDeniedDrivers: string[];
  /** The lowered EFS access-point limit per file system, or null (the driver's own). */
  efsAccessPointLimit: number | null;
  openWatches: number;
  /** Requests answered with an injected error since the start. */
  injectedErrors: number;
}

const CSI_DRIVER = kindByName('CSIDriver');
const QUOTA = kindByName('ResourceQuota');
const FILLED_QUOTA_NAME = 'storage-quota';
const MANAGER = { fieldManager: 'eks-sim-faults' };

export class Faults implements RequestFaults {
  private errorRate = 0;
  private errorStatus: 429 | 500 = 500;
  private latency = 0;
  /** How many requests were answered with an injected error so far. */
  private injected = 0;
  private readonly uninstalled = new Set<string>();
  private readonly iamDenied = new Set<string>();
  private efsLimit: number | undefined;
  private readonly removedDrivers = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly registry: Registry,
    private readonly watches: WatchHub,
    private readonly clock: SimClock,
  ) {}

  /** Called whenever driver faults change, so controllers retry. */
  onDriverChange(listener: () => void) {
    this.listeners.add(listener);
  }

  latencyMs() {
    return this.latency;
  }

  injectedError(): ApiError | undefined {
    if (this.errorRate <= 0 || Math.random() >= this.errorRate) {
      return undefined;
    }
    this.injected += 1;
    return this.errorStatus === 429
      ? errors.tooManyRequests()
      : errors.internal('etcdserver: request timed out');
  }

  setRequestFaults(settings: RequestFaultSettings) {
    if (settings.errorRate !== undefined) {
      if (!(settings.errorRate >= 0 && settings.errorRate <= 1)) {
        throw errors.badRequest('errorRate must be between 0 and 1');
      }
      this.errorRate = settings.errorRate;
    }
    if (settings.errorStatus !== undefined) {
      if (settings.errorStatus !== 429 && settings.errorStatus !== 500) {
        throw errors.badRequest('errorStatus must be 429 or 500');
      }
      this.errorStatus = settings.errorStatus;
    }
    if (settings.latencyMs !== undefined) {
      if (!(settings.latencyMs >= 0 && settings.latencyMs <= 60_000)) {
        throw errors.badRequest('latencyMs must be between 0 and 60000');
      }
      this.latency = settings.latencyMs;
    }
  }

  isInstalled(driver: string) {
    return !this.uninstalled.has(driver);
  }

  isIamDenied(driver: string) {
    return this.iamDenied.has(driver);
  }

  /** Removes the driver (and its CSIDriver object): its claims wait forever. */
  uninstallDriver(driver: string) {
    this.uninstalled.add(driver);
    const existing = this.registry.find(CSI_DRIVER, undefined, driver);
    if (existing) {
      this.removedDrivers.set(driver, existing);
      this.registry.delete(CSI_DRIVER, undefined, driver);
    }
    this.notify();
  }

  installDriver(driver: string) {
    this.uninstalled.delete(driver);
    const removed = this.removedDrivers.get(driver) as any;
    if (removed && !this.registry.find(CSI_DRIVER, undefined, driver)) {
      this.registry.create(
        CSI_DRIVER,
        undefined,
        {
          apiVersion: removed.apiVersion,
          kind: removed.kind,
          metadata: { name: driver, labels: removed.metadata.labels },
          spec: removed.spec,
        },
        MANAGER,
      );
    }
    this.removedDrivers.delete(driver);
    this.notify();
  }

  setIamDenied(driver: string, denied: boolean) {
    if (denied) this.iamDenied.add(driver);
    else this.iamDenied.delete(driver);
    this.notify();
  }

  /**
   * Lowers the EFS driver's access-point limit per file system (10,000 in
   * AWS) to `limit`, so a claim fails with AccessPointLimitExceeded once a
   * file system has that many; `null` restores the driver's own limit.
   */
  setEfsAccessPointLimit(limit: number | null) {
    if (limit !== null && !(Number.isInteger(limit) && limit >= 0)) {
      throw errors.badRequest('limit must be a whole number of 0 or more');
    }
    this.efsLimit = limit ?? undefined;
    this.notify();
  }

  efsAccessPointLimit(): number | undefined {
    return this.efsLimit;
  }

  /** Ends every open watch; clients reconnect from their last version. */
  dropWatches() {
    this.watches.dropAll();
  }

  /**
   * An API server restart with a compacted history: open watches end and
   * every earlier resourceVersion is too old, so clients must relist.
   */
  restart() {
    this.registry.store.compact();
    this.watches.dropAll();
  }

  /** Sets a ResourceQuota so the namespace cannot take one more claim. */
  fillQuota(namespace: string) {
    const usedBytes = namespaceUsage(
      this.registry.store,
      namespace,
      'requests.storage',
    );
    const usedClaims = namespaceUsage(
      this.registry.store,
      namespace,
      'persistentvolumeclaims',
    );
    const hard = {
      'requests.storage': usedBytes > 0 ? formatQuantity(usedBytes) : '0',
      persistentvolumeclaims: String(usedClaims),
    };
    const quota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: FILLED_QUOTA_NAME, namespace },
      spec: { hard },
    };
    this.registry.patch(QUOTA, namespace, FILLED_QUOTA_NAME, 'apply', quota, {
      ...MANAGER,
      force: true,
    });
    return hard;
  }

  advanceClock(ms: number) {
    this.clock.advance(ms);
    this.notify();
  }

  reset() {
    this.setRequestFaults({ errorRate: 0, latencyMs: 0, errorStatus: 500 });
    [...this.uninstalled].forEach(d => this.installDriver(d));
    this.iamDenied.clear();
    this.efsLimit = undefined;
    this.notify();
  }

  state(): FaultState {
    return {
      errorRate: this.errorRate,
      errorStatus: this.errorStatus,
      latencyMs: this.latency,
      uninstalledDrivers: [...this.uninstalled].sort(),
      iamDeniedDrivers: [...this.iamDenied].sort(),
      efsAccessPointLimit: this.efsLimit ?? null,
      openWatches: this.watches.size,
      injectedErrors: this.injected,
    };
  }

  private notify() {
    this.listeners.forEach(l => l());
  }
}
