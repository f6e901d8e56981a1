/** Starts every simulated controller against one cluster's registry. */
import { Registry } from '../api/registry';
import { SimClock } from '../clock';
import { Faults } from '../faults';
import { ControllerContext } from './context';
import { Delays } from './delays';
import { createDrivers } from './drivers';
import { EventRecorder } from './events';
import { garbageCollector } from './garbageCollector';
import { kubelet } from './kubelet';
import { namespaces } from './namespaces';
import { protection } from './protection';
import { provisioners } from './provisioner';
import { pvController } from './pvController';
import { quotas } from './quota';
import { resizer } from './resizer';
import { scheduler } from './scheduler';
import { snapshotter } from './snapshotter';
import { statefulSets } from './statefulSet';

export interface ControllerDeps {
  registry: Registry;
  clock: SimClock;
  faults: Faults;
  delays: Delays;
  clusterName: string;
}

export function startControllers(deps: ControllerDeps) {
  const ctx: ControllerContext = {
    ...deps,
    events: new EventRecorder(deps.registry, deps.clock),
  };
  const drivers = createDrivers({
    clock: deps.clock,
    delays: deps.delays,
    isIamDenied: driver => deps.faults.isIamDenied(driver),
    efsAccessPointLimit: () => deps.faults.efsAccessPointLimit(),
  });
  const running = [
    pvController(ctx),
    provisioners(ctx, drivers),
    scheduler(ctx),
    kubelet(ctx),
    protection(ctx),
    namespaces(ctx),
    quotas(ctx),
    resizer(ctx, drivers),
    snapshotter(ctx, drivers),
    statefulSets(ctx),
    garbageCollector(ctx),
  ];
  return { stop: () => running.forEach(c => c.stop()) };
}
