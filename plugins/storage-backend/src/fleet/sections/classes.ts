import {
  checkClassHealth,
  driverForProvisioner,
} from '@eks-storage/backstage-plugin-storage-common';
import { FleetClassesResponse, FleetFinding, FleetStorageClass } from '../api';
import { FleetSnapshot, findingView } from '../snapshot';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

function worst(findings: FleetFinding[]): FleetStorageClass['status'] {
  if (findings.some(f => f.severity === 'error')) return 'error';
  if (findings.some(f => f.severity === 'warning')) return 'warning';
  return 'ok';
}

/**
 * Every StorageClass of every cluster with its class-health findings
 * (storage-common's checkClassHealth), and the findings about clusters (no
 * default class) and offerings (their class is missing) beside them.
 */
export function classHealth(
  snapshot: FleetSnapshot,
): Omit<FleetClassesResponse, 'clusters' | 'generatedAt'> {
  const items: FleetStorageClass[] = [];
  const findings: FleetFinding[] = [];
  for (const { storage } of snapshot.clusters) {
    const found = checkClassHealth(storage, snapshot.offerings).map(f =>
      findingView(f, { entities: [] }),
    );
    const byClass = new Map<string, FleetFinding[]>();
    for (const finding of found) {
      if (finding.object.kind === 'StorageClass') {
        const list = byClass.get(finding.object.name) ?? [];
        list.push(finding);
        byClass.set(finding.object.name, list);
      } else {
        findings.push(finding);
      }
    }
    for (const sc of storage.storageClasses ?? []) {
      const name = sc.metadata?.name ?? '';
      const own = byClass.get(name) ?? [];
      byClass.delete(name);
      items.push({
        cluster: storage.cluster,
        name,
        provisioner: sc.provisioner,
        ...(driverForProvisioner(sc.provisioner) && {
          driver: driverForProvisioner(sc.provisioner),
        }),
        isDefault: sc.metadata?.annotations?.[DEFAULT_CLASS] === 'true',
        ...(sc.volumeBindingMode && {
          volumeBindingMode: sc.volumeBindingMode,
        }),
        ...(sc.reclaimPolicy && { reclaimPolicy: sc.reclaimPolicy }),
        allowVolumeExpansion: sc.allowVolumeExpansion === true,
        parameters: { ...(sc.parameters ?? {}) },
        status: worst(own),
        findings: own,
        offerings: snapshot.offerings
          .filter(o => o.storageClassName === name)
          .map(o => o.id),
      });
    }
    // Findings about a class that is not listed stay visible.
    for (const rest of byClass.values()) findings.push(...rest);
  }
  return { items, findings };
}
