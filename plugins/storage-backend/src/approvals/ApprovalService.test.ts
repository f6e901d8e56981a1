import type { AuditorService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { StorageRequestPolicyDecision } from '@eks-storage/backstage-plugin-storage-common';
import { DatabaseRequestStore } from '../database/DatabaseRequestStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { largeIo2Request, T0 } from './__testUtils__/fixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ApprovalService } from './ApprovalService';
import { DatabaseApprovalStore } from './DatabaseApprovalStore';
import { CatalogMembership } from './membership';
import { ApprovalNotifier } from './notifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const user = (
  name: string,
  spec: JsonObject = {},
  relations: Entity['relations'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec,
  relations,
});
const group = (name: string, spec: JsonObject = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...spec },
});

const entities: Entity[] = [
  // The requester is in the approver group: still never their own approver.
  user('alice', { memberOf: ['platform-team'] }),
  // In sre, a child of platform-team: nested membership.
  user('priya', {}, [{ type: 'memberOf', targetRef: 'group:default/sre' }]),
  user('dmitri', { memberOf: ['platform-team'] }),
  user('bob', { memberOf: ['payments'] }),
  user('sam', {}),
  group('platform-team'),
  group('sre', { parent: 'platform-team' }),
  group('payments'),
];

const PLATFORM = 'group:default/platform-team';
const DAY = 86_400_000;
const request = largeIo2Request;

const needsPlatform: StorageRequestPolicyDecision = {
  outcome: 'require-approval',
  rule: 'io2-large-prod',
  reason:
    'io2 above 500 GiB in eks-prod needs group:default/platform-team: 2 TiB requested',
  approvers: [PLATFORM],
  mode: 'any',
};

const actor = (name: string) => ({
  userRef: `user:default/${name}`,
  credentials: mockCredentials.user(`user:default/${name}`),
});

async function setup(options: { allowed?: boolean } = {}) {
  const knex = await databases.init('SQLITE_3');
  await applyDatabaseMigrations({ getClient: async () => knex });
  const requests = new DatabaseRequestStore(knex);
  const approvals = new DatabaseApprovalStore(knex, requests);
  const sent: Parameters<ApprovalNotifier['send']>[0][] = [];
  const audited: Array<{ eventId: string; meta?: Record<string, unknown> }> =
    [];
  const auditor = {
    createEvent: async (event: {
      eventId: string;
      meta?: Record<string, unknown>;
    }) => {
      audited.push(event);
      return { success: async () => {}, fail: async () => {} };
    },
  } as unknown as AuditorService;
  const changed: string[] = [];
  let now = T0;
  const service = new ApprovalService({
    requests,
    approvals,
    authorizer: { allows: async () => options.allowed ?? true },
    membership: new CatalogMembership(
      catalogServiceMock({ entities }),
      mockServices.auth(),
    ),
    auditor,
    logger: mockServices.logger.mock(),
    pendingTimeoutMs: 7 * DAY,
    reminderAfterMs: 3.5 * DAY,
    notifications: { send: async message => void sent.push(message) },
    onRequestChanged: async r => void changed.push(`${r.id}:${r.status}`),
    clock: () => now,
  });
  const stored = await requests.create(request);
  return {
    service,
    requests,
    stored,
    sent,
    audited,
    changed,
    setNow: (date: Date) => {
      now = date;
    },
  };
}

describe('ApprovalService', () => {
  it.each<[StorageRequestPolicyDecision, string, string]>([
    [
      {
        outcome: 'auto-approve',
        rule: 'small',
        reason: 'Small claims are fine',
      },
      'approved',
      'Small claims are fine (rule small)',
    ],
    [
      {
        outcome: 'deny',
        rule: 'no-prod-deletes',
        reason: 'Deletes in production go through the runbook',
      },
      'rejected',
      'Deletes in production go through the runbook (rule no-prod-deletes)',
    ],
  ])('settles %j at once', async (decision, status, reason) => {
    const { service, requests, stored, sent, audited } = await setup();
    const settled = await service.settle(stored, decision);
    expect(settled).toMatchObject({
      status,
      decidedBy: 'policy',
      decisionReason: reason,
    });
    expect((await requests.history(request.id)).at(-1)).toMatchObject({
      actor: 'policy',
      reason,
    });
    expect(sent).toEqual([]);
    expect(audited).toEqual([
      expect.objectContaining({
        eventId: 'storage-approval-policy',
        meta: expect.objectContaining({
          outcome: decision.outcome,
          rule: decision.rule,
        }),
      }),
    ]);
  });

  it('sends a request needing approval to the approver groups, once, never to the requester', async () => {
    const { service, stored, sent, changed } = await setup();
    const pending = await service.settle(stored, needsPlatform);
    expect(pending.status).toBe('pending-approval');
    // Settled twice (a replay): nothing more happens.
    expect((await service.settle(stored, needsPlatform)).status).toBe(
      'pending-approval',
    );
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: [PLATFORM],
          excludeEntityRef: 'user:default/alice',
        },
        payload: expect.objectContaining({
          link: '/storage/requests/req-1',
          topic: 'storage-approvals',
          severity: 'normal',
          scope: 'storage-approval:req-1',
        }),
      },
    ]);
    expect(changed).toEqual(['req-1:pending-approval']);
    expect(await service.get(request.id)).toMatchObject({
      requirement: {
        rule: 'io2-large-prod',
        approvers: [PLATFORM],
        minApprovals: 1,
        expiresAt: new Date(T0.getTime() + 7 * DAY).toISOString(),
        remindAt: new Date(T0.getTime() + 3.5 * DAY).toISOString(),
      },
      votes: [],
    });
  });

  it('lets a member of a nested approver group approve, and tells the requester', async () => {
    const { service, requests, stored, sent, audited } = await setup();
    await service.settle(stored, needsPlatform);
    sent.length = 0;

    const { request: approved, approval } = await service.decide(
      request.id,
      { decision: 'approve', comment: 'Fine for the ledger' },
      actor('priya'),
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/priya',
      decisionReason:
        'Approved by user:default/priya for group:default/platform-team: Fine for the ledger (rule io2-large-prod)',
    });
    expect(approval.votes).toEqual([
      expect.objectContaining({
        approver: 'user:default/priya',
        onBehalfOf: [PLATFORM],
      }),
    ]);
    expect((await requests.history(request.id)).at(-1)).toMatchObject({
      fromStatus: 'pending-approval',
      toStatus: 'approved',
      actor: 'user:default/priya',
    });
    expect(sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'user:default/alice' },
        payload: expect.objectContaining({
          topic: 'storage-requests',
          link: '/storage/requests/req-1',
          title: expect.stringContaining('approved'),
        }),
      },
    ]);
    expect(audited.at(-1)).toMatchObject({
      eventId: 'storage-approval-decision',
      meta: expect.objectContaining({
        approver: 'user:default/priya',
        decision: 'approve',
        decided: true,
      }),
    });

    await expect(
      service.decide(request.id, { decision: 'approve' }, actor('dmitri')),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it.each<
    [
      string,
      { allowed?: boolean },
      string,
      'approve' | 'reject',
      string | undefined,
      string,
      RegExp,
    ]
  >([
    [
      'without the approve permission',
      { allowed: false },
      'priya',
      'approve',
      undefined,
      'NotAllowedError',
      /may not approve/,
    ],
    [
      'as the requester, though in the approver group',
      {},
      'alice',
      'approve',
      undefined,
      'NotAllowedError',
      /someone else/,
    ],
    [
      'as someone outside the approvers',
      {},
      'bob',
      'approve',
      undefined,
      'NotAllowedError',
      /Only group:default\/platform-team/,
    ],
    [
      'as someone in no group',
      {},
      'sam',
      'approve',
      undefined,
      'NotAllowedError',
      /Only/,
    ],
    [
      'rejecting without a comment',
      {},
      'dmitri',
      'reject',
      '  ',
      'InputError',
      /^comment: /,
    ],
  ])(
    'refuses a decision %s',
    async (_name, options, who, decision, comment, error, message) => {
      const { service, stored, requests } = await setup(options);
      await service.settle(stored, needsPlatform);
      await expect(
        service.decide(request.id, { decision, comment }, actor(who)),
      ).rejects.toMatchObject({
        name: error,
        message: expect.stringMatching(message),
      });
      expect((await requests.get(request.id))?.status).toBe('pending-approval');
    },
  );

  it('answers 404 for an unknown request and 409 for one not waiting', async () => {
    const { service, stored } = await setup();
    await expect(
      service.decide('nope', { decision: 'approve' }, actor('priya')),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await service.settle(stored, { outcome: 'auto-approve', reason: 'ok' });
    await expect(
      service.decide(request.id, { decision: 'approve' }, actor('priya')),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('rejects with the comment the requester reads', async () => {
    const { service, stored } = await setup();
    await service.settle(stored, needsPlatform);
    const { request: rejected } = await service.decide(
      request.id,
      { decision: 'reject', comment: 'Use gp3: io2 is for databases' },
      actor('dmitri'),
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionReason:
        'Rejected by user:default/dmitri for group:default/platform-team: Use gp3: io2 is for databases (rule io2-large-prod)',
    });
  });

  it('collects distinct approvals for all approvers before approving', async () => {
    const { service, stored, requests } = await setup();
    await service.settle(stored, {
      ...needsPlatform,
      approvers: [PLATFORM, 'group:default/payments'],
      mode: 'all',
      minApprovals: 2,
    });
    const first = await service.decide(
      request.id,
      { decision: 'approve' },
      actor('priya'),
    );
    expect(first.request.status).toBe('pending-approval');
    await expect(
      service.decide(request.id, { decision: 'approve' }, actor('priya')),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(/already decided/),
    });
    // Another platform-team member: two people, but payments is still missing.
    const second = await service.decide(
      request.id,
      { decision: 'approve' },
      actor('dmitri'),
    );
    expect(second.request.status).toBe('pending-approval');
    expect((await requests.history(request.id)).at(-1)?.reason).toBe(
      'Approved by user:default/dmitri for group:default/platform-team (still needs group:default/payments)',
    );
    const third = await service.decide(
      request.id,
      { decision: 'approve' },
      actor('bob'),
    );
    expect(third.request.status).toBe('approved');
    expect(third.approval.votes.map(v => v.approver)).toEqual([
      'user:default/priya',
      'user:default/dmitri',
      'user:default/bob',
    ]);
  });

  it('says what each person may do with a request, and why not', async () => {
    const { service, stored } = await setup();
    await service.settle(stored, { ...needsPlatform, minApprovals: 2 });
    const allowed = { allowed: true };
    expect(await service.actionsFor(request.id, actor('priya'))).toEqual({
      approve: allowed,
      reject: allowed,
      cancel: {
        allowed: false,
        reason: 'Only the requester may cancel a request',
      },
    });
    expect(await service.actionsFor(request.id, actor('alice'))).toMatchObject({
      approve: {
        allowed: false,
        reason: expect.stringMatching(/someone else/),
      },
      cancel: allowed,
    });
    expect(
      (await service.actionsFor(request.id, actor('bob'))).approve,
    ).toEqual({
      allowed: false,
      reason: 'Only group:default/platform-team may decide this request',
    });
    await service.decide(request.id, { decision: 'approve' }, actor('priya'));
    expect(
      (await service.actionsFor(request.id, actor('priya'))).approve,
    ).toEqual({
      allowed: false,
      reason: 'You have already decided storage request req-1',
    });
    await service.cancel(request.id, actor('alice'));
    expect(await service.actionsFor(request.id, actor('alice'))).toMatchObject({
      cancel: { allowed: false, reason: expect.stringMatching(/is cancelled/) },
    });
    await expect(
      service.actionsFor('nope', actor('alice')),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('tells approvers from others by permission', async () => {
    expect(await (await setup()).service.isApprover(actor('priya'))).toBe(true);
    expect(
      await (
        await setup({ allowed: false })
      ).service.isApprover(actor('priya')),
    ).toBe(false);
    const { service } = await setup({ allowed: false });
    expect(
      (await service.actionsFor(request.id, actor('priya'))).approve,
    ).toEqual({
      allowed: false,
      reason: 'You may not approve storage requests',
    });
  });

  it('lets only the requester cancel, only while pending', async () => {
    const { service, stored } = await setup();
    await service.settle(stored, needsPlatform);
    await expect(
      service.cancel(request.id, actor('priya')),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    expect(await service.cancel(request.id, actor('alice'))).toMatchObject({
      status: 'cancelled',
      decidedBy: 'user:default/alice',
    });
    await expect(
      service.cancel(request.id, actor('alice')),
    ).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await expect(service.cancel('nope', actor('alice'))).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('lists what waits for a person, not their own requests nor decided ones', async () => {
    const { service, stored } = await setup();
    await service.settle(stored, needsPlatform);
    expect(
      (await service.listPendingFor(actor('priya'))).map(p => p.request.id),
    ).toEqual(['req-1']);
    expect(await service.listPendingFor(actor('alice'))).toEqual([]);
    expect(await service.listPendingFor(actor('bob'))).toEqual([]);
  });

  it('reminds approvers once at half-time and expires the request at its time', async () => {
    const { service, stored, sent, setNow, requests, audited } = await setup();
    await service.settle(stored, needsPlatform);
    sent.length = 0;

    setNow(new Date(T0.getTime() + 3 * DAY));
    expect(await service.runHousekeeping()).toEqual({
      expired: [],
      reminded: [],
    });

    setNow(new Date(T0.getTime() + 3.5 * DAY));
    expect((await service.runHousekeeping()).reminded.map(r => r.id)).toEqual([
      'req-1',
    ]);
    expect((await service.runHousekeeping()).reminded).toEqual([]);
    expect(sent).toEqual([
      expect.objectContaining({
        recipients: expect.objectContaining({ entityRef: [PLATFORM] }),
        payload: expect.objectContaining({
          severity: 'high',
          title: expect.stringMatching(/^Reminder/),
        }),
      }),
    ]);

    setNow(new Date(T0.getTime() + 7 * DAY));
    const { expired } = await service.runHousekeeping();
    expect(expired).toEqual([
      expect.objectContaining({
        id: 'req-1',
        status: 'cancelled',
        decisionReason: 'Expired: no decision within 7 days',
      }),
    ]);
    expect((await requests.history(request.id)).at(-1)).toMatchObject({
      toStatus: 'cancelled',
      actor: 'storage:approval-expiry',
    });
    expect(sent.at(-1)).toMatchObject({
      recipients: { entityRef: 'user:default/alice' },
      payload: {
        topic: 'storage-requests',
        title: expect.stringMatching(/expired/),
      },
    });
    expect(audited.at(-1)?.eventId).toBe('storage-approval-expired');
    await expect(
      service.decide(request.id, { decision: 'approve' }, actor('priya')),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });
});
