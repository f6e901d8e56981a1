import { LabelSelector } from '@eks-storage/backstage-plugin-storage-common';
import { ClaimSummary } from './claimView';

/**
 * A cluster's claim summaries by claim key (a Map), with an index from a
 * label's value to the claims carrying it, so an entity's page finds its
 * claims among a hundred thousand without reading every one. An index is
 * built for a label key the first time a selector asks for it (most
 * installations only ever ask for `backstage.io/kubernetes-id`) and kept
 * current with every change after that.
 */
export class ClaimSummaries extends Map<string, ClaimSummary> {
  /** label key → label value → claim keys */
  private indexes?: Map<string, Map<string, Set<string>>>;

  set(key: string, summary: ClaimSummary): this {
    const before = super.get(key);
    super.set(key, summary);
    this.indexes?.forEach((byValue, label) => {
      const from = before && labelOf(before, label);
      const to = labelOf(summary, label);
      if (from === to && before) return;
      if (from !== undefined) removeFrom(byValue, from, key);
      if (to !== undefined) addTo(byValue, to, key);
    });
    return this;
  }

  delete(key: string): boolean {
    const before = super.get(key);
    if (before) {
      this.indexes?.forEach((byValue, label) => {
        const value = labelOf(before, label);
        if (value !== undefined) removeFrom(byValue, value, key);
      });
    }
    return super.delete(key);
  }

  clear(): void {
    this.indexes = undefined;
    super.clear();
  }

  /**
   * The summaries that may match the selector: those carrying one of the
   * values of its first `key in (…)` (or `key=value`) requirement, or all
   * of them when it has none. Callers still match the whole selector.
   */
  candidates(selector: LabelSelector): Iterable<ClaimSummary> {
    const requirement = selector.find(r => r.op === 'in');
    if (!requirement || requirement.op !== 'in') return this.values();
    const byValue = this.indexFor(requirement.key);
    const found: ClaimSummary[] = [];
    for (const value of requirement.values) {
      for (const key of byValue.get(value) ?? []) {
        const summary = super.get(key);
        if (summary) found.push(summary);
      }
    }
    return found;
  }

  private indexFor(label: string): Map<string, Set<string>> {
    this.indexes ??= new Map();
    let byValue = this.indexes.get(label);
    if (!byValue) {
      byValue = new Map();
      for (const [key, summary] of this) {
        const value = labelOf(summary, label);
        if (value !== undefined) addTo(byValue, value, key);
      }
      this.indexes.set(label, byValue);
    }
    return byValue;
  }
}

/** A label's value; own keys only (`constructor` is a valid label key). */
function labelOf(summary: ClaimSummary, label: string): string | undefined {
  return Object.hasOwn(summary.labels, label)
    ? summary.labels[label]
    : undefined;
}

function addTo(byValue: Map<string, Set<string>>, value: string, key: string) {
  const keys = byValue.get(value);
  if (keys) keys.add(key);
  else byValue.set(value, new Set([key]));
}

function removeFrom(
  byValue: Map<string, Set<string>>,
  value: string,
  key: string,
) {
  const keys = byValue.get(value);
  if (!keys) return;
  keys.delete(key);
  if (keys.size === 0) byValue.delete(value);
}
