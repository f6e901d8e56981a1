import {
  matchesLabelSelector,
  parseLabelSelector,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClaimSummaries } from './ClaimSummaries';
import { ClaimSummary } from './claimView';

const summary = (name: string, labels: Record<string, string>) =>
  ({ cluster: 'c', namespace: 'ns', name, labels } as ClaimSummary);

/** What a full scan finds: the index must find the same. */
function scan(summaries: ClaimSummaries, selectorText: string) {
  const selector = parseLabelSelector(selectorText)!;
  return [...summaries.values()]
    .filter(s => matchesLabelSelector(selector, s.labels))
    .map(s => s.name)
    .sort();
}

function indexed(summaries: ClaimSummaries, selectorText: string) {
  const selector = parseLabelSelector(selectorText)!;
  return [...summaries.candidates(selector)]
    .filter(s => matchesLabelSelector(selector, s.labels))
    .map(s => s.name)
    .sort();
}

describe('ClaimSummaries', () => {
  it('finds by label what a full scan finds, through adds, relabels and deletes', () => {
    const summaries = new ClaimSummaries();
    summaries.set('ns/a', summary('a', { id: 'web', tier: 'db' }));
    summaries.set('ns/b', summary('b', { id: 'web' }));
    summaries.set('ns/c', summary('c', { id: 'api', constructor: 'x' }));
    const selectors = [
      'id=web',
      'id in (web,api)',
      'id=web,tier=db',
      'tier',
      '!tier',
      'id!=web',
      'constructor=x',
      'id=none',
    ];
    const check = () =>
      selectors.forEach(s =>
        expect(indexed(summaries, s)).toEqual(scan(summaries, s)),
      );
    check();
    // The index is kept current once built.
    summaries.set('ns/b', summary('b', { id: 'api' }));
    summaries.set('ns/d', summary('d', { id: 'web' }));
    summaries.delete('ns/a');
    check();
    expect(indexed(summaries, 'id=web')).toEqual(['d']);
    summaries.clear();
    summaries.set('ns/e', summary('e', { id: 'web' }));
    check();
    expect(indexed(summaries, 'id=web')).toEqual(['e']);
  });

  it('reads as a map by claim key', () => {
    const summaries = new ClaimSummaries();
    summaries.set('ns/a', summary('a', {}));
    summaries.set('other/a', { ...summary('a', {}), namespace: 'other' });
    summaries.set('ns/a', summary('a', { id: 'web' }));
    expect(summaries.size).toBe(2);
    expect(summaries.get('ns/a')?.labels).toEqual({ id: 'web' });
    expect(summaries.has('other/a')).toBe(true);
    expect([...summaries.keys()].sort()).toEqual(['ns/a', 'other/a']);
    expect(
      [...summaries]
        .map(([key, s]) => `${key}=${s.namespace}/${s.name}`)
        .sort(),
    ).toEqual(['ns/a=ns/a', 'other/a=other/a']);
    expect(summaries.delete('ns/a')).toBe(true);
    expect(summaries.delete('ns/a')).toBe(false);
    expect(summaries.get('ns/a')).toBeUndefined();
    expect([...summaries.values()].map(s => s.namespace)).toEqual(['other']);
    expect(summaries.size).toBe(1);
  });
});
