/** Named starting states for a simulated cluster. */
import { Registry } from '../api/registry';
import { kindByName } from '../kinds';
import { K8sObject } from '../store/types';
import { baseCluster } from './baseCluster';
import { demoWorkloads } from './demo';

export type ScenarioName = 'demo' | 'empty' | 'none';

export const SCENARIOS: ScenarioName[] = ['demo', 'empty', 'none'];

export interface ScenarioContext {
  registry: Registry;
  clusterName: string;
  /** Resolves once `check` holds (the controllers run meanwhile). */
  until(check: () => boolean, what: string): Promise<void>;
  /** Removes a CSI driver from the cluster (a platform gap the demo shows). */
  uninstallDriver(name: string): void;
  /** Switches the controllers to the requested (possibly slow) delays. */
  useRequestedDelays(): void;
}

const MANAGER = { fieldManager: 'eks-sim-scenario' };

export function createAll(
  registry: Registry,
  manifests: Array<Omit<K8sObject, 'apiVersion'> & { apiVersion: string }>,
) {
  for (const manifest of manifests) {
    const kind = kindByName(manifest.kind);
    registry.create(kind, manifest.metadata.namespace, manifest, MANAGER);
  }
}

export async function loadScenario(name: ScenarioName, ctx: ScenarioContext) {
  if (name === 'none') {
    return;
  }
  createAll(ctx.registry, baseCluster());
  if (name === 'demo') {
    await demoWorkloads(ctx);
  }
}
