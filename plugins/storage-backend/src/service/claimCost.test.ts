import {
  DEFAULT_PRICES,
  EXAMPLE_OFFERINGS,
  estimateMonthlyCost,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import { ClaimSummary } from '../tracker/claimView';
import { costOfClaim } from './claimCost';

const offerings = [...EXAMPLE_OFFERINGS];
const claim = (overrides: Partial<ClaimSummary>): ClaimSummary => ({
  cluster: 'eks-dev',
  namespace: 'payments',
  name: 'ledger-data',
  labels: {},
  accessModes: ['ReadWriteOnce'],
  diagnosis: {
    state: 'bound',
    severity: 'ok',
    headline: 'bound',
    explanation: 'ready',
    fix: '',
  },
  ...overrides,
});

describe('costOfClaim', () => {
  const offering = offerings.find(o => o.driver === 'ebs')!;

  it('prices a claim as a request for its offering, size and mode would be', () => {
    const expected = estimateMonthlyCost(
      storageRequestSchema.parse({
        operation: 'create',
        entityRef: 'component:default/payments-api',
        cluster: 'eks-dev',
        namespace: 'payments',
        claimName: 'ledger-data',
        offering: offering.id,
        size: '20Gi',
        accessMode: 'ReadWriteOnce',
      }),
      offering,
      DEFAULT_PRICES,
    );
    expect(
      costOfClaim(
        claim({ offeringId: offering.id, capacity: '20Gi' }),
        offerings,
        DEFAULT_PRICES,
      ),
    ).toEqual(expected);
  });

  it('gives claims of the same offering, size and mode one price, whatever their names', () => {
    const first = costOfClaim(
      claim({ offeringId: offering.id, capacity: '20Gi' }),
      offerings,
      DEFAULT_PRICES,
    );
    const second = costOfClaim(
      claim({
        offeringId: offering.id,
        capacity: '20Gi',
        name: 'other',
        namespace: 'kube-system',
      }),
      offerings,
      DEFAULT_PRICES,
    );
    expect(second).toEqual(first);
    expect(
      costOfClaim(
        claim({ offeringId: offering.id, capacity: '40Gi' }),
        offerings,
        DEFAULT_PRICES,
      )?.totalMonthlyUsd,
    ).toBeGreaterThan(first!.totalMonthlyUsd!);
  });

  it('has no price without a size or a known offering', () => {
    expect(
      costOfClaim(
        claim({ offeringId: offering.id }),
        offerings,
        DEFAULT_PRICES,
      ),
    ).toBeUndefined();
    expect(
      costOfClaim(
        claim({ storageClassName: 'nobody-knows', capacity: '1Gi' }),
        offerings,
        DEFAULT_PRICES,
      ),
    ).toBeUndefined();
  });
});
