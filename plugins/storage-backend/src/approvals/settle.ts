import type {
  ApprovalRequirement,
  ApprovalVote,
  VoteOutcome,
} from './ApprovalStore';

function ruleNote(requirement: Pick<ApprovalRequirement, 'rule'>): string {
  return requirement.rule ? ` (rule ${requirement.rule})` : '';
}

function said(vote: ApprovalVote): string {
  return vote.comment ? `: ${vote.comment}` : '';
}

/** The request's approvers no approval has covered yet. */
export function missingApprovers(
  requirement: Pick<ApprovalRequirement, 'approvers'>,
  votes: ApprovalVote[],
): string[] {
  const covered = new Set(
    votes.filter(v => v.decision === 'approve').flatMap(v => v.onBehalfOf),
  );
  return requirement.approvers.filter(a => !covered.has(a));
}

/**
 * What the votes so far decide, the newest last. One rejection rejects.
 * `any`: approved once `minApprovals` distinct people approved. `all`:
 * approved once every approver is covered (a person covers each listed
 * group they are in) and `minApprovals` people approved. Pure.
 */
export function settleVotes(
  requirement: Pick<
    ApprovalRequirement,
    'approvers' | 'mode' | 'minApprovals' | 'rule'
  >,
  votes: ApprovalVote[],
): VoteOutcome {
  const last = votes[votes.length - 1];
  const as = last.onBehalfOf.length ? ` for ${last.onBehalfOf.join(', ')}` : '';
  if (last.decision === 'reject') {
    return {
      to: 'rejected',
      reason: `Rejected by ${last.approver}${as}${said(last)}${ruleNote(
        requirement,
      )}`,
    };
  }
  const approvals = new Set(
    votes.filter(v => v.decision === 'approve').map(v => v.approver),
  ).size;
  const needed = Math.max(1, requirement.minApprovals);
  const missing =
    requirement.mode === 'all' ? missingApprovers(requirement, votes) : [];
  const base = `Approved by ${last.approver}${as}${said(last)}`;
  if (approvals >= needed && missing.length === 0) {
    return { to: 'approved', reason: `${base}${ruleNote(requirement)}` };
  }
  const waiting = [
    ...(approvals < needed ? [`${approvals} of ${needed} approvals`] : []),
    ...(missing.length ? [`still needs ${missing.join(' and ')}`] : []),
  ];
  return { reason: `${base} (${waiting.join('; ')})` };
}
