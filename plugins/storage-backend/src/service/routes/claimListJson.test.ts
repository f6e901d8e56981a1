import { CostEstimate } from '@eks-storage/backstage-plugin-storage-common';
import { V1StorageClass } from '@kubernetes/client-node';
import { ClaimSummary } from '../../tracker/claimView';
import { ClaimJsonCache } from './claimListJson';

const claim = (name: string): ClaimSummary => ({
  cluster: 'eks-dev',
  namespace: 'payments',
  name,
  labels: { 'backstage.io/kubernetes-id': 'payments-api' },
  accessModes: ['ReadWriteOnce'],
  storageClassName: 'gp3',
  requested: '20Gi',
  volumeMode: undefined,
  diagnosis: {
    state: 'bound',
    severity: 'ok',
    headline: `Claim payments/${name} is bound`,
    explanation: 'The volume is ready for pods to use.',
    fix: '',
  },
});

const cost = (usd: number) =>
  ({ currency: 'USD', totalMonthlyUsd: usd } as unknown as CostEstimate);
const gp3 = { metadata: { name: 'gp3' } } as V1StorageClass;

const parsed = (json: Buffer) => JSON.parse(json.toString('utf8'));

describe('ClaimJsonCache', () => {
  it('gives what the spread would, with and without extras', () => {
    const cache = new ClaimJsonCache();
    const summary = claim('ledger-data');
    expect(parsed(cache.itemJson(summary, gp3, () => cost(1.6), {}))).toEqual(
      JSON.parse(JSON.stringify({ ...summary, cost: cost(1.6) })),
    );
    const extras = {
      usage: { usedBytes: 5, capacityBytes: 10 },
      expiresAt: '2027-01-01T00:00:00.000Z',
    };
    expect(
      parsed(cache.itemJson(summary, gp3, () => cost(1.6), extras)),
    ).toEqual(
      JSON.parse(JSON.stringify({ ...summary, cost: cost(1.6), ...extras })),
    );
  });

  it('leaves out a cost that is not known', () => {
    const cache = new ClaimJsonCache();
    expect(
      parsed(cache.itemJson(claim('a'), undefined, () => undefined, {})),
    ).not.toHaveProperty('cost');
  });

  it('prices a claim again only when its summary or class is new', () => {
    const cache = new ClaimJsonCache();
    const summary = claim('ledger-data');
    let priced = 0;
    const costOf = () => {
      priced += 1;
      return cost(priced);
    };
    cache.itemJson(summary, gp3, costOf, {});
    cache.itemJson(summary, gp3, costOf, { expiresAt: 'x' });
    expect(priced).toBe(1);
    // The tracker replaces the summary when the claim changes.
    const changed = { ...summary, capacity: '40Gi' };
    expect(parsed(cache.itemJson(changed, gp3, costOf, {}))).toMatchObject({
      capacity: '40Gi',
      cost: { totalMonthlyUsd: 2 },
    });
    // A class edited in the cluster comes as a new object.
    const edited = { ...gp3, parameters: { type: 'io2' } } as V1StorageClass;
    expect(parsed(cache.itemJson(changed, edited, costOf, {}))).toMatchObject({
      cost: { totalMonthlyUsd: 3 },
    });
    expect(priced).toBe(3);
  });

  it('drops the least recently listed claims past its size', () => {
    const one = Buffer.byteLength(
      JSON.stringify({ ...claim('claim-0'), cost: cost(1) }),
    );
    const cache = new ClaimJsonCache(one * 3);
    const summaries = [0, 1, 2, 3].map(n => claim(`claim-${n}`));
    let priced = 0;
    const costOf = () => {
      priced += 1;
      return cost(1);
    };
    summaries.slice(0, 3).forEach(s => cache.itemJson(s, gp3, costOf, {}));
    cache.itemJson(summaries[0], gp3, costOf, {});
    // claim-1 is now the least recently listed: the fourth drops it.
    cache.itemJson(summaries[3], gp3, costOf, {});
    expect(cache.size).toBeLessThanOrEqual(one * 3);
    expect(priced).toBe(4);
    cache.itemJson(summaries[0], gp3, costOf, {});
    expect(priced).toBe(4);
    cache.itemJson(summaries[1], gp3, costOf, {});
    expect(priced).toBe(5);
  });
});
