/** The CSI drivers an EKS cluster of this simulator runs. */
import { ebsDriver } from './ebs';
import { efsDriver } from './efs';
import { fsxLustreDriver } from './fsxLustre';
import { s3Driver } from './s3';
import { tridentDriver } from './trident';
import { DriverEnv, SimulatedDriver } from './types';

export type DriverSet = Map<string, SimulatedDriver>;

export function createDrivers(env: DriverEnv): DriverSet {
  const drivers = [
    ebsDriver(env),
    efsDriver(env),
    fsxLustreDriver(env),
    s3Driver(),
    tridentDriver(env),
  ];
  return new Map(drivers.map(d => [d.name, d]));
}

export * from './types';
