/** Named starting states for a simulated cluster. */
import { baseCluster } from './baseCluster';
import { demoWorkloads } from './demo';
import { ScenarioContext, createAll } from './manager';

export type { ScenarioContext } from './manager';

export type ScenarioName = 'demo' | 'empty' | 'none';

export const SCENARIOS: ScenarioName[] = ['demo', 'empty', 'none'];

export async function loadScenario(name: ScenarioName, ctx: ScenarioContext) {
  if (name === 'none') {
    return;
  }
  createAll(ctx.registry, baseCluster());
  if (name === 'demo') {
    await demoWorkloads(ctx);
  }
}
