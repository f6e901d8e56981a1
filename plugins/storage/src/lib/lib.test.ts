import { matchesLabelSelectorText } from '@eks-storage/backstage-plugin-storage-common';
import { toRows } from './rows';
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
