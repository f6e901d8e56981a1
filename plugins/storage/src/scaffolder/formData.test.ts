import { offerings } from '../__testUtils__/fixtures';
import { draftRequest, fieldNames, policyProbe, readAnswers } from './formData';
import { namespaceCheck } from './namespaces';
import { needsApproval } from './policy';
import { splitQuantity } from '../components/fields/SizeField';
import { paymentsApiEntity } from '../__testUtils__/paymentsApiEntity';

const gp3 = offerings.find(o => o.id === 'ebs-gp3')!;
const s3 = {
  ...offerings.find(o => o.id === 's3-bucket')!,
  existingVolumes: [{ id: 'acme-shared-logs', owners: [] }],
};

describe('readAnswers', () => {
  it.each([
    [
      'default names',
      {},
      {
        entityRef: 'component:default/a',
        offering: 'ebs-gp3',
        size: '20Gi',
        cluster: 'eks-dev',
        namespace: 'a',
      },
    ],
    [
      'named fields',
      {
        entityField: 'owner',
        offeringField: 'storage',
        clusterNamespaceField: 'where',
      },
      {
        entityRef: 'component:default/b',
        offering: 'efs-shared',
        cluster: 'eks-prod',
        namespace: 'b',
      },
    ],
  ])('%s', (_, options, expected) => {
    const formData = {
      entityRef: 'component:default/a',
      owner: 'component:default/b',
      offering: 'ebs-gp3',
      storage: 'efs-shared',
      size: '20Gi',
      target: { cluster: 'eks-dev', namespace: 'a' },
      where: { cluster: 'eks-prod', namespace: 'b' },
    };
    expect(readAnswers(formData, fieldNames(options))).toMatchObject(expected);
  });

  it('ignores what is not an answer of the right shape', () => {
    expect(
      readAnswers(
        { workload: 'gaming', size: 20, entityRef: '  ', placement: 'x' },
        fieldNames({ clusterNamespaceField: 'placement' }),
      ),
    ).toEqual({
      entityRef: undefined,
      workload: undefined,
      offering: undefined,
      size: undefined,
      accessMode: undefined,
      claimName: undefined,
      snapshot: undefined,
      volumeId: undefined,
    });
  });
});

describe('draftRequest', () => {
  it.each([
    ['a new volume', {}, gp3, { type: 'new' }],
    [
      'a restore',
      { snapshot: 'db-nightly' },
      gp3,
      { type: 'snapshot', snapshotName: 'db-nightly' },
    ],
    [
      'a bucket',
      { volumeId: 'acme-shared-logs' },
      s3,
      { type: 'existing', volumeId: 'acme-shared-logs' },
    ],
    ['a bucket not chosen yet', {}, s3, { type: 'existing', volumeId: '' }],
  ])('%s', (_, answers, offering, source) => {
    expect(draftRequest(answers, offering).source).toEqual(source);
  });
});

describe('policyProbe', () => {
  const answers = {
    entityRef: 'component:default/payments-api',
    offering: 'ebs-gp3',
    size: '20Gi',
  };

  it('fills what the form has not answered yet', () => {
    expect(policyProbe(answers, gp3, { namespace: 'payments' })).toEqual({
      operation: 'create',
      entityRef: 'component:default/payments-api',
      cluster: 'eks-dev',
      namespace: 'payments',
      claimName: 'payments-api-policy-check',
      offering: 'ebs-gp3',
      size: '20Gi',
      accessMode: 'ReadWriteOnce',
    });
  });

  it('keeps the answers there are', () => {
    expect(
      policyProbe(
        {
          ...answers,
          cluster: 'eks-prod',
          namespace: 'payments-batch',
          claimName: 'ledger',
          accessMode: 'ReadWriteOncePod',
          workload: 'database',
          snapshot: 'ledger-nightly',
        },
        gp3,
        { namespace: 'payments' },
      ),
    ).toMatchObject({
      cluster: 'eks-prod',
      namespace: 'payments-batch',
      claimName: 'ledger',
      accessMode: 'ReadWriteOncePod',
      workload: 'database',
      source: { type: 'snapshot', snapshotName: 'ledger-nightly' },
    });
  });

  it.each([
    ['no entity', { ...answers, entityRef: undefined }, gp3, 'payments'],
    ['no size', { ...answers, size: undefined }, gp3, 'payments'],
    ['no offering', answers, undefined, 'payments'],
    ['no namespace', answers, gp3, undefined],
  ])('asks nothing with %s', (_, a, offering, namespace) => {
    expect(policyProbe(a, offering, { namespace })).toBeUndefined();
  });

  it('binds the first bucket of a static offering until one is chosen', () => {
    expect(
      policyProbe({ ...answers, offering: 's3-bucket' }, s3, {
        namespace: 'payments',
      }),
    ).toMatchObject({
      source: { type: 'existing', volumeId: 'acme-shared-logs' },
      accessMode: 'ReadOnlyMany',
    });
  });
});

describe('namespaceCheck', () => {
  it.each([
    ['payments', {}],
    ['', { problem: 'Enter the namespace of the claim' }],
    [
      'Payments',
      { problem: expect.stringContaining('is not a namespace name') },
    ],
    [
      'kube-system',
      {
        problem:
          'Namespace kube-system is reserved for the cluster: use payments',
      },
    ],
    [
      'default',
      {
        problem: 'Namespace default is reserved for the cluster: use payments',
      },
    ],
    ['payments-batch', { needsBackend: true }],
  ])('%j', (namespace, expected) => {
    expect(namespaceCheck(namespace, paymentsApiEntity)).toEqual({
      needsBackend: false,
      ...expected,
    });
  });

  it('sends every namespace to the backend for an entity without one', () => {
    const entity = { ...paymentsApiEntity, metadata: { name: 'x' } };
    expect(namespaceCheck('payments', entity)).toEqual({ needsBackend: true });
  });
});

describe('needsApproval', () => {
  it.each([
    [{ decision: { outcome: 'require-approval' as const, reason: 'r' } }, true],
    [
      {
        approval: { required: true as const, reason: 'bucket of another team' },
      },
      true,
    ],
    [{ decision: { outcome: 'auto-approve' as const, reason: 'r' } }, false],
    [{ decision: { outcome: 'deny' as const, reason: 'r' } }, false],
    [undefined, false],
  ])('%j → %s', (answer, expected) => {
    expect(needsApproval(answer)).toBe(expected);
  });
});

describe('splitQuantity', () => {
  it.each([
    ['20Gi', { amount: '20', unit: 'Gi' }],
    ['1.5Ti', { amount: '1.5', unit: 'Ti' }],
    ['1.', { amount: '1.', unit: '' }],
    ['500M', { amount: '500', unit: 'M' }],
    ['', { amount: '', unit: '' }],
    ['Gi', { amount: '', unit: 'Gi' }],
  ])('%j', (value, expected) => {
    expect(splitQuantity(value)).toEqual(expected);
  });
});
