import fc from 'fast-check';
import { DRIVERS } from '../catalogue';
import { parseAllDocuments } from 'yaml';
import { exampleOffering, EXAMPLE_OFFERINGS } from '../model/exampleOfferings';
import { StorageRequest, storageRequestSchema } from '../model/request';
import {
  hasErrors,
  validateManifest,
  validateRequest,
  manifestContextOf,
} from '../validation';
import { render, renderVolumeClaimTemplate } from './render';
import { renderYaml } from './yaml';

const base = {
  operation: 'create',
  requestId: 'req-42',
  entityRef: 'component:default/payments',
  cluster: 'prod-eu',
  namespace: 'payments',
  claimName: 'postgres-data',
  offering: 'ebs-gp3',
  size: '20Gi',
  accessMode: 'ReadWriteOnce',
} as const;

const parse = (input: Record<string, unknown>): StorageRequest =>
  storageRequestSchema.parse(input);

const identity = {
  labels: {
    'backstage.io/kubernetes-id': 'payments',
    'app.kubernetes.io/managed-by': 'backstage-storage',
    'storage.backstage.io/request-id': 'req-42',
    'storage.backstage.io/offering': 'ebs-gp3',
  },
  annotations: {
    'storage.backstage.io/owner': 'component:default/payments',
    'storage.backstage.io/offering': 'ebs-gp3',
  },
};

describe('render', () => {
  it('renders a dynamic PVC with identity labels and annotations', () => {
    expect(render(parse(base), exampleOffering('ebs-gp3'))).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'postgres-data', namespace: 'payments', ...identity },
        spec: {
          accessModes: ['ReadWriteOnce'],
          volumeMode: 'Filesystem',
          resources: { requests: { storage: '20Gi' } },
          storageClassName: 'gp3',
        },
      },
    ]);
  });

  it('renders the YAML a developer would write', () => {
    expect(
      renderYaml(
        render(
          parse({ ...base, expiresAt: '2026-12-31T00:00:00Z' }),
          exampleOffering('ebs-gp3'),
        ),
      ),
    ).toBe(
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: postgres-data
  namespace: payments
  labels:
    backstage.io/kubernetes-id: payments
    app.kubernetes.io/managed-by: backstage-storage
    storage.backstage.io/request-id: req-42
    storage.backstage.io/offering: ebs-gp3
  annotations:
    storage.backstage.io/owner: component:default/payments
    storage.backstage.io/offering: ebs-gp3
    storage.backstage.io/expires-at: 2026-12-31T00:00:00Z
spec:
  accessModes:
    - ReadWriteOnce
  volumeMode: Filesystem
  resources:
    requests:
      storage: 20Gi
  storageClassName: gp3
`,
    );
  });

  it('derives a stable request id when the request has none', () => {
    const [pvc] = render(
      parse({ ...base, requestId: undefined }),
      exampleOffering('ebs-gp3'),
    );
    expect(pvc.metadata?.labels?.['storage.backstage.io/request-id']).toMatch(
      /^r-[0-9a-f]{8}$/,
    );
    const [again] = render(
      parse({ ...base, requestId: undefined }),
      exampleOffering('ebs-gp3'),
    );
    expect(again).toEqual(pvc);
  });

  it('restores from a VolumeSnapshot', () => {
    const [pvc] = render(
      parse({ ...base, operation: 'restore', snapshotName: 'nightly' }),
      exampleOffering('ebs-gp3'),
    );
    expect(pvc.spec).toMatchObject({
      dataSource: {
        apiGroup: 'snapshot.storage.k8s.io',
        kind: 'VolumeSnapshot',
        name: 'nightly',
      },
    });
  });

  it('clones a PVC', () => {
    const [pvc] = render(
      parse({ ...base, source: { type: 'clone', claimName: 'postgres-old' } }),
      exampleOffering('ebs-gp3'),
    );
    expect(pvc.spec).toMatchObject({
      dataSource: { kind: 'PersistentVolumeClaim', name: 'postgres-old' },
    });
  });

  it('renders a static EBS PV pinned to its zone, then the PVC bound to it', () => {
    const objects = render(
      parse({
        ...base,
        source: {
          type: 'existing',
          volumeId: 'vol-0123456789abcdef0',
          zone: 'eu-west-1a',
        },
      }),
      exampleOffering('ebs-gp3'),
    );
    expect(objects.map(o => o.kind)).toEqual([
      'PersistentVolume',
      'PersistentVolumeClaim',
    ]);
    const [pv, pvc] = objects;
    expect(pv.spec).toMatchObject({
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      claimRef: { namespace: 'payments', name: 'postgres-data' },
      csi: {
        driver: 'ebs.csi.aws.com',
        volumeHandle: 'vol-0123456789abcdef0',
        fsType: 'ext4',
      },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                {
                  key: 'topology.kubernetes.io/zone',
                  operator: 'In',
                  values: ['eu-west-1a'],
                },
              ],
            },
          ],
        },
      },
    });
    expect(pvc.spec).toMatchObject({
      storageClassName: '',
      volumeName: pv.metadata?.name,
    });
  });

  it('renders S3 buckets with storageClassName "" on both PV and PVC', () => {
    const [pv, pvc] = render(
      parse({
        ...base,
        offering: 's3-bucket',
        accessMode: 'ReadOnlyMany',
        source: {
          type: 'existing',
          volumeId: 'team-logs',
          mountOptions: ['region eu-west-1'],
        },
      }),
      exampleOffering('s3-bucket'),
    );
    expect(pv.spec).toMatchObject({
      storageClassName: '',
      mountOptions: ['region eu-west-1'],
      csi: {
        driver: 's3.csi.aws.com',
        volumeAttributes: { bucketName: 'team-logs' },
        readOnly: true,
      },
    });
    expect(
      (pv.spec as { csi: { volumeHandle: string } }).csi.volumeHandle,
    ).toMatch(/^s3-postgres-data-[0-9a-f]{8}$/);
    expect(pvc.spec).toMatchObject({ storageClassName: '' });
  });

  it('renders EFS access points and FSx file systems statically', () => {
    const [efs] = render(
      parse({
        ...base,
        offering: 'efs-shared',
        accessMode: 'ReadWriteMany',
        source: {
          type: 'existing',
          volumeId: 'fs-0123456789abcdef0::fsap-0123456789abcdef0',
        },
      }),
      exampleOffering('efs-shared'),
    );
    expect(efs.spec).toMatchObject({
      csi: {
        driver: 'efs.csi.aws.com',
        volumeHandle: 'fs-0123456789abcdef0::fsap-0123456789abcdef0',
      },
    });
    const [fsx] = render(
      parse({
        ...base,
        offering: 'fsx-scratch',
        size: '1200Gi',
        accessMode: 'ReadWriteMany',
        source: {
          type: 'existing',
          volumeId: 'fs-0123456789abcdef0',
          dnsName: 'fs-0123456789abcdef0.fsx.eu-west-1.amazonaws.com',
          mountName: 'abcdefgh',
        },
      }),
      exampleOffering('fsx-scratch'),
    );
    expect(fsx.spec).toMatchObject({
      mountOptions: ['flock'],
      csi: {
        driver: 'fsx.csi.aws.com',
        volumeAttributes: {
          dnsname: 'fs-0123456789abcdef0.fsx.eu-west-1.amazonaws.com',
          mountname: 'abcdefgh',
        },
      },
    });
  });

  it('renders a resize as the size alone, a snapshot as a VolumeSnapshot, and a delete as nothing', () => {
    const who = {
      entityRef: base.entityRef,
      cluster: base.cluster,
      namespace: base.namespace,
      claimName: base.claimName,
      requestId: 'req-42',
    };
    expect(
      render(
        parse({ operation: 'resize', ...who, size: '40Gi' }),
        exampleOffering('ebs-gp3'),
      ),
    ).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'postgres-data', namespace: 'payments' },
        spec: { resources: { requests: { storage: '40Gi' } } },
      },
    ]);
    expect(
      render(
        parse({
          operation: 'snapshot',
          ...who,
          snapshotName: 'before-upgrade',
          volumeSnapshotClassName: 'ebs-snapclass',
        }),
        exampleOffering('ebs-gp3'),
      ),
    ).toEqual([
      {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshot',
        metadata: {
          name: 'before-upgrade',
          namespace: 'payments',
          ...identity,
        },
        spec: {
          volumeSnapshotClassName: 'ebs-snapclass',
          source: { persistentVolumeClaimName: 'postgres-data' },
        },
      },
    ]);
    expect(
      render(
        parse({ operation: 'delete', ...who }),
        exampleOffering('ebs-gp3'),
      ),
    ).toEqual([]);
  });

  it('renders a StatefulSet volumeClaimTemplates entry, but not for static offerings', () => {
    const request = parse(base);
    expect(
      renderVolumeClaimTemplate(request as never, exampleOffering('ebs-gp3')),
    ).toEqual({
      metadata: { name: 'postgres-data', ...identity },
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Filesystem',
        resources: { requests: { storage: '20Gi' } },
        storageClassName: 'gp3',
      },
    });
    expect(
      renderVolumeClaimTemplate(request as never, exampleOffering('s3-bucket')),
    ).toBeUndefined();
  });

  it('render → YAML → parse → validateManifest of any valid request has no errors', () => {
    const offering = fc.constantFrom(...EXAMPLE_OFFERINGS);
    const dnsName = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    const candidate = offering.chain(o =>
      fc.record({
        offering: fc.constant(o),
        request: fc.record({
          operation: fc.constantFrom('create', 'restore'),
          entityRef: dnsName.map(name => `component:default/${name}`),
          cluster: fc.constant('prod'),
          namespace: dnsName,
          claimName: dnsName,
          offering: fc.constant(o.id),
          size: fc.integer({ min: 1, max: 4000 }).map(gib => `${gib}Gi`),
          accessMode: fc.constantFrom(...o.accessModes),
          volumeMode: fc.constantFrom(...o.volumeModes),
          snapshotName: dnsName,
          source:
            o.storageClassName === 'static' || o.driver === 's3'
              ? fc.constant({ type: 'existing', volumeId: 'team-logs-bucket' })
              : fc.oneof(
                  fc.constant({ type: 'new' }),
                  dnsName.map(claimName => ({ type: 'clone', claimName })),
                  dnsName.map(snapshotName => ({
                    type: 'snapshot',
                    snapshotName,
                  })),
                  fc.constant({
                    type: 'existing',
                    volumeId: DRIVERS[o.driver].volumeHandleExample,
                    zone: 'eu-west-1a',
                    dnsName: 'fs.example.com',
                    mountName: 'abc',
                  }),
                ),
        }),
      }),
    );
    let checked = 0;
    fc.assert(
      fc.property(candidate, ({ offering: o, request: input }) => {
        const parsed = storageRequestSchema.safeParse(input);
        if (!parsed.success || hasErrors(validateRequest(parsed.data, o)))
          return;
        checked++;
        const objects = parseAllDocuments(
          renderYaml(render(parsed.data, o)),
        ).map(doc => doc.toJS());
        const context = manifestContextOf(objects);
        for (const object of objects) {
          const errors = validateManifest(object, context).filter(
            f => f.severity === 'error',
          );
          expect(errors).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
