import { mockServices } from '@backstage/backend-test-utils';
import { createClaimNotices } from './claimNotices';

const claim = {
  cluster: 'eks-prod',
  namespace: 'payments',
  name: 'ledger',
  labels: {},
  accessModes: ['ReadWriteOnce'],
  requestId: 'r-1',
  diagnosis: {
    state: 'bound' as const,
    severity: 'ok' as const,
    headline: 'Bound',
    explanation: '',
    fix: '',
  },
};
const transition = (toState: string, headline = 'Bound') => ({
  cluster: 'eks-prod',
  namespace: 'payments',
  name: 'ledger',
  toState,
  severity: 'ok',
  headline,
  observedAt: '2026-11-29T10:00:00Z',
});

describe('claim notices', () => {
  const sent: any[] = [];
  const notices = createClaimNotices({
    store: {
      get: async (id: string) =>
        id === 'r-1'
          ? ({ id, requestedBy: 'user:default/alice' } as any)
          : undefined,
    } as any,
    notifications: { send: async message => void sent.push(message) },
    logger: mockServices.logger.mock(),
  });
  beforeEach(() => sent.splice(0));

  it('tells the requester when their claim is Bound, linking the request', async () => {
    await notices(claim, transition('bound'));
    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'user:default/alice' },
        payload: expect.objectContaining({
          title: 'Storage ready: payments/ledger is Bound in eks-prod',
          link: '/storage/requests/r-1',
          topic: 'storage-requests',
          scope: 'storage-request-outcome:r-1:bound',
        }),
      },
    ]);
  });

  it('tells of a failure with the diagnosis headline', async () => {
    await notices(
      claim,
      transition('failed', 'The EBS CSI driver is not installed'),
    );
    expect(sent[0].payload).toMatchObject({
      severity: 'high',
      description: 'The EBS CSI driver is not installed',
    });
  });

  it('says nothing of other states, of claims no request made, or without a transition', async () => {
    await notices(claim, transition('provisioning'));
    await notices({ ...claim, requestId: undefined }, transition('bound'));
    await notices({ ...claim, requestId: 'unknown' }, transition('bound'));
    await notices(claim, undefined);
    expect(sent).toEqual([]);
  });
});
