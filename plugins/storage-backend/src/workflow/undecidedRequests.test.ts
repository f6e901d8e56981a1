import {
  parseOfferings,
  render,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import { DatabaseRequestStore } from '../database/DatabaseRequestStore';
import {
  eventually,
  offerings,
  useSimulatedStorage,
} from '../__testUtils__/storageBackend';

jest.setTimeout(90_000);

/**
 * A request stored but never decided (its process died in between) is
 * decided by the backend on its own once it has waited longer than a
 * submission takes, as its requester's; one stored just now is left to the
 * submission that is still deciding it.
 */
describe('undecided requests', () => {
  const env = useSimulatedStorage({
    storageConfig: {
      approvals: {
        rules: [
          {
            name: 'large',
            match: { size: { min: '2Gi' } },
            outcome: 'require-approval',
            approvers: ['group:default/platform-team'],
          },
        ],
        default: { outcome: 'auto-approve' },
      },
    },
  });
  const [offering] = parseOfferings(
    offerings.filter(o => o.id === 'ebs-gp3-immediate'),
  ).offerings;

  async function storeUndecided(
    id: string,
    changes: { size?: string; entityRef?: string },
    storedAgoMs: number,
  ) {
    const request = storageRequestSchema.parse({
      requestId: id,
      operation: 'create',
      entityRef: 'component:default/payments-api',
      kubernetesId: 'payments-api',
      cluster: 'eks-dev',
      namespace: 'payments',
      claimName: id,
      offering: offering.id,
      size: '1Gi',
      accessMode: 'ReadWriteOnce',
      ...changes,
    });
    const store = new DatabaseRequestStore(env.knex);
    await store.create({
      id,
      operation: 'create',
      entityRef: request.entityRef,
      cluster: request.cluster,
      namespace: request.namespace,
      claimName: request.claimName,
      offeringId: offering.id,
      spec: request,
      manifests: render(request, offering),
      requestedBy: 'user:default/alice',
    });
    const at = new Date(Date.now() - storedAgoMs);
    await env
      .knex('storage_requests')
      .where({ id })
      .update({ created_at: at, updated_at: at });
  }

  it('decides what a killed process left undecided, and only that', async () => {
    await storeUndecided('undecided-small', {}, 60_000);
    await storeUndecided('undecided-large', { size: '3Gi' }, 60_000);
    await storeUndecided(
      'undecided-orphan',
      { entityRef: 'component:default/retired-service' },
      60_000,
    );
    await storeUndecided('being-decided', {}, 0);

    const statusOf = async (id: string) =>
      (
        await env
          .knex('storage_requests')
          .where({ id })
          .first('status', 'decided_by')
      )?.status;
    // The take-over loop runs every 10 s.
    await eventually(
      async () =>
        (await statusOf('undecided-small')) === 'applied' &&
        (await statusOf('undecided-large')) === 'pending-approval' &&
        (await statusOf('undecided-orphan')) === 'rejected',
      'the undecided requests to be decided',
      40_000,
    );
    expect(await statusOf('being-decided')).toBe('submitted');

    const history = await env
      .knex('storage_request_history')
      .where({ request_id: 'undecided-orphan', to_status: 'rejected' })
      .first('actor', 'reason');
    expect(history.actor).toBe('policy');
    expect(history.reason).toMatch(/retired-service/);
    const claims = (await env.api.get('/requests/undecided-small')).body;
    expect(claims.request).toMatchObject({
      status: 'applied',
      requestedBy: 'user:default/alice',
    });
  });
});
