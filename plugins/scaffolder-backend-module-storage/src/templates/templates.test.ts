import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  ACCESS_MODES,
  WORKLOADS,
  provisionerOf,
} from '@eks-storage/backstage-plugin-storage-common';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { lint } from '../__testUtils__/lint';
import {
  TEMPLATES,
  demoStorageConfig,
  loadTemplate,
  templateFiles,
  useStorageScaffolder,
} from '../__testUtils__/storageScaffolder';

jest.setTimeout(60_000);

const TEMPLATE_NAMES = [
  'request-storage',
  'stateful-service-storage',
  'shared-ci-workspace',
  'mount-s3-bucket',
];

const payments = {
  entityRef: 'component:default/payments-api',
  placement: { cluster: 'eks-dev', namespace: 'payments' },
};

/** Every parameter of a template, by name, across its steps. */
function parametersOf(template: any): Record<string, any> {
  return Object.assign(
    {},
    ...template.spec.parameters.map((step: any) => step.properties),
  );
}

/** The StorageClass of a demo offering, as the platform installs it. */
function storageClassOf(offeringId: string) {
  const offering = demoStorageConfig().storage.offerings.find(
    (o: { id: string }) => o.id === offeringId,
  );
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: offering.storageClassName },
    provisioner: provisionerOf(offering.driver),
    parameters: offering.parameters,
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  };
}

const decode = (file: { base64Content: string }) =>
  Buffer.from(file.base64Content, 'base64').toString('utf8');

describe('the shipped templates', () => {
  const { dryRun, runTask, storageApi } = useStorageScaffolder();

  it('are all registered by the catalog location', () => {
    const location = parse(
      readFileSync(resolve(TEMPLATES, 'all.yaml'), 'utf8'),
    );
    expect(location.spec.targets).toEqual(
      TEMPLATE_NAMES.map(name => `./${name}/template.yaml`),
    );
  });

  it.each(TEMPLATE_NAMES)(
    '%s gives every parameter a JSON type, so it validates where no browser field runs',
    name => {
      const template = loadTemplate(name);
      expect(template).toMatchObject({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name },
      });
      for (const [field, schema] of Object.entries(parametersOf(template))) {
        expect([field, typeof schema.type]).toEqual([field, 'string']);
      }
    },
  );

  it("offers storage-common's workloads and access modes, so form and backend agree", () => {
    const parameters = parametersOf(loadTemplate('request-storage'));
    expect(parameters.workload.enum).toEqual(WORKLOADS);
    expect(parameters.workload.enumNames).toHaveLength(WORKLOADS.length);
    expect([...parameters.accessMode.enum].sort()).toEqual(
      [...ACCESS_MODES].sort(),
    );
  });

  describe('request-storage', () => {
    const template = loadTemplate('request-storage');
    const values = {
      ...payments,
      workload: 'database',
      offering: 'ebs-gp3',
      size: '20Gi',
      accessMode: 'ReadWriteOnce',
      claimName: 'ledger-data',
    };

    it('dry-runs to the status and the links, storing nothing', async () => {
      const before = await storageApi().get(
        '/requests?entityRef=component:default/payments-api',
      );
      const { status, body } = await dryRun(template, values);
      expect(status).toBe(200);
      expect(body.output.links).toEqual([
        expect.objectContaining({
          title: 'Storage request',
          url: expect.stringMatching(
            /^http:\/\/localhost:3000\/storage\/requests\/dry-run-/,
          ),
        }),
        expect.objectContaining({
          title: 'Storage tab of the component',
          url: 'http://localhost:3000/catalog/default/component/payments-api/storage',
        }),
      ]);
      expect(body.output.text[0].content).toBe(
        '**approved**: Dry run: would be approved at once and applied as payments/ledger-data in eks-dev.\n',
      );
      const after = await storageApi().get(
        '/requests?entityRef=component:default/payments-api',
      );
      expect(after.body.items).toEqual(before.body.items);
    });

    it('runs as a task of the user: the claim is applied and waits for its first pod', async () => {
      const task = await runTask('template:default/request-storage', {
        ...values,
        claimName: 'task-ledger',
      });
      expect(task.status).toBe('completed');
      const { links, text } = task.output;
      expect(links[1].url).toBe(
        'http://localhost:3000/catalog/default/component/payments-api/storage',
      );
      expect(text[0].content).toBe(
        '**applied**: Applied: payments/task-ledger in eks-dev binds when the first pod mounts it.\n',
      );
      const id = links[0].url.split('/').pop();
      const { body } = await storageApi().get(`/requests/${id}`);
      expect(body.request).toMatchObject({
        status: 'applied',
        requestedBy: 'user:default/guest',
        claimName: 'task-ledger',
      });
    });

    it('says when the platform team must approve, and by which rule', async () => {
      const { status, body } = await dryRun(template, {
        ...values,
        offering: 'ebs-io2',
        size: '600Gi',
        justification: 'Ledger growth for the sale',
      });
      expect(status).toBe(200);
      expect(body.output.text[0].content).toMatch(
        /^\*\*pending-approval\*\*: Dry run: would wait for approval by group:default\/platform-team \(rule io2\): /,
      );
    });

    it('restores from a snapshot only when it exists', async () => {
      const { status, body } = await dryRun(template, {
        ...values,
        restoreFrom: 'nightly-0101',
      });
      expect(status).toBe(400);
      expect(body.error.message).toContain('nightly-0101');
    });

    it.each([
      ['a size that is no quantity', { size: 'twenty' }],
      ['a placement without namespace', { placement: { cluster: 'eks-dev' } }],
      ['a claim name with capitals', { claimName: 'Ledger' }],
      ['an unknown workload', { workload: 'mainframe' }],
    ])('refuses %s with 400 before running', async (_, change) => {
      const { status, body } = await dryRun(template, {
        ...values,
        ...change,
      });
      expect(status).toBe(400);
      expect(body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: expect.any(String) }),
        ]),
      );
    });

    it('refuses what the offering cannot do with 400 naming the field', async () => {
      const { status, body } = await dryRun(template, {
        ...values,
        accessMode: 'ReadWriteMany',
      });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(
        /^The storage request was refused: accessMode: /,
      );
    });
  });

  describe('stateful-service-storage', () => {
    const template = loadTemplate('stateful-service-storage');
    const values = {
      name: 'ledger-db',
      owner: 'group:default/team-payments',
      image: 'postgres:17',
      port: 5432,
      replicas: 3,
      workload: 'database',
      offering: 'ebs-gp3',
      size: '50Gi',
      accessMode: 'ReadWriteOnce',
      namespace: 'payments',
      mountPath: '/var/lib/postgresql/data',
      publish: false,
    };
    const output = createMockDirectory();

    it('renders the repository with a volume per replica that passes eks-storage lint', async () => {
      const { status, body } = await dryRun(
        template,
        values,
        templateFiles('stateful-service-storage'),
      );
      expect(status).toBe(200);
      const files = Object.fromEntries(
        body.directoryContents.map((f: any) => [f.path, decode(f)]),
      );
      expect(Object.keys(files).sort()).toEqual([
        'README.md',
        'catalog-info.yaml',
        'kubernetes/service.yaml',
        'kubernetes/statefulset.yaml',
      ]);
      const statefulSet = parse(files['kubernetes/statefulset.yaml']);
      expect(statefulSet.spec.replicas).toBe(3);
      expect(statefulSet.spec.volumeClaimTemplates).toEqual([
        {
          metadata: expect.objectContaining({ name: 'data' }),
          spec: {
            accessModes: ['ReadWriteOnce'],
            volumeMode: 'Filesystem',
            resources: { requests: { storage: '50Gi' } },
            storageClassName: 'gp3',
          },
        },
      ]);
      expect(statefulSet.spec.template.spec.containers[0].volumeMounts).toEqual(
        [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
      );
      // The repository's GitOps tool applies it: no request label.
      expect(statefulSet.spec.volumeClaimTemplates[0].metadata.labels).toEqual({
        'backstage.io/kubernetes-id': 'ledger-db',
        'storage.backstage.io/offering': 'ebs-gp3',
      });
      expect(parse(files['kubernetes/service.yaml']).spec.clusterIP).toBe(
        'None',
      );
      expect(parse(files['catalog-info.yaml']).metadata.annotations).toEqual({
        'backstage.io/kubernetes-id': 'ledger-db',
        'backstage.io/kubernetes-namespace': 'payments',
      });
      expect(body.output.text[0].content).toContain(
        'Written: kubernetes/statefulset.yaml',
      );
      expect(body.output.links).toEqual([]);

      // Linted beside the platform's StorageClass, so the linter knows gp3
      // is EBS, as a cluster-aware check would.
      output.setContent({
        ...files,
        'platform/storage-class.yaml': stringify(storageClassOf('ebs-gp3')),
      });
      const repository = [
        output.resolve('kubernetes'),
        output.resolve('platform'),
      ];
      expect(lint(...repository)).toEqual({ status: 0, findings: [] });

      // The lint is live: the same StatefulSet asking EBS for several
      // writers fails it.
      output.addContent({
        'kubernetes/statefulset.yaml': files[
          'kubernetes/statefulset.yaml'
        ].replace('- ReadWriteOnce', '- ReadWriteMany'),
      });
      const broken = lint(...repository);
      expect(broken.status).toBe(1);
      expect(broken.findings).toEqual([
        expect.objectContaining({
          kind: 'StatefulSet',
          name: 'ledger-db',
          severity: 'error',
          field: 'spec.volumeClaimTemplates[0].spec.accessModes',
        }),
      ]);
    });

    it('keeps the skeleton as one StatefulSet document with its comment', () => {
      const text = readFileSync(
        resolve(
          TEMPLATES,
          'stateful-service-storage/skeleton/kubernetes/statefulset.yaml',
        ),
        'utf8',
      );
      expect(parseAllDocuments(text)).toHaveLength(1);
    });

    it.each([
      ['no replicas', { replicas: 0 }, /replicas/],
      ['a name with capitals', { name: 'LedgerDB' }, /name/],
    ])('refuses %s with 400 before running', async (_, change, field) => {
      const { status, body } = await dryRun(
        template,
        { ...values, ...change },
        templateFiles('stateful-service-storage'),
      );
      expect(status).toBe(400);
      expect(JSON.stringify(body.errors)).toMatch(field);
    });

    it('refuses an offering that cannot make a volume per replica', async () => {
      const { status, body } = await dryRun(
        template,
        { ...values, offering: 's3-bucket', accessMode: 'ReadOnlyMany' },
        templateFiles('stateful-service-storage'),
      );
      expect(status).toBe(400);
      expect(body.error.message).toMatch(
        /^The storage manifests were refused: source: Mountpoint for S3 cannot create buckets/,
      );
    });
  });

  describe('shared-ci-workspace', () => {
    const template = loadTemplate('shared-ci-workspace');
    const values = {
      ...payments,
      offering: 'efs-shared',
      size: '5Gi',
      claimName: 'ci-workspace',
    };

    it('dry-runs an EFS workspace that many pods write', async () => {
      const { status, body } = await dryRun(template, values);
      expect(status).toBe(200);
      expect(body.output.text[0].content).toBe(
        '**approved**: Dry run: would be approved at once and applied as payments/ci-workspace in eks-dev.\n\nMount the claim `ci-workspace` in every build pod (ReadWriteMany).\n',
      );
    });

    it('refuses block storage, which one node at a time can write', async () => {
      const { status, body } = await dryRun(template, {
        ...values,
        offering: 'ebs-gp3',
      });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/accessMode: .*ReadWriteMany/);
    });
  });

  describe('mount-s3-bucket', () => {
    const template = loadTemplate('mount-s3-bucket');
    const values = {
      ...payments,
      offering: 's3-bucket',
      bucket: 'acme-shared-logs',
      accessMode: 'ReadOnlyMany',
      claimName: 'shared-logs',
    };

    it('dry-runs a read-only mount, which the demo asks the platform team to approve', async () => {
      const { status, body } = await dryRun(template, values);
      expect(status).toBe(200);
      expect(body.output.text[0].content).toMatch(
        /^\*\*pending-approval\*\*: Dry run: would wait for approval by group:default\/platform-team \(rule s3-bucket-mount\): /,
      );
    });

    it.each([
      ['read-write-once access', { accessMode: 'ReadWriteOnce' }],
      ['no bucket', { bucket: '' }],
    ])('refuses %s with 400', async (_, change) => {
      const { status } = await dryRun(template, { ...values, ...change });
      expect(status).toBe(400);
    });
  });
});
