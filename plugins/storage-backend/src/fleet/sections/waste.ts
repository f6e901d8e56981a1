import {
  ebsEncryptionOf,
  findWaste,
  volumeDriver,
} from '@eks-storage/backstage-plugin-storage-common';
import { V1PersistentVolume, V1StorageClass } from '@kubernetes/client-node';
import { FleetAction, FleetFinding } from '../api';
import {
  FleetSnapshot,
  findingView,
  lastMountedOf,
  samplesOf,
  volumeView,
} from '../snapshot';

/** A volume as the console shows it, with its encryption at rest for EBS. */
export function volumeOf(
  pv: V1PersistentVolume,
  classes: readonly V1StorageClass[],
) {
  const driver = volumeDriver(pv, classes);
  const sc = classes.find(c => c.metadata?.name === pv.spec?.storageClassName);
  const encrypted =
    driver === 'ebs'
      ? ebsEncryptionOf({
          ...(sc?.parameters ?? {}),
          ...(pv.spec?.csi?.volumeAttributes ?? {}),
        }).encrypted
      : undefined;
  return volumeView(pv, driver, encrypted);
}

/** What removes each kind of waste. */
const ACTIONS: Record<string, FleetAction[]> = {
  'released-volume': ['delete-volume', 'adopt-volume'],
  'unclaimed-volume': ['delete-volume', 'adopt-volume'],
  'unused-claim': ['delete-claim', 'snapshot'],
  'over-provisioned': ['delete-claim'],
};

/** The waste of every cluster (storage-common's findWaste), costliest first. */
export function wasteFindings(snapshot: FleetSnapshot): FleetFinding[] {
  return snapshot.clusters
    .flatMap(({ storage }) => {
      const classes = storage.storageClasses ?? [];
      const volumes = new Map(
        (storage.persistentVolumes ?? []).map(pv => [pv.metadata?.name, pv]),
      );
      return findWaste({
        storage,
        prices: snapshot.prices,
        rules: snapshot.rules,
        now: snapshot.now,
        lastMounted: lastMountedOf(snapshot, storage.cluster),
        usage: samplesOf(snapshot, storage.cluster),
        offerings: snapshot.offerings,
        entities: snapshot.entities,
      }).map(finding => {
        const pv: V1PersistentVolume | undefined =
          finding.object.kind === 'PersistentVolume'
            ? volumes.get(finding.object.name)
            : undefined;
        return findingView(finding, {
          entities: snapshot.entities,
          actions: ACTIONS[finding.code] ?? [],
          volume: pv ? volumeOf(pv, classes) : undefined,
        });
      });
    })
    .sort(
      (a, b) =>
        (b.monthlyUsd ?? 0) - (a.monthlyUsd ?? 0) || a.id.localeCompare(b.id),
    );
}
