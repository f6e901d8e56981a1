import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { EXAMPLE_OFFERINGS } from '@eks-storage/backstage-plugin-storage-common';
import { parse, parseAllDocuments } from 'yaml';
import { createRenderStorageAction } from './renderStorage';

const claim = {
  entityRef: 'component:default/payments-api',
  namespace: 'payments',
  claimName: 'data',
  offering: 'ebs-gp3',
  size: '20Gi',
  accessMode: 'ReadWriteOnce' as const,
};

/** Runs storage:render on a fresh workspace; returns what it wrote. */
async function render(input: object) {
  const action = createRenderStorageAction({
    offerings: () => EXAMPLE_OFFERINGS,
  });
  const ctx = createMockActionContext({ input: input as any });
  await action.handler(ctx);
  const [[name, files]] = (ctx.output as jest.Mock).mock.calls;
  expect(name).toBe('files');
  const read = (file: string) =>
    readFileSync(join(ctx.workspacePath, file), 'utf8');
  return { files: files as string[], read, workspace: ctx.workspacePath };
}

/** What a refused run left in its workspace: nothing. */
async function refused(input: object) {
  const action = createRenderStorageAction({
    offerings: () => EXAMPLE_OFFERINGS,
  });
  const ctx = createMockActionContext({ input: input as any });
  const error = await action.handler(ctx).then(
    () => undefined,
    e => e,
  );
  const left = existsSync(ctx.workspacePath)
    ? readdirSync(ctx.workspacePath)
    : [];
  return { error, left };
}

describe('storage:render', () => {
  it('writes the PVC as the storage backend renders it, without the labels of a stored request', async () => {
    const { files, read } = await render(claim);
    expect(files).toEqual(['kubernetes/data.pvc.yaml']);
    expect(parse(read('kubernetes/data.pvc.yaml'))).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'data',
        namespace: 'payments',
        labels: {
          'backstage.io/kubernetes-id': 'payments-api',
          'storage.backstage.io/offering': 'ebs-gp3',
        },
        annotations: {
          'storage.backstage.io/owner': 'component:default/payments-api',
          'storage.backstage.io/offering': 'ebs-gp3',
        },
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Filesystem',
        resources: { requests: { storage: '20Gi' } },
        storageClassName: 'gp3',
      },
    });
  });

  it('writes the static PV and its PVC for an existing S3 bucket', async () => {
    const { files, read } = await render({
      ...claim,
      claimName: 'logs',
      offering: 's3-bucket',
      accessMode: 'ReadOnlyMany',
      source: { type: 'existing', volumeId: 'team-logs' },
      targetPath: 'deploy/storage',
    });
    expect(files).toEqual([
      'deploy/storage/logs.pv.yaml',
      'deploy/storage/logs.pvc.yaml',
    ]);
    const pv = parse(read('deploy/storage/logs.pv.yaml'));
    expect(pv).toMatchObject({
      kind: 'PersistentVolume',
      spec: {
        claimRef: { namespace: 'payments', name: 'logs' },
        csi: {
          driver: 's3.csi.aws.com',
          volumeAttributes: { bucketName: 'team-logs' },
          readOnly: true,
        },
      },
    });
    expect(parse(read('deploy/storage/logs.pvc.yaml')).spec).toMatchObject({
      storageClassName: '',
      volumeName: pv.metadata.name,
    });
  });

  it('writes a volumeClaimTemplates fragment when no StatefulSet is named', async () => {
    const { files, read } = await render({
      ...claim,
      as: 'volumeClaimTemplate',
    });
    expect(files).toEqual(['kubernetes/data.volume-claim-template.yaml']);
    const text = read('kubernetes/data.volume-claim-template.yaml');
    expect(text).toMatch(/^# An entry for spec.volumeClaimTemplates/);
    expect(parseAllDocuments(text)[0].toJS()).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'data' }),
        spec: expect.objectContaining({ storageClassName: 'gp3' }),
      }),
    ]);
  });

  it.each([
    [
      'a size above the offering',
      { size: '3Ti' },
      /^The storage manifests were refused: size: .*\(fix: .+\)/,
    ],
    [
      'an offering that is not offered',
      { offering: 'ebs-gp9' },
      /^offering: there is no offering "ebs-gp9" \(fix: use one of ebs-gp3, ebs-io2/,
    ],
    [
      'an existing volume as a per-replica volume',
      {
        as: 'volumeClaimTemplate',
        source: { type: 'existing', volumeId: 'vol-0123456789abcdef0' },
      },
      /^offering: ebs-gp3 cannot give each replica its own volume/,
    ],
    [
      'a StatefulSet file that is not in the workspace',
      { as: 'volumeClaimTemplate', statefulSet: 'kubernetes/sts.yaml' },
      /^statefulSet: there is no file kubernetes\/sts.yaml/,
    ],
    [
      'a target outside the workspace',
      { targetPath: '../elsewhere' },
      /outside/,
    ],
    ['another format', { format: 'json' }, /^format: json is not supported/],
  ])('refuses %s and writes nothing', async (_, change, message) => {
    const { error, left } = await refused({ ...claim, ...change });
    expect(error?.message).toMatch(message);
    expect(left).toEqual([]);
  });
});
