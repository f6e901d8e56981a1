import {
  matchesLabelSelector,
  matchesLabelSelectorText,
  parseLabelSelector,
} from './labelSelector';

const labels = {
  'backstage.io/kubernetes-id': 'payments-api',
  tier: 'db',
  env: 'prod',
};

describe('label selectors', () => {
  it.each([
    ['backstage.io/kubernetes-id=payments-api', true],
    ['backstage.io/kubernetes-id==payments-api', true],
    ['backstage.io/kubernetes-id=checkout-web', false],
    ['backstage.io/kubernetes-id=payments-api,tier=db', true],
    ['tier!=db', false],
    ['tier!=cache', true],
    ['missing!=x', true],
    ['env in (prod, staging)', true],
    ['env in (staging)', false],
    ['env notin (staging),tier', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['', true],
    // As kube-apiserver lexes them: "(" ends a word, so no space is needed.
    ['env in(prod)', true],
    ['env notin(prod)', false],
    ['tier=db,env!=staging', true],
    ['replicas>2', false],
    ['env in (prod,,staging),tier,missing notin ()', true],
  ])('%s → %s', (selector, expected) => {
    const parsed = parseLabelSelector(selector);
    expect(parsed).toBeDefined();
    expect(matchesLabelSelector(parsed!, labels)).toBe(expected);
  });

  it.each(['a=b=c', 'a in (x=y)', 'in (x)', 'a in x', '=b', 'a b'])(
    'rejects the malformed %j',
    selector => {
      expect(parseLabelSelector(selector)).toBeUndefined();
    },
  );

  it('compares integers with > and <', () => {
    const counts = { replicas: '3' };
    expect(
      matchesLabelSelector(parseLabelSelector('replicas>2')!, counts),
    ).toBe(true);
    expect(
      matchesLabelSelector(parseLabelSelector('replicas<3')!, counts),
    ).toBe(false);
    expect(parseLabelSelector('replicas>two')).toBeUndefined();
  });

  it.each(['a in (b', 'a=(b)', 'a,', '-a=b', 'a=-b', 'a!b'])(
    'rejects %j as kube-apiserver does',
    selector => {
      expect(parseLabelSelector(selector)).toBeUndefined();
    },
  );

  it('matches nothing but emptiness against a claim without labels', () => {
    expect(matchesLabelSelector(parseLabelSelector('a=b')!, undefined)).toBe(
      false,
    );
    expect(matchesLabelSelector(parseLabelSelector('!a')!, undefined)).toBe(
      true,
    );
  });
});

describe('matchesLabelSelectorText', () => {
  it('matches, refuses, or says it cannot tell', () => {
    expect(matchesLabelSelectorText('tier=db', labels)).toBe(true);
    expect(matchesLabelSelectorText('tier=cache', labels)).toBe(false);
    expect(matchesLabelSelectorText('a=b=c', labels)).toBeUndefined();
  });
});
