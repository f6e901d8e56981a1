import { expiringClaims, planExpiry } from './expiry';
import { DEFAULT_FLEET_RULES, parseFleetRules } from './rules';
import { NOW, claim, hoursBefore } from './__fixtures__/objects';

const item = (id: string, expiresAt?: string, warnedAt?: string) => ({
  id,
  expiresAt,
  warnedAt,
});

describe('planExpiry', () => {
  it('sorts items into warn, expire and upcoming', () => {
    const plan = planExpiry(
      [
        item('far', hoursBefore(-72)),
        item('tomorrow', hoursBefore(-20)),
        item('warned', hoursBefore(-10), hoursBefore(2)),
        item('warned-for-an-earlier-date', hoursBefore(-23), hoursBefore(30)),
        item('past', hoursBefore(1)),
        item('exactly-now', NOW),
        item('no-expiry'),
        item('bad', 'soon'),
      ],
      NOW,
      DEFAULT_FLEET_RULES,
    );
    expect({
      warn: plan.warn.map(i => i.id),
      expire: plan.expire.map(i => i.id),
      upcoming: plan.upcoming.map(i => i.id),
    }).toEqual({
      warn: ['tomorrow', 'warned-for-an-earlier-date'],
      expire: ['past', 'exactly-now'],
      upcoming: ['warned', 'tomorrow', 'warned-for-an-earlier-date', 'far'],
    });
  });

  it('follows the configured warning window', () => {
    const { rules } = parseFleetRules({ expiry: { warnBeforeHours: 96 } });
    expect(
      planExpiry([item('far', hoursBefore(-72))], NOW, rules).warn,
    ).toHaveLength(1);
  });

  it('is empty for junk', () => {
    expect(planExpiry(null as never, NOW, DEFAULT_FLEET_RULES).warn).toEqual(
      [],
    );
    expect(
      planExpiry([item('a', NOW)], 'never', DEFAULT_FLEET_RULES).expire,
    ).toEqual([]);
  });
});

describe('expiringClaims', () => {
  it('reads the expiry annotation of claims', () => {
    const annotated = (name: string, at: string) =>
      claim('lab', name, {
        annotations: { 'storage.backstage.io/expires-at': at },
        labels: { 'backstage.io/kubernetes-id': 'playground' },
      });
    expect(
      expiringClaims({
        cluster: 'eks-dev',
        persistentVolumeClaims: [
          annotated('a', '2026-03-11T00:00:00Z'),
          annotated('b', 'not a date'),
          claim('lab', 'c'),
        ],
      }),
    ).toEqual([
      {
        cluster: 'eks-dev',
        namespace: 'lab',
        claim: 'a',
        expiresAt: '2026-03-11T00:00:00.000Z',
        kubernetesId: 'playground',
      },
    ]);
  });
});
