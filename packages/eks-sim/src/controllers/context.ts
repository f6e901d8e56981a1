/** What every controller gets: API access, time, faults, delays, events. */
import { Registry } from '../api/registry';
import { SimClock } from '../clock';
import { Faults } from '../faults';
import { Delays } from './delays';
import { EventRecorder } from './events';

/** The simulated cluster's place in AWS. */
export const REGION = 'us-east-1';
export const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
export const ACCOUNT_ID = '111122223333';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const EBS_ZONE_LABEL = 'topology.ebs.csi.aws.com/zone';

export interface ControllerContext {
  registry: Registry;
  clock: SimClock;
  faults: Faults;
  delays: Delays;
  clusterName: string;
  events: EventRecorder;
}
