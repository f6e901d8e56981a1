import { ClaimInput, toCreateRequest } from './toCreateRequest';

const input: ClaimInput = {
  entityRef: 'component:default/payments-api',
  placement: { cluster: 'eks-dev', namespace: 'payments' },
  claimName: 'data',
  offering: 'ebs-gp3',
  size: '20Gi',
  accessMode: 'ReadWriteOnce',
};

const base = {
  operation: 'create',
  entityRef: 'component:default/payments-api',
  cluster: 'eks-dev',
  namespace: 'payments',
  claimName: 'data',
  offering: 'ebs-gp3',
  size: '20Gi',
  accessMode: 'ReadWriteOnce',
  source: { type: 'new' },
};

describe('toCreateRequest', () => {
  it.each<[string, Partial<ClaimInput>, object]>([
    ['placement', {}, base],
    [
      'cluster and namespace instead of placement',
      { placement: undefined, cluster: 'eks-dev', namespace: 'payments' },
      base,
    ],
    [
      'both, when they agree',
      { cluster: 'eks-dev', namespace: 'payments' },
      base,
    ],
    [
      'restoreFrom as a snapshot source',
      { restoreFrom: 'nightly' },
      { ...base, source: { type: 'snapshot', snapshotName: 'nightly' } },
    ],
    ['an empty restoreFrom as a new volume', { restoreFrom: ' ' }, base],
    [
      "only the fields of the source's type",
      {
        source: {
          type: 'existing',
          volumeId: ' team-logs ',
          snapshotName: '',
          zone: '',
          mountOptions: [],
        },
      },
      { ...base, source: { type: 'existing', volumeId: 'team-logs' } },
    ],
    [
      'the optional fields a form leaves empty, as not given',
      { workload: '', justification: '  ', expiresAt: '' },
      base,
    ],
    [
      'the optional fields given',
      {
        workload: 'database',
        justification: 'Ledger',
        volumeMode: 'Block',
        expiresAt: '2030-01-01T00:00:00Z',
      },
      {
        ...base,
        workload: 'database',
        justification: 'Ledger',
        volumeMode: 'Block',
        expiresAt: '2030-01-01T00:00:00Z',
      },
    ],
  ])('reads %s', (_, change, expected) => {
    expect(toCreateRequest({ ...input, ...change }, {})).toEqual(expected);
  });

  it("takes the offering's default size, the default cluster and the request id", () => {
    expect(
      toCreateRequest(
        { ...input, size: '', placement: undefined, namespace: 'payments' },
        { defaultSize: '5Gi', defaultCluster: 'repository', requestId: 'r-1' },
      ),
    ).toEqual({
      ...base,
      size: '5Gi',
      cluster: 'repository',
      requestId: 'r-1',
    });
  });

  it.each<[string, Partial<ClaimInput>, string]>([
    [
      'a cluster that disagrees with the placement',
      { cluster: 'eks-prod' },
      'cluster: "eks-prod" disagrees with placement.cluster "eks-dev"',
    ],
    [
      'no cluster at all',
      { placement: undefined, namespace: 'payments' },
      'cluster: required (fix: Give cluster, or placement: {cluster, namespace})',
    ],
    [
      'a placement without namespace',
      { placement: { cluster: 'eks-dev', namespace: '' } },
      'placement.namespace: required',
    ],
    ['no size and no default', { size: '' }, 'size: required'],
    [
      'restoreFrom beside another source',
      { restoreFrom: 'nightly', source: { type: 'existing', volumeId: 'b' } },
      'restoreFrom: restoreFrom asks for a snapshot, but source says existing',
    ],
  ])('refuses %s, naming the field', (_, change, message) => {
    expect(() => toCreateRequest({ ...input, ...change }, {})).toThrow(message);
  });
});
