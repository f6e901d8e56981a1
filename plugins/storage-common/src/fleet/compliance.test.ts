import {
  checkCompliance,
  ebsEncryptionOf,
  efsEncryptedInTransit,
} from './compliance';
import { parseFleetRules } from './rules';
import { storageClass, volume } from './__fixtures__/objects';
import { ClusterStorage } from './types';

const EFS_PARAMS = {
  provisioningMode: 'efs-ap',
  fileSystemId: 'fs-0123456789abcdef0',
  directoryPerms: '700',
};
const KEY =
  'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const rulesOf = (value: unknown) => {
  const { rules, errors } = parseFleetRules(value);
  expect(errors).toEqual([]);
  return rules;
};
const line = (f: ReturnType<typeof checkCompliance>[number]) =>
  `${f.severity} ${f.code} ${f.object.kind}/${f.object.name}: ${f.title}`;

describe('ebsEncryptionOf', () => {
  it.each<[Record<string, string>, { encrypted: boolean; kmsKeyId?: string }]>([
    [{}, { encrypted: false }],
    [{ encrypted: 'true' }, { encrypted: true }],
    [{ Encrypted: 'TRUE' }, { encrypted: true }],
    [{ encrypted: 'false' }, { encrypted: false }],
    // The driver asks EC2 for an encrypted volume whenever a key is given.
    [{ kmsKeyId: KEY }, { encrypted: true, kmsKeyId: KEY }],
    [
      { encrypted: 'true', KmsKeyId: ` ${KEY} ` },
      { encrypted: true, kmsKeyId: KEY },
    ],
    [{ kmsKeyId: '' }, { encrypted: false }],
  ])('%j', (parameters, expected) => {
    expect(ebsEncryptionOf(parameters)).toEqual(expected);
  });
});

describe('efsEncryptedInTransit', () => {
  it.each<
    [
      Record<string, string>,
      string[],
      { encrypted: boolean; conflict: boolean },
    ]
  >([
    [{}, [], { encrypted: true, conflict: false }],
    [{}, ['tls'], { encrypted: true, conflict: false }],
    [{ encryptInTransit: 'true' }, [], { encrypted: true, conflict: false }],
    [{ encryptInTransit: 'false' }, [], { encrypted: false, conflict: false }],
    [
      { encryptInTransit: 'False' },
      ['tls'],
      { encrypted: false, conflict: true },
    ],
  ])('%j %j', (attributes, options, expected) => {
    expect(efsEncryptedInTransit(attributes, options)).toEqual(expected);
  });
});

describe('checkCompliance', () => {
  const storage = (extra: Partial<ClusterStorage>): ClusterStorage => ({
    cluster: 'eks-prod',
    ...extra,
  });
  it.each<[string, ClusterStorage, unknown, string[]]>([
    [
      'encrypted classes and volumes',
      storage({
        storageClasses: [
          storageClass('gp3', 'ebs.csi.aws.com', {
            type: 'gp3',
            encrypted: 'true',
          }),
          storageClass('efs', 'efs.csi.aws.com', EFS_PARAMS),
        ],
        persistentVolumes: [
          volume('pvc-a', { className: 'gp3' }),
          volume('pvc-b', { className: 'efs', driver: 'efs.csi.aws.com' }),
        ],
      }),
      {},
      [],
    ],
    [
      'an unencrypted class and its volume',
      storage({
        storageClasses: [
          storageClass('gp3-plain', 'ebs.csi.aws.com', { type: 'gp3' }),
        ],
        persistentVolumes: [volume('pvc-a', { className: 'gp3-plain' })],
      }),
      {},
      [
        'error class-unencrypted StorageClass/gp3-plain: StorageClass gp3-plain is not encrypted at rest',
        'error volume-unencrypted PersistentVolume/pvc-a: Volume pvc-a is not encrypted at rest',
      ],
    ],
    [
      'unencrypted, but the accounts encrypt by default',
      storage({
        storageClasses: [
          storageClass('gp3-plain', 'ebs.csi.aws.com', { type: 'gp3' }),
        ],
        persistentVolumes: [volume('pvc-a', { className: 'gp3-plain' })],
      }),
      { compliance: { ebs: { encryptedByDefault: true } } },
      [],
    ],
    [
      'an in-tree EBS class and its migrated volume',
      storage({
        storageClasses: [
          storageClass('gp2', 'kubernetes.io/aws-ebs', { type: 'gp2' }),
        ],
        persistentVolumes: [
          {
            ...volume('pvc-legacy', { className: 'gp2' }),
            spec: {
              capacity: { storage: '8Gi' },
              storageClassName: 'gp2',
              awsElasticBlockStore: {
                volumeID: 'aws://us-east-1a/vol-0123456789abcdef0',
              },
            },
          },
        ],
      }),
      {},
      [
        'error class-unencrypted StorageClass/gp2: StorageClass gp2 is not encrypted at rest',
        'error volume-unencrypted PersistentVolume/pvc-legacy: Volume pvc-legacy is not encrypted at rest',
      ],
    ],
    [
      'encryption not required',
      storage({
        storageClasses: [
          storageClass('gp3-plain', 'ebs.csi.aws.com', { type: 'gp3' }),
        ],
      }),
      { compliance: { ebs: { requireEncryption: false } } },
      [],
    ],
    [
      'a KMS key is required',
      storage({
        storageClasses: [
          storageClass('gp3', 'ebs.csi.aws.com', {
            type: 'gp3',
            encrypted: 'true',
          }),
          storageClass('gp3-cmk', 'ebs.csi.aws.com', {
            type: 'gp3',
            kmsKeyId: KEY,
          }),
        ],
        persistentVolumes: [volume('pvc-a', { className: 'gp3' })],
      }),
      { compliance: { ebs: { requireKmsKey: true } } },
      [
        'error class-no-kms-key StorageClass/gp3: StorageClass gp3 is encrypted with the AWS managed key, not a customer managed KMS key',
        'error volume-no-kms-key PersistentVolume/pvc-a: Volume pvc-a is encrypted with the AWS managed key, not a customer managed KMS key',
      ],
    ],
    [
      'a KMS key the platform does not allow',
      storage({
        storageClasses: [
          storageClass('gp3-cmk', 'ebs.csi.aws.com', {
            type: 'gp3',
            kmsKeyId: 'alias/team-key',
          }),
        ],
      }),
      { compliance: { ebs: { allowedKmsKeys: [KEY] } } },
      [
        'error class-kms-key-not-allowed StorageClass/gp3-cmk: StorageClass gp3-cmk uses KMS key alias/team-key, which the platform does not allow',
      ],
    ],
    [
      'a volume whose class is gone',
      storage({
        storageClasses: [],
        persistentVolumes: [volume('pvc-old', { className: 'gp2-2019' })],
      }),
      {},
      [
        'info volume-encryption-unknown PersistentVolume/pvc-old: Volume pvc-old: whether it is encrypted cannot be told from the cluster',
      ],
    ],
    [
      'a static volume that records its encryption',
      storage({
        storageClasses: [],
        persistentVolumes: [
          volume('static-a', {
            className: '',
            attributes: { encrypted: 'true' },
          }),
        ],
      }),
      {},
      [],
    ],
    [
      'EFS without encryption in transit',
      storage({
        storageClasses: [
          storageClass('efs-plain', 'efs.csi.aws.com', {
            ...EFS_PARAMS,
            encryptInTransit: 'false',
          }),
        ],
        persistentVolumes: [
          volume('pvc-e', {
            className: 'efs-plain',
            driver: 'efs.csi.aws.com',
          }),
          volume('static-e', {
            className: '',
            driver: 'efs.csi.aws.com',
            attributes: { encryptInTransit: 'false' },
            mountOptions: ['tls'],
          }),
        ],
      }),
      {},
      [
        'error class-efs-no-tls StorageClass/efs-plain: StorageClass efs-plain mounts EFS without encryption in transit (TLS)',
        'error volume-efs-no-tls PersistentVolume/pvc-e: Volume pvc-e mounts EFS without encryption in transit (TLS)',
        'error volume-efs-tls-conflict PersistentVolume/static-e: Volume static-e sets encryptInTransit: "false" and the mount option tls',
      ],
    ],
    [
      'EFS without TLS where the platform does not require it',
      storage({
        storageClasses: [
          storageClass('efs-plain', 'efs.csi.aws.com', {
            ...EFS_PARAMS,
            encryptInTransit: 'false',
          }),
        ],
      }),
      { compliance: { efs: { requireTls: false } } },
      [],
    ],
    [
      'other drivers have no compliance rules',
      storage({
        storageClasses: [
          storageClass('fsx', 'fsx.csi.aws.com', { subnetId: 'subnet-1' }),
        ],
        persistentVolumes: [
          volume('pvc-f', { className: 'fsx', driver: 'fsx.csi.aws.com' }),
        ],
      }),
      {},
      [],
    ],
  ])('%s', (_name, cluster, rules, expected) => {
    expect(checkCompliance(cluster, rulesOf(rules)).map(line)).toEqual(
      expected,
    );
  });

  it('names the volume’s last claim and its entity label', () => {
    const [finding] = checkCompliance(
      storage({
        storageClasses: [storageClass('gp3-plain', 'ebs.csi.aws.com', {})],
        persistentVolumes: [
          volume('pvc-a', {
            className: 'gp3-plain',
            labels: { 'backstage.io/kubernetes-id': 'payments-api' },
            claimRef: { namespace: 'payments', name: 'ledger' },
          }),
        ],
      }),
      rulesOf({}),
    ).filter(f => f.object.kind === 'PersistentVolume');
    expect(finding).toMatchObject({
      kubernetesId: 'payments-api',
      lastClaim: { namespace: 'payments', name: 'ledger' },
      section: 'compliance',
    });
    expect(finding.fix).toMatch(
      /snapshot the claim, restore the snapshot into a claim of an encrypted class/,
    );
  });
});
