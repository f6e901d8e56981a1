/** How scenarios write to the simulated cluster: what they may do, and one field manager for every object they create. */
import type { Registry } from '../api/registry';
import { kindByName } from '../kinds';
import { K8sObject } from '../store/types';

/** The field manager of every object a scenario creates or patches. */
export const MANAGER = { fieldManager: 'eks-sim-scenario' };

/** What a scenario may do besides creating objects. */
export interface ScenarioContext {
  registry: Registry;
  clusterName: string;
  /** Resolves once `check` holds (the controllers run meanwhile). */
  until(check: () => boolean, what: string): Promise<void>;
  /** Removes a CSI driver from the cluster (a platform gap the demo shows). */
  uninstallDriver(name: string): void;
  /** Switches the controllers to the requested (possibly slow) delays. */
  useRequestedDelays(): void;
  /**
   * Runs a step as if it happened `ms` earlier: objects it creates, and the
   * phases they reach, carry that time (a volume Released weeks ago).
   */
  inThePast(ms: number, step: () => Promise<void>): Promise<void>;
}

/** Creates the objects in order, as the scenario's field manager. */
export function createAll(
  registry: Registry,
  manifests: Array<Omit<K8sObject, 'apiVersion'> & { apiVersion: string }>,
) {
  for (const manifest of manifests) {
    const kind = kindByName(manifest.kind);
    registry.create(kind, manifest.metadata.namespace, manifest, MANAGER);
  }
}
