import { ClaimTransition } from '../database/ClaimTransitionStore';
import { ClaimSummary } from './claimView';
import { ClaimStates } from './claimStates';

const now = () => new Date('2026-11-29T10:00:00Z');
const summary = (name: string): ClaimSummary => ({
  cluster: 'eks-dev',
  namespace: 'payments',
  name,
  labels: {},
  accessModes: ['ReadWriteOnce'],
  diagnosis: {
    state: 'bound',
    severity: 'ok',
    headline: `Claim payments/${name} is bound`,
    explanation: '',
    fix: '',
  },
});
const recorded = (name: string, toState: string): ClaimTransition => ({
  cluster: 'eks-dev',
  namespace: 'payments',
  name,
  toState,
  severity: 'info',
  headline: `Claim payments/${name} is ${toState}`,
  observedAt: now().toISOString(),
});

describe('ClaimStates', () => {
  it('keeps the claims recorded before, but not those recorded deleted', () => {
    const states = new ClaimStates([
      recorded('ledger-data', 'bound'),
      recorded('old-scratch', 'deleted'),
    ]);
    expect(states.size).toBe(1);
  });

  it('records a change of state once', () => {
    const states = new ClaimStates([]);
    const claim = summary('ledger-data');
    expect(
      states.transitionTo('eks-dev', claim, claim.diagnosis, now),
    ).toMatchObject({ fromState: undefined, toState: 'bound' });
    expect(
      states.transitionTo('eks-dev', claim, claim.diagnosis, now),
    ).toBeUndefined();
  });

  it('forgets a deleted claim; one made again under its name starts anew', () => {
    const states = new ClaimStates([]);
    const claim = summary('scratch');
    states.transitionTo('eks-dev', claim, claim.diagnosis, now);
    const deleted = states.transitionTo(
      'eks-dev',
      claim,
      { state: 'deleted', severity: 'info', headline: 'deleted' },
      now,
    );
    expect(deleted).toMatchObject({ fromState: 'bound', toState: 'deleted' });
    states.forget(claim);
    expect(states.size).toBe(0);
    expect(
      states.transitionTo('eks-dev', claim, claim.diagnosis, now),
    ).toMatchObject({ fromState: undefined, toState: 'bound' });
  });
});
