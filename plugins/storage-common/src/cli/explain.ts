import type {
  CoreV1Event,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import { Diagnosis, diagnose } from '../diagnosis';

export interface Explanation extends Omit<Diagnosis, 'since'> {
  namespace: string;
  name: string;
}

type Item = { kind?: string; metadata?: { name?: string; namespace?: string } };

/** Diagnoses every claim (and every Released volume) of a `kubectl get … -o json` List. */
export function explainList(list: unknown): Explanation[] {
  const listItems = (list as { items?: unknown })?.items;
  let items: Item[] = [];
  if (Array.isArray(listItems)) items = listItems;
  else if (Array.isArray(list)) items = list;
  const ofKind = <T>(kind: string) =>
    items.filter(item => item?.kind === kind) as unknown as T[];
  const pvcs = ofKind<V1PersistentVolumeClaim>('PersistentVolumeClaim');
  const pvs = ofKind<V1PersistentVolume>('PersistentVolume');
  const storageClasses = ofKind<V1StorageClass>('StorageClass');
  const events = ofKind<CoreV1Event>('Event');
  const pods = ofKind<V1Pod>('Pod');
  const nodes = ofKind('Node') as never[];
  const snapshots = ofKind<unknown>('VolumeSnapshot');
  const csiDrivers = ofKind('CSIDriver') as never[];

  const claims = pvcs.map(pvc => {
    const pv = pvs.find(v => v.metadata?.name === pvc.spec?.volumeName);
    const storageClass = storageClasses.find(
      sc => sc.metadata?.name === pvc.spec?.storageClassName,
    );
    const diagnosis = diagnose({
      pvc,
      pv,
      storageClass,
      storageClasses: storageClasses.length ? storageClasses : undefined,
      events,
      pods,
      nodes,
      snapshots: snapshots.length ? snapshots : undefined,
      csiDrivers: csiDrivers.length ? csiDrivers : undefined,
    });
    return {
      namespace: pvc.metadata?.namespace ?? 'default',
      name: pvc.metadata?.name ?? '',
      ...withoutSince(diagnosis),
    };
  });
  const leftBehind = pvs
    .filter(pv => pv.status?.phase === 'Released')
    .map(pv => ({
      namespace: pv.spec?.claimRef?.namespace ?? '',
      name: pv.metadata?.name ?? '',
      ...withoutSince(diagnose({ pv, events })),
    }));
  return [...claims, ...leftBehind];
}

function withoutSince({ since: _since, ...rest }: Diagnosis) {
  return rest;
}

export function formatExplanation(explanation: Explanation): string {
  const lines = [
    `${explanation.namespace}/${explanation.name}: ${explanation.state} (${explanation.severity})`,
    `  ${explanation.headline}`,
    `  ${explanation.explanation}`,
  ];
  if (explanation.fix) lines.push(`  Fix: ${explanation.fix}`);
  return lines.join('\n');
}
