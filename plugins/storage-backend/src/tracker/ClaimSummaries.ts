import { LabelSelector } from '@eks-storage/backstage-plugin-storage-common';
import { claimKey, splitClaimKey } from './claimKey';
import { ClaimSummary } from './claimView';

/**
 * A cluster's claim summaries by claim key, with an index from a label's
 * value to the claims carrying it, so an entity's page finds its claims
 * among a hundred thousand without reading every one. An index is built
 * for a label key the first time a selector asks for it (most
 * installations only ever ask for `backstage.io/kubernetes-id`) and kept
 * current with every change after that.
 *
 * Summaries are kept by namespace, then name, with the strings the
 * summary (and the cached claim) already holds: a `namespace/name` key
 * per claim, kept here, would cost a string of its own per claim. The
 * index holds the summaries themselves, for the same reason.
 */
export class ClaimSummaries {
  private readonly byNamespace = new Map<string, Map<string, ClaimSummary>>();
  private count = 0;
  /** label key → label value → summaries */
  private indexes?: Map<string, Map<string, Set<ClaimSummary>>>;

  get size(): number {
    return this.count;
  }

  get(key: string): ClaimSummary | undefined {
    const { namespace, name } = splitClaimKey(key);
    return this.byNamespace.get(namespace)?.get(name);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, summary: ClaimSummary): this {
    const split = splitClaimKey(key);
    // The summary's own strings when they are the key's (they are the
    // cached claim's), so this map adds none.
    const namespace =
      summary.namespace === split.namespace
        ? summary.namespace
        : split.namespace;
    const name = summary.name === split.name ? summary.name : split.name;
    let names = this.byNamespace.get(namespace);
    if (!names) {
      names = new Map();
      this.byNamespace.set(namespace, names);
    }
    const before = names.get(name);
    names.set(name, summary);
    if (!before) this.count += 1;
    this.indexes?.forEach((byValue, label) => {
      if (before) removeFrom(byValue, labelOf(before, label), before);
      addTo(byValue, labelOf(summary, label), summary);
    });
    return this;
  }

  delete(key: string): boolean {
    const { namespace, name } = splitClaimKey(key);
    const names = this.byNamespace.get(namespace);
    const before = names?.get(name);
    if (!names || !before) return false;
    names.delete(name);
    if (names.size === 0) this.byNamespace.delete(namespace);
    this.count -= 1;
    this.indexes?.forEach((byValue, label) =>
      removeFrom(byValue, labelOf(before, label), before),
    );
    return true;
  }

  clear(): void {
    this.indexes = undefined;
    this.byNamespace.clear();
    this.count = 0;
  }

  /** Each claim's key (made as it is read: none is kept). */
  *keys(): IterableIterator<string> {
    for (const [namespace, names] of this.byNamespace) {
      for (const name of names.keys()) yield claimKey(namespace, name);
    }
  }

  *values(): IterableIterator<ClaimSummary> {
    for (const names of this.byNamespace.values()) yield* names.values();
  }

  *entries(): IterableIterator<[string, ClaimSummary]> {
    for (const [namespace, names] of this.byNamespace) {
      for (const [name, summary] of names) {
        yield [claimKey(namespace, name), summary];
      }
    }
  }

  [Symbol.iterator](): IterableIterator<[string, ClaimSummary]> {
    return this.entries();
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
      for (const summary of byValue.get(value) ?? []) found.push(summary);
    }
    return found;
  }

  private indexFor(label: string): Map<string, Set<ClaimSummary>> {
    this.indexes ??= new Map();
    let byValue = this.indexes.get(label);
    if (!byValue) {
      byValue = new Map();
      for (const summary of this.values()) {
        addTo(byValue, labelOf(summary, label), summary);
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

function addTo(
  byValue: Map<string, Set<ClaimSummary>>,
  value: string | undefined,
  summary: ClaimSummary,
) {
  if (value === undefined) return;
  const summaries = byValue.get(value);
  if (summaries) summaries.add(summary);
  else byValue.set(value, new Set([summary]));
}

function removeFrom(
  byValue: Map<string, Set<ClaimSummary>>,
  value: string | undefined,
  summary: ClaimSummary,
) {
  if (value === undefined) return;
  const summaries = byValue.get(value);
  if (!summaries?.delete(summary)) return;
  if (summaries.size === 0) byValue.delete(value);
}
