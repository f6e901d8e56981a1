import { suggestUsage } from '@eks-storage/backstage-plugin-storage-common';
import { ClaimUsage, FleetFinding, FleetUsageItem } from '../api';
import {
  FleetSnapshot,
  findingView,
  newestReadings,
  readingKey,
  samplesOf,
} from '../snapshot';
import { UsageReading } from '../store/UsageStore';

export function claimUsageOf(reading: UsageReading): ClaimUsage {
  return {
    usedBytes: reading.usedBytes,
    capacityBytes: reading.capacityBytes,
    usedFraction:
      reading.capacityBytes > 0 ? reading.usedBytes / reading.capacityBytes : 0,
    observedAt: reading.time,
  };
}

/** Resize and shrink suggestions of every cluster (storage-common's suggestUsage), by claim. */
export function usageSuggestions(
  snapshot: FleetSnapshot,
): Map<string, FleetFinding> {
  const byClaim = new Map<string, FleetFinding>();
  for (const { storage } of snapshot.clusters) {
    const findings = suggestUsage({
      storage,
      samples: samplesOf(snapshot, storage.cluster),
      offerings: snapshot.offerings,
      prices: snapshot.prices,
      rules: snapshot.rules,
      now: snapshot.now,
      modifications: snapshot.modifications.filter(
        m => m.cluster === storage.cluster,
      ),
      entities: snapshot.entities,
    });
    for (const finding of findings) {
      byClaim.set(
        readingKey(
          storage.cluster,
          finding.object.namespace ?? '',
          finding.object.name,
        ),
        findingView(finding, {
          entities: snapshot.entities,
          actions: finding.suggestion?.action === 'resize' ? ['resize'] : [],
        }),
      );
    }
  }
  return byClaim;
}

/**
 * The newest reading of every claim that still exists, fullest first, with
 * its suggestion.
 */
export function usageItems(snapshot: FleetSnapshot): FleetUsageItem[] {
  const suggestions = usageSuggestions(snapshot);
  const newest = newestReadings(snapshot.readings);
  const items: FleetUsageItem[] = [];
  for (const { storage, claims } of snapshot.clusters) {
    for (const claim of claims) {
      const key = readingKey(storage.cluster, claim.namespace, claim.name);
      const reading = newest.get(key);
      if (!reading) continue;
      const suggestion = suggestions.get(key);
      items.push({
        cluster: storage.cluster,
        namespace: claim.namespace,
        name: claim.name,
        ...(suggestion?.entityRef && { entityRef: suggestion.entityRef }),
        ...(claim.storageClassName && {
          storageClassName: claim.storageClassName,
        }),
        ...(claim.driver && { driver: claim.driver }),
        ...(claim.capacity && { capacity: claim.capacity }),
        usage: claimUsageOf(reading),
        ...(suggestion?.suggestion && { suggestion: suggestion.suggestion }),
      });
    }
  }
  return items.sort(
    (a, b) =>
      b.usage.usedFraction - a.usage.usedFraction ||
      a.cluster.localeCompare(b.cluster) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}
