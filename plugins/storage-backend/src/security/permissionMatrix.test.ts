import { eventually } from '../__testUtils__/storageBackend';
import { people, useSecuredStorage } from '../__testUtils__/securedStorage';

jest.setTimeout(120_000);

type Who = 'anonymous' | 'owner' | 'otherTeam' | 'platform';
// The owner acts last: refusals are checked before the owner's actions
// change the claims (a deleted claim, a request being applied).
const WHO: Who[] = ['anonymous', 'otherTeam', 'platform', 'owner'];
const USER: Record<Who, string | undefined> = {
  anonymous: undefined,
  owner: people.owner,
  otherTeam: people.otherTeam,
  platform: people.platform,
};

const create = {
  operation: 'create',
  entityRef: 'component:default/payments-api',
  cluster: 'eks-dev',
  namespace: 'payments',
  offering: 'ebs-gp3-immediate',
  size: '10Gi',
  accessMode: 'ReadWriteOnce',
};
const CLAIM = '/claims/eks-dev/payments/orders';

/**
 * Every route as each kind of caller, under the demo's policy: everyone
 * signed in reads; only the entity's owners change its storage; only the
 * platform team lists every request; nobody anonymous does anything.
 */
const MATRIX: Array<{
  route: string;
  method: 'get' | 'post';
  path: string | ((who: Who) => string);
  body?: (who: Who) => object;
  expect: Record<Who, number>;
}> = [
  {
    route: 'GET /health',
    method: 'get',
    path: '/health',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /clusters',
    method: 'get',
    path: '/clusters',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /offerings',
    method: 'get',
    path: '/offerings',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /claims?entityRef',
    method: 'get',
    path: '/claims?entityRef=component:default/payments-api',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /claims/:cluster/:namespace/:name',
    method: 'get',
    path: CLAIM,
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /requests?entityRef',
    method: 'get',
    path: '/requests?entityRef=component:default/payments-api',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /requests (every entity)',
    method: 'get',
    path: '/requests',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /requests/:id',
    method: 'get',
    path: '/requests/matrix-orders',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'GET /approvals',
    method: 'get',
    path: '/approvals',
    expect: { anonymous: 401, owner: 200, otherTeam: 200, platform: 200 },
  },
  {
    route: 'POST /requests/:id/approve (decided)',
    method: 'post',
    path: '/requests/matrix-orders/approve',
    body: () => ({ comment: 'ok' }),
    expect: { anonymous: 401, owner: 403, otherTeam: 403, platform: 409 },
  },
  {
    route: 'POST /requests/:id/reject (decided)',
    method: 'post',
    path: '/requests/matrix-orders/reject',
    body: () => ({ comment: 'no' }),
    expect: { anonymous: 401, owner: 403, otherTeam: 403, platform: 409 },
  },
  {
    route: 'POST /requests/:id/cancel (decided)',
    method: 'post',
    path: '/requests/matrix-orders/cancel',
    body: () => ({}),
    expect: { anonymous: 401, owner: 409, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST /requests/validate',
    method: 'post',
    path: '/requests/validate',
    body: who => ({ ...create, claimName: `validate-${who.toLowerCase()}` }),
    expect: { anonymous: 401, owner: 200, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST /requests (create)',
    method: 'post',
    path: '/requests',
    body: who => ({ ...create, claimName: `create-${who.toLowerCase()}` }),
    expect: { anonymous: 401, owner: 201, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST /requests (resize)',
    method: 'post',
    path: '/requests',
    body: () => ({
      ...create,
      operation: 'resize',
      claimName: 'orders',
      size: '12Gi',
    }),
    expect: { anonymous: 401, owner: 201, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST /requests (delete)',
    method: 'post',
    path: '/requests',
    body: () => ({
      ...create,
      operation: 'delete',
      claimName: 'doomed-1',
      confirm: 'doomed-1',
    }),
    expect: { anonymous: 401, owner: 201, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST …/resize',
    method: 'post',
    path: `${CLAIM}/resize`,
    body: () => ({ size: '14Gi' }),
    expect: { anonymous: 401, owner: 202, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST …/snapshot',
    method: 'post',
    path: `${CLAIM}/snapshot`,
    body: who => ({ snapshotName: `snap-${who.toLowerCase()}` }),
    expect: { anonymous: 401, owner: 202, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST …/restore',
    method: 'post',
    path: `${CLAIM}/restore`,
    body: who => ({
      snapshotName: 'snap-owner',
      claimName: `restored-${who.toLowerCase()}`,
    }),
    expect: { anonymous: 401, owner: 202, otherTeam: 403, platform: 403 },
  },
  {
    route: 'POST …/delete',
    method: 'post',
    path: '/claims/eks-dev/payments/doomed-2/delete',
    body: () => ({ confirm: 'doomed-2' }),
    expect: { anonymous: 401, owner: 202, otherTeam: 403, platform: 403 },
  },
];

describe('permission matrix', () => {
  const { as, signals, requestRows } = useSecuredStorage();

  beforeAll(async () => {
    for (const claimName of ['orders', 'doomed-1', 'doomed-2']) {
      const response = await as(people.owner).post('/requests', {
        ...create,
        claimName,
        ...(claimName === 'orders' && { requestId: 'matrix-orders' }),
      });
      if (response.status !== 201) {
        throw new Error(`setup: ${JSON.stringify(response.body)}`);
      }
    }
    await eventually(async () => {
      const { body } = await as(people.owner).get(
        '/claims?entityRef=component:default/payments-api',
      );
      return (
        body.items?.filter((c: { phase: string }) => c.phase === 'Bound')
          .length === 3
      );
    }, 'three Bound claims');
  });

  const rows = MATRIX.flatMap(row =>
    WHO.map(who => [row.route, who, row.expect[who], row] as const),
  );

  it.each(rows)('%s as %s answers %i', async (_route, who, status, row) => {
    if (row.route === 'POST …/restore' && who === 'owner') {
      await eventually(async () => {
        const { body } = await as(people.owner).get(CLAIM);
        return body.snapshots?.some(
          (s: { name: string; readyToUse?: boolean }) =>
            s.name === 'snap-owner' && s.readyToUse,
        );
      }, 'the owner’s snapshot to be ready');
    }
    const before = await requestRows();
    const client = as(USER[who]);
    const path = typeof row.path === 'string' ? row.path : row.path(who);
    const response =
      row.method === 'get'
        ? await client.get(path)
        : await client.post(path, row.body!(who));
    expect({ status: response.status, body: response.body }).toEqual(
      expect.objectContaining({ status }),
    );
    // A refusal writes nothing and says why.
    const refusedCleanly =
      (await requestRows()) === before && Boolean(response.body.error?.message);
    expect(status < 400 || refusedCleanly).toBe(true);
  });

  it("lists every entity's requests to approvers, and to others only those of entities they may change", async () => {
    const ids = async (who: Who) =>
      (await as(USER[who]).get('/requests')).body.items.map(
        (r: { entityRef: string }) => r.entityRef,
      );
    expect(await ids('owner')).toContain('component:default/payments-api');
    expect(await ids('otherTeam')).not.toContain(
      'component:default/payments-api',
    );
    expect(await ids('platform')).toContain('component:default/payments-api');
  });

  describe('signal channels', () => {
    it('as anonymous: no channel name is ever given', async () => {
      const response = await as(undefined).get(
        '/claims?entityRef=component:default/payments-api',
      );
      expect(response.status).toBe(401);
      expect(JSON.stringify(response.body)).not.toMatch(/storage:entity/);
    });

    it.each(WHO.filter(who => who !== 'anonymous'))(
      'as %s: the channel name comes with a readable answer',
      async who => {
        const response = await as(USER[who]).get(
          '/claims?entityRef=component:default/payments-api',
        );
        expect(response.body.signalChannel).toMatch(
          /^storage:entity:[\w-]{32}$/,
        );
      },
    );

    it('broadcasts nothing but nudges, which anyone, even anonymous, may receive', () => {
      expect(signals.length).toBeGreaterThan(0);
      for (const signal of signals) {
        expect(signal).toEqual({
          recipients: { type: 'broadcast' },
          channel: expect.stringMatching(
            /^storage(:(entity|claim|request):[\w-]{32})?$/,
          ),
          message: { type: 'changed' },
        });
      }
    });
  });
});
