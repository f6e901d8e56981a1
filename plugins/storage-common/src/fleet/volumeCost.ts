import type {
  V1PersistentVolume,
  V1StorageClass,
} from '@kubernetes/client-node';
import { CostEstimate, PriceTable, estimateVolumeMonthlyCost } from '../cost';
import { parseQuantity } from '../quantity';
import { stringRecord } from '../validation/findings';
import { classNamed, classParameters, volumeDriver } from './objects';

/**
 * The monthly list price of a PersistentVolume: its driver, its class's
 * parameters (the volume's own attributes win) and its capacity. Undefined
 * for drivers the catalogue does not know. A class that is gone leaves the
 * driver's defaults (gp3 for EBS).
 */
export function volumeMonthlyCost(
  pv: V1PersistentVolume,
  classes: readonly V1StorageClass[],
  prices: PriceTable,
): CostEstimate | undefined {
  const driver = volumeDriver(pv, classes);
  if (!driver) return undefined;
  const sc = classNamed(classes, pv?.spec?.storageClassName);
  const parameters = {
    ...classParameters(sc),
    ...stringRecord(pv?.spec?.csi?.volumeAttributes),
  };
  const bytes = parseQuantity(pv?.spec?.capacity?.storage) ?? 0;
  return estimateVolumeMonthlyCost({ driver, parameters, bytes }, prices);
}
