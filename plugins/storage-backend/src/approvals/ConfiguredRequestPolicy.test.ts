import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_PRICES,
  EXAMPLE_OFFERINGS,
  estimateMonthlyCost,
  StorageRequestPolicy,
  storageRequestSchema,
} from '@eks-storage/backstage-plugin-storage-common';
import type { RequestPolicyInput } from '../workflow/policy';
import { ApprovalVote } from './ApprovalStore';
import { largeIo2Request } from './__testUtils__/fixtures';
import { ConfiguredRequestPolicy } from './ConfiguredRequestPolicy';
import {
  APPROVAL_HOUSEKEEPING_TASK,
  scheduleApprovalHousekeeping,
} from './housekeeping';
import { settleVotes } from './settle';
import { sizeBefore, StoragePolicyRegistry } from './policyInput';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};

const input: RequestPolicyInput = {
  // The stored request of the approval tests, as the workflow parsed it.
  request: storageRequestSchema.parse({
    ...largeIo2Request,
    ...(largeIo2Request.spec as object),
    offering: largeIo2Request.offeringId,
    accessMode: 'ReadWriteOnce',
  }),
  offering: EXAMPLE_OFFERINGS.find(o => o.id === 'ebs-io2'),
  entity,
  requestedBy: 'user:default/alice',
};

const approvals = {
  storage: {
    approvals: {
      rules: [
        {
          name: 'io2-prod',
          match: { offerings: ['ebs-io2'], clusters: ['eks-prod'] },
          outcome: 'require-approval',
          approvers: ['platform-team'],
        },
      ],
      pendingTimeout: 'P2D',
      platformApprovers: ['group:default/storage-admins'],
    },
  },
};

const modulePolicy = (
  decide: StorageRequestPolicy['decide'],
): StorageRequestPolicy => ({ decide });

describe('ConfiguredRequestPolicy', () => {
  it('decides by the configured rules', async () => {
    const policy = ConfiguredRequestPolicy.fromConfig(
      mockServices.rootConfig({ data: approvals }),
    );
    expect(policy.policy.pendingTimeoutMs).toBe(2 * 86_400_000);
    expect(await policy.decide(input)).toMatchObject({
      outcome: 'require-approval',
      rule: 'io2-prod',
      approvers: ['group:default/platform-team'],
    });
  });

  it('approves everything without config', async () => {
    const policy = ConfiguredRequestPolicy.fromConfig(
      mockServices.rootConfig({ data: {} }),
    );
    expect(await policy.decide(input)).toMatchObject({
      outcome: 'auto-approve',
    });
  });

  it('refuses to start on bad config, naming the field', () => {
    expect(() =>
      ConfiguredRequestPolicy.fromConfig(
        mockServices.rootConfig({
          data: {
            storage: {
              approvals: {
                rules: [{ name: 'x', outcome: 'require-approval' }],
              },
            },
          },
        }),
      ),
    ).toThrow('storage.approvals.rules[0].approvers: is required');
  });

  it("asks modules' policies first, in order, then the rules", async () => {
    const asked: string[] = [];
    const policy = ConfiguredRequestPolicy.fromConfig(
      mockServices.rootConfig({ data: approvals }),
      [
        modulePolicy(async () => {
          asked.push('abstains');
          return undefined;
        }),
        modulePolicy(async () => {
          asked.push('decides');
          return {
            outcome: 'require-approval',
            reason: 'Finance looks at io2',
            approvers: ['owner', 'user:default/cfo'],
            mode: 'all',
          };
        }),
        modulePolicy(async () => {
          asked.push('never');
          return { outcome: 'deny', reason: 'no' };
        }),
      ],
    );
    expect(await policy.decide(input)).toEqual({
      outcome: 'require-approval',
      reason: 'Finance looks at io2',
      approvers: ['group:default/payments', 'user:default/cfo'],
      mode: 'all',
    });
    expect(asked).toEqual(['abstains', 'decides']);
  });

  it('denies when a module asks the owner of an entity without one', async () => {
    const policy = new ConfiguredRequestPolicy(
      ConfiguredRequestPolicy.fromConfig(
        mockServices.rootConfig({ data: {} }),
      ).policy,
      [
        modulePolicy(async () => ({
          outcome: 'require-approval',
          rule: 'owners-decide',
          reason: 'The owner decides',
          approvers: ['owner'],
          mode: 'any',
        })),
      ],
    );
    expect(
      await policy.decide({
        ...input,
        entity: { ...entity, spec: { type: 'service' } },
      }),
    ).toMatchObject({
      outcome: 'deny',
      rule: 'owners-decide',
      reason: expect.stringMatching(
        /^The owner decides \(nobody is configured/,
      ),
    });
  });

  it.each<[string, string[], Record<string, unknown>]>([
    [
      'the volume owners',
      ['group:default/data'],
      { outcome: 'require-approval', approvers: ['group:default/data'] },
    ],
    [
      'the platform approvers when the volume lists none',
      [],
      {
        outcome: 'require-approval',
        approvers: ['group:default/storage-admins'],
      },
    ],
  ])('sends backend-found approvals to %s', (_name, owners, expected) => {
    const policy = ConfiguredRequestPolicy.fromConfig(
      mockServices.rootConfig({ data: approvals }),
    );
    expect(
      policy.needsApproval(
        'vol-1 is not offered to group:default/payments',
        input,
        owners,
      ),
    ).toMatchObject({
      ...expected,
      reason: 'vol-1 is not offered to group:default/payments',
      mode: 'any',
    });
  });

  it('denies backend-found approvals when nobody is configured', () => {
    const policy = ConfiguredRequestPolicy.fromConfig(
      mockServices.rootConfig({ data: {} }),
    );
    expect(policy.needsApproval('vol-1 is not offered', input)).toMatchObject({
      outcome: 'deny',
    });
  });
});

const vote = (
  approver: string,
  decision: 'approve' | 'reject',
  onBehalfOf: string[],
  comment?: string,
): ApprovalVote => ({ approver, decision, onBehalfOf, comment, at: '' });

const P = 'group:default/platform';
const F = 'group:default/finance';

describe('settleVotes', () => {
  it.each<
    [
      string,
      {
        approvers: string[];
        mode: 'any' | 'all';
        minApprovals: number;
        rule?: string;
      },
      ApprovalVote[],
      { to?: string; reason: string },
    ]
  >([
    [
      'any: one approval is enough',
      { approvers: [P, F], mode: 'any', minApprovals: 1, rule: 'r' },
      [vote('user:a', 'approve', [P])],
      {
        to: 'approved',
        reason: 'Approved by user:a for group:default/platform (rule r)',
      },
    ],
    [
      'any: minApprovals waits for more people',
      { approvers: [P], mode: 'any', minApprovals: 2 },
      [vote('user:a', 'approve', [P], 'ok')],
      {
        to: undefined,
        reason:
          'Approved by user:a for group:default/platform: ok (1 of 2 approvals)',
      },
    ],
    [
      'any: the second person completes it',
      { approvers: [P], mode: 'any', minApprovals: 2 },
      [vote('user:a', 'approve', [P]), vote('user:b', 'approve', [P])],
      {
        to: 'approved',
        reason: 'Approved by user:b for group:default/platform',
      },
    ],
    [
      'all: one group is not enough',
      { approvers: [P, F], mode: 'all', minApprovals: 1 },
      [vote('user:a', 'approve', [P])],
      {
        to: undefined,
        reason:
          'Approved by user:a for group:default/platform (still needs group:default/finance)',
      },
    ],
    [
      'all: one person in both groups covers both',
      { approvers: [P, F], mode: 'all', minApprovals: 1 },
      [vote('user:a', 'approve', [P, F])],
      {
        to: 'approved',
        reason:
          'Approved by user:a for group:default/platform, group:default/finance',
      },
    ],
    [
      'all with minApprovals 2: one person in both is not enough',
      { approvers: [P, F], mode: 'all', minApprovals: 2 },
      [vote('user:a', 'approve', [P, F])],
      {
        to: undefined,
        reason:
          'Approved by user:a for group:default/platform, group:default/finance (1 of 2 approvals)',
      },
    ],
    [
      'a rejection rejects, whatever came before',
      { approvers: [P], mode: 'any', minApprovals: 3, rule: 'r' },
      [
        vote('user:a', 'approve', [P]),
        vote('user:b', 'reject', [P], 'too big'),
      ],
      {
        to: 'rejected',
        reason:
          'Rejected by user:b for group:default/platform: too big (rule r)',
      },
    ],
  ])('%s', (_name, requirement, votes, expected) => {
    expect(settleVotes(requirement, votes)).toEqual(expected);
  });
});

describe('scheduleApprovalHousekeeping', () => {
  it('runs housekeeping on the scheduler, and survives a failure', async () => {
    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    const runHousekeeping = jest
      .fn()
      .mockRejectedValue(new Error('database down'));
    await scheduleApprovalHousekeeping({
      scheduler,
      approvals: { runHousekeeping },
      logger,
    });
    const task = scheduler.scheduleTask.mock.calls[0][0];
    expect(task).toMatchObject({
      id: APPROVAL_HOUSEKEEPING_TASK,
      frequency: { minutes: 5 },
    });
    await task.fn(new AbortController().signal);
    expect(runHousekeeping).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalled();
  });
});

describe('sizeBefore', () => {
  const resize = storageRequestSchema.parse({
    ...largeIo2Request,
    operation: 'resize',
    size: '3Ti',
  });
  const io2 = EXAMPLE_OFFERINGS.find(o => o.id === 'ebs-io2');

  it("reads a resize's size before from the claim's capacity, with its cost", () => {
    const before = sizeBefore(
      resize,
      {
        pvc: {
          spec: { resources: { requests: { storage: '900Gi' } } },
          status: { capacity: { storage: '1Ti' } },
        },
      },
      io2,
      DEFAULT_PRICES,
    );
    expect(before.previousSize).toBe('1Ti');
    expect(before.previousCost?.totalMonthlyUsd).toBe(
      estimateMonthlyCost(
        storageRequestSchema.parse({ ...resize, size: '1Ti' }),
        io2!,
        DEFAULT_PRICES,
      ).totalMonthlyUsd,
    );
  });

  it('has nothing for other operations or a claim without a size', () => {
    expect(sizeBefore(input.request, { pvc: {} }, io2, DEFAULT_PRICES)).toEqual(
      {},
    );
    expect(sizeBefore(resize, { pvc: {} }, io2, DEFAULT_PRICES)).toEqual({});
    expect(sizeBefore(resize, undefined, io2, DEFAULT_PRICES)).toEqual({});
  });
});

describe('StoragePolicyRegistry', () => {
  it('keeps the order modules added, and closes when read', () => {
    const registry = new StoragePolicyRegistry();
    const first = modulePolicy(async () => undefined);
    const second = modulePolicy(async () => undefined);
    registry.addPolicy(first);
    registry.addPolicy(second);
    expect(registry.policies()).toEqual([first, second]);
    expect(() => registry.addPolicy(first)).toThrow(
      /before the storage plugin starts/,
    );
  });
});
