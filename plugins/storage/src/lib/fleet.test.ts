import { ConsoleFinding } from '@eks-storage/backstage-plugin-storage-common';
import {
  distinct,
  formatBytes,
  formatDays,
  formatMonthlyUsd,
  formatPercent,
  monthlyTotal,
  objectLabel,
  plural,
  sortFindings,
} from './fleet';

const finding = (
  severity: ConsoleFinding['severity'],
  cluster: string,
  name: string,
  code = 'c',
): ConsoleFinding => ({
  id: `${cluster}/${name}/${code}`,
  section: 'waste',
  code,
  severity,
  cluster,
  object: { kind: 'PersistentVolume', name },
  title: name,
  detail: '',
  fix: '',
  actions: [],
});

describe('fleet formatting', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [20 * 2 ** 30, '20 GiB'],
    [92.4 * 2 ** 30, '92.4 GiB'],
    [1.5 * 2 ** 40, '1.5 TiB'],
    [-1, '—'],
    [undefined, '—'],
  ])('formatBytes(%p) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [0.856, '86%'],
    [1, '100%'],
    [undefined, '—'],
    [NaN, '—'],
  ])('formatPercent(%p) = %s', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });

  it.each([
    [0, 'today'],
    [1, '1 day'],
    [12, '12 days'],
    [undefined, '—'],
  ])('formatDays(%p) = %s', (days, text) => {
    expect(formatDays(days)).toBe(text);
  });

  it('sums monthly prices in cents, so they add up as shown', () => {
    expect(monthlyTotal([{ monthlyUsd: 0.1 }, { monthlyUsd: 0.2 }, {}])).toBe(
      0.3,
    );
    expect(formatMonthlyUsd(16)).toBe('$16.00/mo');
    expect(formatMonthlyUsd(undefined)).toBe('—');
  });

  it('says counts in words', () => {
    expect(plural(1, 'class', 'classes')).toBe('1 class');
    expect(plural(2, 'class', 'classes')).toBe('2 classes');
    expect(plural(0, 'claim')).toBe('0 claims');
  });

  it('orders findings worst first, then by cluster and object', () => {
    const sorted = sortFindings([
      finding('info', 'eks-dev', 'a'),
      finding('warning', 'eks-prod', 'b'),
      finding('error', 'eks-prod', 'z'),
      finding('warning', 'eks-dev', 'c'),
    ]);
    expect(
      sorted.map(f => `${f.severity} ${f.cluster} ${f.object.name}`),
    ).toEqual([
      'error eks-prod z',
      'warning eks-dev c',
      'warning eks-prod b',
      'info eks-dev a',
    ]);
  });

  it('names objects with their namespace', () => {
    expect(
      objectLabel({
        kind: 'PersistentVolumeClaim',
        namespace: 'ns',
        name: 'x',
      }),
    ).toBe('PersistentVolumeClaim ns/x');
    expect(objectLabel({ kind: 'StorageClass', name: 'gp2' })).toBe(
      'StorageClass gp2',
    );
  });

  it('lists distinct values sorted, without empty ones', () => {
    expect(distinct(['b', 'a', '', 'b', undefined], v => v)).toEqual([
      'a',
      'b',
    ]);
  });
});
