import { CoreV1Api } from '@kubernetes/client-node';
import { eventually } from '../__testUtils__/storageBackend';
import { people, useSecuredStorage } from '../__testUtils__/securedStorage';

jest.setTimeout(120_000);

/**
 * The approval flow through the API, as the people of the example
 * organisation use it: policy as data decides, the platform team approves
 * or rejects, the requester cancels; nobody approves their own request.
 */
describe('approvals through the API', () => {
  const { env, as, clusterObjects } = useSecuredStorage({
    approvals: {
      rules: [
        {
          name: 'large-gp3',
          match: { offerings: ['ebs-gp3-immediate'], size: { min: '50Gi' } },
          outcome: 'require-approval',
          description: 'gp3 from 50 GiB needs the platform team',
          approvers: ['group:default/platform-team'],
        },
      ],
      default: { outcome: 'auto-approve' },
      platformApprovers: ['group:default/platform-team'],
    },
  });
  const alice = () => as(people.owner);
  const dana = () => as(people.otherTeam);
  const priya = () => as(people.platform);
  const request = (claimName: string, size = '100Gi') => ({
    operation: 'create',
    entityRef: 'component:default/payments-api',
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName,
    offering: 'ebs-gp3-immediate',
    size,
    accessMode: 'ReadWriteOnce',
  });

  it('shows the decision and its rule before submit', async () => {
    const { body } = await alice().post('/requests/validate', request('big'));
    expect(body.decision).toMatchObject({
      outcome: 'require-approval',
      rule: 'large-gp3',
      approvers: ['group:default/platform-team'],
    });
  });

  it('applies small requests at once and queues large ones', async () => {
    const small = await alice().post('/requests', request('small', '10Gi'));
    expect(small.body.request.status).toBe('approved');
    const large = await alice().post('/requests', request('large'));
    expect(large.status).toBe(201);
    expect(large.body.request.status).toBe('pending-approval');
  });

  it('lets the platform team approve, never the requester or another team', async () => {
    const { body } = await alice().post('/requests', request('approved-one'));
    const id = body.request.id;

    const own = await alice().post(`/requests/${id}/approve`, {});
    expect(own.status).toBe(403);
    const other = await dana().post(`/requests/${id}/approve`, {});
    expect(other.status).toBe(403);

    const details = await priya().get(`/requests/${id}`);
    expect(details.body.actions.approve).toEqual({ allowed: true });
    const asRequester = await alice().get(`/requests/${id}`);
    expect(asRequester.body.actions.approve.allowed).toBe(false);
    expect(asRequester.body.actions.cancel).toEqual({ allowed: true });

    const queue = await priya().get('/approvals');
    expect(queue.body.approver).toBe(true);
    expect(
      queue.body.items.map((i: { request: { id: string } }) => i.request.id),
    ).toContain(id);

    const approved = await priya().post(`/requests/${id}/approve`, {
      comment: 'Fine for the ledger',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.approval.votes).toEqual([
      expect.objectContaining({
        approver: people.platform,
        decision: 'approve',
        comment: 'Fine for the ledger',
      }),
    ]);
    const again = await priya().post(`/requests/${id}/approve`, {});
    expect(again.status).toBe(409);

    await eventually(async () => {
      const pvc = await env.sim.kubeConfig
        .makeApiClient(CoreV1Api)
        .readNamespacedPersistentVolumeClaim({
          namespace: 'payments',
          name: 'approved-one',
        })
        .catch(() => undefined);
      return pvc?.status?.phase === 'Bound';
    }, 'the approved claim to bind');
  });

  it('rejects only with a comment, and a rejected request touches no cluster', async () => {
    const { body } = await alice().post('/requests', request('rejected-one'));
    const id = body.request.id;
    const silent = await priya().post(`/requests/${id}/reject`, {});
    expect(silent.status).toBe(400);
    expect(silent.body.error.message).toMatch(/comment/);
    const rejected = await priya().post(`/requests/${id}/reject`, {
      comment: 'Use the shared database instead',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.request.status).toBe('rejected');
    const seen = await alice().get(`/requests/${id}`);
    expect(seen.body.approval.votes[0].comment).toBe(
      'Use the shared database instead',
    );
    expect(await clusterObjects()).not.toContain('pvc payments/rejected-one');
  });

  it('lets only the requester cancel', async () => {
    const { body } = await alice().post('/requests', request('cancelled-one'));
    const id = body.request.id;
    expect((await dana().post(`/requests/${id}/cancel`, {})).status).toBe(403);
    const cancelled = await alice().post(`/requests/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.request.status).toBe('cancelled');
    expect((await priya().post(`/requests/${id}/approve`, {})).status).toBe(
      409,
    );
  });

  it('shows everyone else their own pending requests', async () => {
    await alice().post('/requests', request('waiting'));
    const mine = await alice().get('/approvals');
    expect(mine.body.approver).toBe(false);
    expect(
      mine.body.items.every(
        (i: { request: { requestedBy: string } }) =>
          i.request.requestedBy === people.owner,
      ),
    ).toBe(true);
    const theirs = await dana().get('/approvals');
    expect(theirs.body.items).toEqual([]);
  });

  it('filters the history by the owning team, spelled either way', async () => {
    for (const team of ['team-payments', 'group:default/TEAM-PAYMENTS']) {
      const { body } = await priya().get(
        `/approvals?view=history&team=${encodeURIComponent(team)}`,
      );
      expect(body.items.length).toBeGreaterThan(0);
    }
    const { body } = await priya().get(
      '/approvals?view=history&team=team-data',
    );
    expect(body.items).toEqual([]);
  });
});
