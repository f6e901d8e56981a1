import { matchesLabelSelectorText } from '@eks-storage/backstage-plugin-storage-common';
import { toRows } from './rows';
import { approvalProgress, costGrowthText, decisionText } from './approvals';
import { claimsResponse, offerings, request } from '../__testUtils__/fixtures';

describe('label selectors, as the frontend uses them', () => {
  const labels = { 'backstage.io/kubernetes-id': 'payments-api', tier: 'db' };
  it.each([
    ['backstage.io/kubernetes-id=payments-api', true],
    ['backstage.io/kubernetes-id==payments-api,tier=db', true],
    ['backstage.io/kubernetes-id=checkout-web', false],
    ['tier!=db', false],
    ['tier in (db, cache)', true],
    ['tier notin (db)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['tier in (db', undefined],
    ['a b c', undefined],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabelSelectorText(selector, labels)).toBe(expected);
  });
});

describe('toRows', () => {
  it('lists claims errors first, requests on their way as rows, day-2 requests on their claim', () => {
    const rows = toRows(
      {
        ...claimsResponse,
        requests: [
          request(),
          request({
            id: 'req-2',
            operation: 'resize',
            claimName: 'data-payments-db-0',
            spec: { size: '40Gi' },
            status: 'applying',
          }),
          request({
            id: 'req-3',
            claimName: 'payments-broken',
            status: 'failed',
            lastError: 'admission webhook denied the request',
          }),
        ],
      },
      offerings,
    );
    // Errors first (the failed request, the AZ conflict), then by severity and name.
    expect(rows.map(r => `${r.name}:${r.severity}`)).toEqual([
      'payments-broken:error',
      'payments-cache:error',
      'payments-archive:info',
      'payments-queue:info',
      'checkout-receipts:ok',
      'data-payments-db-0:ok',
    ]);
    const failed = rows[0];
    expect(failed.kind).toBe('request');
    expect(failed.headline).toBe(
      'Request of payments/payments-broken could not be applied to eks-dev: admission webhook denied the request',
    );
    const queue = rows.find(r => r.name === 'payments-queue')!;
    expect(queue).toMatchObject({
      kind: 'request',
      driver: 'ebs',
      offering: 'High-IOPS block storage (EBS io2)',
      requested: '200Gi',
    });
    const db = rows.find(r => r.name === 'data-payments-db-0')!;
    expect(db.pending.map(p => p.id)).toEqual(['req-2']);
  });
});

describe('approvals, as the pages say them', () => {
  it('says what policy decided', () => {
    expect(
      decisionText({ outcome: 'auto-approve', reason: 'Small gp3 volume' }),
    ).toBe('Applied at once: Small gp3 volume');
    expect(
      decisionText({
        outcome: 'require-approval',
        rule: 'large',
        reason: 'Over 500Gi',
        approvers: ['group:default/platform-team', 'user:default/dora'],
        mode: 'any',
      }),
    ).toBe('Needs approval by platform-team or dora: Over 500Gi (rule large)');
    expect(
      decisionText({ outcome: 'deny', rule: 'no-s3', reason: 'No S3 here' }),
    ).toBe('Denied: No S3 here (rule no-s3)');
  });

  it('counts approvals for all and minApprovals', () => {
    const requirement = {
      reason: 'r',
      approvers: ['group:default/a', 'group:default/b', 'group:default/c'],
      expiresAt: '',
      remindAt: '',
    };
    const vote = {
      approver: 'user:default/x',
      onBehalfOf: [],
      decision: 'approve' as const,
      at: '',
    };
    expect(
      approvalProgress({
        requirement: { ...requirement, mode: 'all', minApprovals: 1 },
        votes: [vote],
      }),
    ).toEqual({ needed: 3, given: 1 });
    expect(
      approvalProgress({
        requirement: { ...requirement, mode: 'any', minApprovals: 2 },
        votes: [],
      }),
    ).toEqual({ needed: 2, given: 0 });
  });

  it('names the cost growth', () => {
    const cost = (total: number) => ({
      currency: 'USD' as const,
      totalMonthlyUsd: total,
      breakdown: [],
      billedByUse: false,
      region: 'us-east-1',
      priceDate: '2026-01-01',
      notes: [],
    });
    expect(costGrowthText(cost(64), cost(1.6))).toBe('+$62.40/mo');
    expect(costGrowthText(cost(1.6), cost(1.6))).toBe('');
    expect(costGrowthText(cost(12), undefined)).toBe('+$12.00/mo');
  });

  it('shows a pending request as waiting for approval with its rule', () => {
    const [row] = toRows(
      { ...claimsResponse, items: [], requests: [request()] },
      offerings,
      new Map([
        [
          'req-1',
          {
            rule: 'io2',
            reason: 'io2 is dear',
            approvers: ['group:default/platform-team'],
          },
        ],
      ]),
    );
    expect(row.stateLabel).toBe('Waiting for approval');
    expect(row.headline).toBe(
      'Request of payments/payments-queue is waiting for approval by platform-team',
    );
    expect(row.approvalNote).toBe('Rule io2: io2 is dear');
    const [fallback] = toRows(
      {
        ...claimsResponse,
        items: [],
        requests: [request({ decisionReason: 'Needs the platform team' })],
      },
      offerings,
    );
    expect(fallback.approvalNote).toBe('Needs the platform team');
  });
});
