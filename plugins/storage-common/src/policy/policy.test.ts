import type { Entity } from '@backstage/catalog-model';
import { CostEstimate, estimateMonthlyCost, DEFAULT_PRICES } from '../cost';
import { EXAMPLE_OFFERINGS } from '../model/exampleOfferings';
import { StorageRequest, storageRequestSchema } from '../model/request';
import {
  DEFAULT_APPROVAL_POLICY,
  durationMs,
  parseApprovalPolicy,
} from './config';
import { evaluateApprovalPolicy, resolveApprovers } from './evaluate';
import { StorageRequestPolicyInput } from './types';

const offering = (id: string) => EXAMPLE_OFFERINGS.find(o => o.id === id)!;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};

function createRequest(overrides: Partial<Record<string, unknown>> = {}) {
  return storageRequestSchema.parse({
    operation: 'create',
    entityRef: 'component:default/payments-api',
    cluster: 'eks-prod',
    namespace: 'payments',
    claimName: 'ledger',
    offering: 'ebs-io2',
    size: '2Ti',
    accessMode: 'ReadWriteOnce',
    ...overrides,
  });
}

function inputOf(
  request: StorageRequest,
  extra: Partial<StorageRequestPolicyInput> = {},
): StorageRequestPolicyInput {
  const off =
    'offering' in request ? offering(request.offering) : offering('ebs-io2');
  return {
    request,
    offering: off,
    cost: estimateMonthlyCost(request, off, DEFAULT_PRICES),
    entity,
    requestedBy: 'user:default/alice',
    ...extra,
  };
}

/** A request no rule matches. */
const unmatched = () =>
  inputOf(
    createRequest({
      cluster: 'eks-dev',
      namespace: 'ledger',
      size: '10Gi',
      offering: 'ebs-gp3',
    }),
  );

const usd = (total: number | undefined): CostEstimate => ({
  currency: 'USD',
  totalMonthlyUsd: total,
  breakdown: [],
  billedByUse: total === undefined,
  region: 'us-east-1',
  priceDate: '2025-06-01',
  notes: [],
});

const resize = (size: string) =>
  storageRequestSchema.parse({
    operation: 'resize',
    entityRef: 'component:default/payments-api',
    cluster: 'eks-prod',
    namespace: 'payments',
    claimName: 'ledger',
    size,
  }) as StorageRequest;

const config = {
  pendingTimeout: { days: 3 },
  rules: [
    {
      name: 'no-deletes-in-prod',
      match: { operations: ['delete'], clusters: ['eks-prod*'] },
      outcome: 'deny',
      description: 'Deleting claims in production goes through the runbook',
    },
    {
      name: 'io2-large-prod',
      match: {
        offerings: ['ebs-io2'],
        clusters: ['eks-prod'],
        size: { min: '500Gi' },
      },
      outcome: 'require-approval',
      description:
        'io2 above 500 GiB in eks-prod needs group:default/platform-team',
      approvers: ['group:default/platform-team'],
    },
    {
      name: 'big-growth',
      match: { operations: ['resize'], growth: { min: '1Ti' } },
      outcome: 'require-approval',
      approvers: ['owner', 'platform-team'],
      mode: 'all',
      minApprovals: 2,
    },
    {
      name: 'costly-growth',
      match: { operations: ['resize'], costGrowth: { min: 100 } },
      outcome: 'require-approval',
      approvers: ['owner'],
    },
    {
      name: 'expensive',
      match: { monthlyCost: { min: 1000 } },
      outcome: 'require-approval',
      approvers: ['user:default/cfo'],
    },
    {
      name: 'experimental-fsx',
      match: { drivers: ['fsx-lustre'], lifecycles: ['experimental'] },
      outcome: 'deny',
      description: 'FSx for Lustre is for production services',
    },
    {
      name: 'payments-team-small',
      match: {
        owners: ['group:default/payments'],
        namespaces: ['payments'],
        size: { max: '100Gi' },
      },
      outcome: 'auto-approve',
    },
  ],
  default: {
    outcome: 'require-approval',
    approvers: ['owner'],
  },
};

const { policy, errors } = parseApprovalPolicy(config);

describe('evaluateApprovalPolicy', () => {
  it('parses the example config without errors', () => {
    expect(errors).toEqual([]);
    expect(policy.pendingTimeoutMs).toBe(3 * 24 * 3600 * 1000);
    expect(policy.reminderAfterMs).toBe(1.5 * 24 * 3600 * 1000);
  });

  it.each<[string, StorageRequestPolicyInput, Record<string, unknown>]>([
    [
      'io2 over 500 GiB in eks-prod waits for the platform team, saying why',
      inputOf(createRequest()),
      {
        outcome: 'require-approval',
        rule: 'io2-large-prod',
        reason:
          'io2 above 500 GiB in eks-prod needs group:default/platform-team: 2 TiB requested',
        approvers: ['group:default/platform-team'],
        mode: 'any',
      },
    ],
    [
      'the same in another cluster falls through to the next rule that matches',
      inputOf(
        createRequest({
          cluster: 'eks-dev',
          size: '50Gi',
          offering: 'ebs-gp3',
        }),
      ),
      {
        outcome: 'auto-approve',
        rule: 'payments-team-small',
        reason:
          'Rule payments-team-small: approved automatically: 50 GiB requested',
      },
    ],
    [
      'deletes in any production cluster are denied with the reason',
      inputOf(
        storageRequestSchema.parse({
          operation: 'delete',
          entityRef: 'component:default/payments-api',
          cluster: 'eks-prod-eu',
          namespace: 'payments',
          claimName: 'ledger',
          confirm: 'ledger',
        }),
        { cost: undefined },
      ),
      {
        outcome: 'deny',
        rule: 'no-deletes-in-prod',
        reason: 'Deleting claims in production goes through the runbook',
      },
    ],
    [
      'a large resize needs the owner and the platform team, two people',
      inputOf(resize('3Ti'), {
        offering: offering('ebs-gp3'),
        previousSize: '1Ti',
        cost: usd(300),
        previousCost: usd(100),
      }),
      {
        outcome: 'require-approval',
        rule: 'big-growth',
        approvers: ['group:default/payments', 'group:default/platform-team'],
        mode: 'all',
        minApprovals: 2,
        reason:
          'Rule big-growth: needs approval by group:default/payments and group:default/platform-team: grows by 2 TiB',
      },
    ],
    [
      'a small resize that costs much more needs the owner',
      inputOf(resize('200Gi'), {
        previousSize: '100Gi',
        cost: usd(250.5),
        previousCost: usd(125.25),
      }),
      {
        outcome: 'require-approval',
        rule: 'costly-growth',
        approvers: ['group:default/payments'],
        reason:
          'Rule costly-growth: needs approval by group:default/payments: adds $125.25 a month',
      },
    ],
    [
      'growth is not judged without the size before',
      inputOf(resize('3Ti'), {
        offering: offering('ebs-gp3'),
        cost: usd(10),
        previousCost: usd(5),
      }),
      { outcome: 'require-approval', rule: undefined },
    ],
    [
      'an expensive claim needs a named user',
      inputOf(createRequest({ cluster: 'eks-dev' }), { cost: usd(1200) }),
      {
        outcome: 'require-approval',
        rule: 'expensive',
        approvers: ['user:default/cfo'],
        reason:
          'Rule expensive: needs approval by user:default/cfo: estimated $1200.00 a month',
      },
    ],
    [
      'storage billed by use never matches a cost condition',
      inputOf(
        createRequest({
          cluster: 'eks-dev',
          offering: 'efs-shared',
          accessMode: 'ReadWriteMany',
          size: '5Ti',
        }),
      ),
      { outcome: 'require-approval', rule: undefined },
    ],
    [
      'lifecycle and driver: experimental FSx is denied',
      {
        ...inputOf(
          createRequest({
            cluster: 'eks-dev',
            offering: 'fsx-scratch',
            accessMode: 'ReadWriteMany',
            size: '1200Gi',
          }),
        ),
        entity: {
          ...entity,
          spec: { ...entity.spec, lifecycle: 'experimental' },
        },
      },
      {
        outcome: 'deny',
        rule: 'experimental-fsx',
        reason: 'FSx for Lustre is for production services',
      },
    ],
    [
      'no rule matches: the default asks the owner',
      {
        ...unmatched(),
      },
      {
        outcome: 'require-approval',
        rule: undefined,
        approvers: ['group:default/payments'],
        mode: 'any',
        reason:
          'No approval rule matched: needs approval by group:default/payments',
      },
    ],
    [
      'owner by relation wins over spec.owner',
      {
        ...unmatched(),
        entity: {
          ...entity,
          relations: [
            { type: 'ownedBy', targetRef: 'group:finance/ledger-team' },
          ],
        },
      },
      { approvers: ['group:finance/ledger-team'] },
    ],
    [
      'owner of an entity without one cannot approve: denied, saying so',
      {
        ...unmatched(),
        entity: { ...entity, spec: { type: 'service' } },
      },
      {
        outcome: 'deny',
        reason:
          'No approval rule matched: needs approval by the owner (the entity has no owner to approve it: set spec.owner)',
      },
    ],
  ])('%s', (_name, input, expected) => {
    const decision = evaluateApprovalPolicy(policy, input);
    const { rule, ...rest } = expected;
    expect(decision).toMatchObject(rest);
    // Cases that name no rule leave it unchecked.
    expect('rule' in expected ? decision.rule : rule).toBe(rule);
  });

  it('approves everything without config', () => {
    expect(
      evaluateApprovalPolicy(DEFAULT_APPROVAL_POLICY, inputOf(createRequest())),
    ).toEqual({
      outcome: 'auto-approve',
      reason: 'No approval rule matched: approved automatically',
    });
  });

  it('resolves owner and removes duplicates', () => {
    expect(
      resolveApprovers(
        ['owner', 'group:default/payments', 'user:default/bob'],
        entity,
      ),
    ).toEqual(['group:default/payments', 'user:default/bob']);
  });
});

describe('parseApprovalPolicy', () => {
  it.each<[string, unknown, string[]]>([
    ['not an object', 'yes', ['storage.approvals: ']],
    ['an unknown key', { rulez: [] }, ['storage.approvals: ']],
    [
      'a rule without a name',
      { rules: [{ outcome: 'deny' }] },
      ['storage.approvals.rules[0].name: '],
    ],
    [
      'require-approval without approvers',
      { rules: [{ name: 'a', outcome: 'require-approval' }] },
      ['storage.approvals.rules[0].approvers: is required'],
    ],
    [
      'approvers on a deny',
      { rules: [{ name: 'a', outcome: 'deny', approvers: ['owner'] }] },
      ['storage.approvals.rules[0].approvers: only applies'],
    ],
    [
      'an approver that is not a group or user',
      {
        rules: [
          { name: 'a', outcome: 'auto-approve' },
          {
            name: 'b',
            outcome: 'require-approval',
            approvers: ['owner', 'component:default/x'],
          },
        ],
      },
      [
        'storage.approvals.rules[1].approvers[1]: "component:default/x" must be',
      ],
    ],
    [
      'a bad size and an unknown operation',
      {
        rules: [
          {
            name: 'a',
            outcome: 'deny',
            match: { size: { min: 'lots' }, operations: ['grow'] },
          },
        ],
      },
      [
        'storage.approvals.rules[0].match.operations[0]: ',
        'storage.approvals.rules[0].match.size.min: must be a Kubernetes quantity',
      ],
    ],
    [
      'min above max',
      {
        rules: [
          {
            name: 'a',
            outcome: 'deny',
            match: { monthlyCost: { min: 10, max: 5 } },
          },
        ],
      },
      [
        'storage.approvals.rules[0].match.monthlyCost: min must not be above max',
      ],
    ],
    [
      'an empty range',
      { rules: [{ name: 'a', outcome: 'deny', match: { size: {} } }] },
      ['storage.approvals.rules[0].match.size: must set min, max or both'],
    ],
    [
      'a duplicate name',
      {
        rules: [
          { name: 'a', outcome: 'deny' },
          { name: 'a', outcome: 'auto-approve' },
        ],
      },
      ['storage.approvals.rules[1].name: "a" is already the name of rules[0]'],
    ],
    [
      'minApprovals of zero',
      {
        rules: [
          {
            name: 'a',
            outcome: 'require-approval',
            approvers: ['owner'],
            minApprovals: 0,
          },
        ],
      },
      ['storage.approvals.rules[0].minApprovals: '],
    ],
    [
      'a bad default and timeout',
      { default: { outcome: 'maybe' }, pendingTimeout: 'a week' },
      [
        'storage.approvals.default.outcome: ',
        'storage.approvals.pendingTimeout: must be a positive duration',
      ],
    ],
    [
      'a bad ref among platform approvers',
      { platformApprovers: ['platform-team', 'api:x'] },
      ['storage.approvals.platformApprovers[1]: "api:x" must be'],
    ],
    [
      'owner among platform approvers',
      { platformApprovers: ['owner'] },
      ['storage.approvals.platformApprovers: must name groups or users'],
    ],
  ])('reports %s by place', (_name, value, expected) => {
    const { errors: found } = parseApprovalPolicy(value);
    expect(found).toHaveLength(expected.length);
    expected.forEach((prefix, i) => expect(found[i]).toContain(prefix));
  });

  it('normalizes approvers and owners', () => {
    const parsed = parseApprovalPolicy({
      platformApprovers: ['platform-team'],
      rules: [
        {
          name: 'a',
          match: { owners: ['Payments'] },
          outcome: 'require-approval',
          approvers: ['platform-team', 'user:bob'],
        },
      ],
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.policy.platformApprovers).toEqual([
      'group:default/platform-team',
    ]);
    expect(parsed.policy.rules[0]).toMatchObject({
      match: { owners: ['group:default/payments'] },
      approvers: ['group:default/platform-team', 'user:default/bob'],
    });
  });

  it.each<[unknown, number | undefined]>([
    ['P7D', 7 * 86400e3],
    ['PT12H', 12 * 3600e3],
    ['P1W', 7 * 86400e3],
    ['P1DT30M', 86400e3 + 30 * 60e3],
    [{ days: 2, hours: 1 }, 49 * 3600e3],
    [{ minutes: 1, milliseconds: 500 }, 60_500],
    ['P', undefined],
    ['PT', undefined],
    ['7 days', undefined],
    [{ fortnights: 1 }, undefined],
  ])('reads the duration %j', (value, ms) => {
    expect(durationMs(value)).toBe(ms);
  });
});
