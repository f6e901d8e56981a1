import { startEksSim } from '@eks-storage/eks-sim';
import knexFactory, { Knex } from 'knex';
import {
  authHeader,
  caseInsensitiveCatalog,
  orgEntities,
  ownerPolicyPermissions,
  people,
} from '../__testUtils__/identities';
import { POSTGRES, postgresDatabase } from '../__testUtils__/postgres';
import { entities, startStorageBackend } from '../__testUtils__/storageBackend';

jest.setTimeout(120_000);

const everythingNeedsApproval = {
  approvals: {
    rules: [],
    default: {
      outcome: 'require-approval',
      approvers: ['group:default/platform-team'],
    },
  },
};

/**
 * Two backend replicas on one PostgreSQL: two platform-team members approve
 * the same requests at the same moment, one through each replica. Exactly
 * one decision wins each time; the other is told the request is no longer
 * pending.
 */
(POSTGRES ? describe : describe.skip)('approvals across replicas', () => {
  it('decides each request once when two replicas decide at once', async () => {
    const sim = await startEksSim({
      scenario: 'empty',
      clusterName: 'eks-dev',
    });
    const database = await postgresDatabase();
    const knexes: Knex[] = [0, 1].map(() =>
      knexFactory({ client: 'pg', connection: database.connection }),
    );
    const apis: Array<Awaited<ReturnType<typeof startStorageBackend>>> = [];
    try {
      for (const knex of knexes) {
        apis.push(
          await startStorageBackend({
            clusters: [{ name: 'eks-dev', url: sim.url }],
            knex,
            features: [ownerPolicyPermissions],
            catalog: caseInsensitiveCatalog([...entities, ...orgEntities]),
            storageConfig: everythingNeedsApproval,
          }),
        );
      }
      const post = (
        api: (typeof apis)[number],
        user: string,
        path: string,
        body: object,
      ) =>
        api.agent
          .post(`/api/storage${path}`)
          .set('Authorization', authHeader(user))
          .type('json')
          .send(body);

      for (let i = 0; i < 6; i++) {
        const submitted = await post(apis[i % 2], people.owner, '/requests', {
          operation: 'create',
          entityRef: 'component:default/payments-api',
          cluster: 'eks-dev',
          namespace: 'payments',
          claimName: `raced-${i}`,
          offering: 'ebs-gp3-immediate',
          size: '10Gi',
          accessMode: 'ReadWriteOnce',
        });
        expect(submitted.body.request.status).toBe('pending-approval');
        const id = submitted.body.request.id;
        const answers = await Promise.all([
          post(apis[0], people.platform, `/requests/${id}/approve`, {
            comment: 'first',
          }),
          post(apis[1], people.platform2, `/requests/${id}/approve`, {
            comment: 'second',
          }),
        ]);
        expect(answers.map(a => a.status).sort()).toEqual([200, 409]);
        const votes = await knexes[0]('storage_request_approvals').where({
          request_id: id,
        });
        expect(votes).toHaveLength(1);
        const approvals = await knexes[1]('storage_request_history').where({
          request_id: id,
          to_status: 'approved',
        });
        expect(approvals).toHaveLength(1);
      }
    } finally {
      await Promise.all(apis.map(api => api.stop()));
      await Promise.all(knexes.map(knex => knex.destroy()));
      await database.drop();
      await sim.close();
    }
  });
});
