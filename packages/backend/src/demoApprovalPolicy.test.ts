import {
  evaluateApprovalPolicy,
  parseApprovalPolicy,
  StorageRequestPolicyInput,
} from '@eks-storage/backstage-plugin-storage-common';
import { APP_CONFIG, loadRepoConfig } from './__testUtils__/loadRepoConfig';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { owner: 'group:default/team-payments', lifecycle: 'production' },
};

const OFFERINGS: Record<string, string> = {
  'ebs-gp3': 'ebs',
  'ebs-io2': 'ebs',
  'efs-shared': 'efs',
  'fsx-scratch': 'fsx-lustre',
  'ontap-nas': 'ontap',
  's3-bucket': 's3',
};

/** A request as the policy sees it; only what the rules read. */
function input(options: {
  operation?: 'create' | 'resize' | 'snapshot' | 'delete';
  offering: string;
  cluster: string;
  size?: string;
  monthlyUsd?: number;
}): StorageRequestPolicyInput {
  return {
    request: {
      operation: options.operation ?? 'create',
      cluster: options.cluster,
      namespace: 'payments',
      ...(options.size && { size: options.size }),
    },
    offering: { id: options.offering, driver: OFFERINGS[options.offering] },
    ...(options.monthlyUsd !== undefined && {
      cost: { totalMonthlyUsd: options.monthlyUsd },
    }),
    entity,
    requestedBy: 'user:default/guest',
  } as unknown as StorageRequestPolicyInput;
}

describe("the demo's approval policy (app-config.yaml storage.approvals)", () => {
  let decide: (i: StorageRequestPolicyInput) => {
    outcome: string;
    rule?: string;
    approvers?: string[];
  };

  let parsed: ReturnType<typeof parseApprovalPolicy>;

  beforeAll(async () => {
    const config = await loadRepoConfig([APP_CONFIG]);
    parsed = parseApprovalPolicy(config.getOptional('storage.approvals'));
    decide = i => evaluateApprovalPolicy(parsed.policy, i) as any;
  });

  it('parses, with the platform team deciding what no rule names', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.policy.platformApprovers).toEqual([
      'group:default/platform-team',
    ]);
  });

  const platform = ['group:default/platform-team'];

  it('approves small gp3 volumes in eks-dev at once', () => {
    expect(
      decide(
        input({
          offering: 'ebs-gp3',
          cluster: 'eks-dev',
          size: '100Gi',
          monthlyUsd: 8,
        }),
      ),
    ).toMatchObject({ outcome: 'auto-approve', rule: 'dev-small-gp3' });
  });

  it.each([
    [
      'io2',
      { offering: 'ebs-io2', cluster: 'eks-dev', size: '20Gi', monthlyUsd: 70 },
    ],
    [
      'io2',
      {
        offering: 'ebs-io2',
        cluster: 'eks-prod',
        size: '2Ti',
        monthlyUsd: 9000,
      },
    ],
    [
      'fsx',
      {
        offering: 'fsx-scratch',
        cluster: 'eks-dev',
        size: '1200Gi',
        monthlyUsd: 168,
      },
    ],
    [
      'fsx',
      {
        offering: 'ontap-nas',
        cluster: 'eks-dev',
        size: '50Gi',
        monthlyUsd: 6,
      },
    ],
    [
      'large-volume',
      {
        offering: 'ebs-gp3',
        cluster: 'eks-prod',
        size: '501Gi',
        monthlyUsd: 40,
      },
    ],
    [
      'costly-volume',
      {
        offering: 'ebs-gp3',
        cluster: 'eks-prod',
        size: '400Gi',
        monthlyUsd: 120,
      },
    ],
    [
      'prod-delete',
      {
        operation: 'delete' as const,
        offering: 'ebs-gp3',
        cluster: 'eks-prod',
      },
    ],
    [
      's3-bucket-mount',
      { offering: 's3-bucket', cluster: 'eks-dev', size: '1Gi' },
    ],
  ])('needs the platform team: %s', (rule, request) => {
    expect(decide(input(request))).toMatchObject({
      outcome: 'require-approval',
      rule,
      approvers: platform,
    });
  });

  it.each([
    { offering: 'ebs-gp3', cluster: 'eks-prod', size: '500Gi', monthlyUsd: 40 },
    { offering: 'ebs-gp3', cluster: 'eks-dev', size: '200Gi', monthlyUsd: 16 },
    { offering: 'efs-shared', cluster: 'eks-prod', size: '5Gi' },
    { operation: 'delete' as const, offering: 'ebs-gp3', cluster: 'eks-dev' },
    {
      operation: 'snapshot' as const,
      offering: 'ebs-io2',
      cluster: 'eks-prod',
    },
  ])('approves the rest at once: %o', request => {
    expect(decide(input(request)).outcome).toBe('auto-approve');
  });
});
