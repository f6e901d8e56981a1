import type { Config } from '@backstage/config';
import {
  ApprovalPolicy,
  StorageRequestPolicy,
  evaluateApprovalPolicy,
  parseApprovalPolicy,
  resolveApprovers,
} from '@eks-storage/backstage-plugin-storage-common';
import type {
  RequestPolicyDecision,
  RequestPolicyInput,
  StorageRequestDecider,
} from '../workflow/policy';

/** Reads `storage.approvals`; throws naming every bad field. */
export function readApprovalPolicy(config: Config): ApprovalPolicy {
  const { policy, errors } = parseApprovalPolicy(
    config.getOptional('storage.approvals'),
  );
  if (errors.length) {
    throw new Error(`Invalid storage approvals config: ${errors.join('; ')}`);
  }
  return policy;
}

/**
 * The request workflow's policy: the policies modules added through
 * `storagePolicyExtensionPoint` are asked first, in the order added; the
 * first that answers decides. Otherwise the `storage.approvals` rules do.
 * `owner` among any policy's approvers becomes the entity's owning group,
 * so the stored approvers are always group and user refs.
 */
export class ConfiguredRequestPolicy implements StorageRequestDecider {
  constructor(
    readonly policy: ApprovalPolicy,
    private readonly modules: StorageRequestPolicy[] = [],
  ) {}

  static fromConfig(
    config: Config,
    modules: StorageRequestPolicy[] = [],
  ): ConfiguredRequestPolicy {
    return new ConfiguredRequestPolicy(readApprovalPolicy(config), modules);
  }

  async decide(input: RequestPolicyInput): Promise<RequestPolicyDecision> {
    for (const module of this.modules) {
      const decision = await module.decide(input);
      if (decision) return this.resolved(decision, input);
    }
    return evaluateApprovalPolicy(this.policy, input);
  }

  /**
   * A request the backend itself finds needs a person (an existing volume
   * not offered to the entity's owners): its owners approve when it has
   * some, else `storage.approvals.platformApprovers`; with neither, denied.
   */
  needsApproval(
    reason: string,
    input: Pick<RequestPolicyInput, 'entity'>,
    approvers: string[] = [],
  ): RequestPolicyDecision {
    return this.resolved(
      {
        outcome: 'require-approval',
        reason,
        approvers: approvers.length ? approvers : this.policy.platformApprovers,
        mode: 'any',
      },
      input,
    );
  }

  private resolved(
    decision: RequestPolicyDecision,
    input: Pick<RequestPolicyInput, 'entity'>,
  ): RequestPolicyDecision {
    if (decision.outcome !== 'require-approval') return decision;
    const approvers = resolveApprovers(decision.approvers, input.entity);
    if (approvers.length === 0) {
      return {
        outcome: 'deny',
        ...(decision.rule && { rule: decision.rule }),
        reason: `${decision.reason} (nobody is configured to approve it: ask the platform team to set storage.approvals.platformApprovers)`,
      };
    }
    return { ...decision, approvers };
  }
}
