import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const packageDir = resolve(__dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/eks-storage', ...args], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 60000,
  });

describe('eks-storage CLI', () => {
  it('lints the bad examples: one line per finding, exit code 1', () => {
    const result = run('lint', 'examples/bad');
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      'examples/bad/storage-classes.yaml: StorageClass/io2-fast: ebs-iops-and-iops-per-gb: invalid StorageClass parameters; specify either IOPS or IOPSPerGb, not both',
    );
    expect(lines).toContain(
      "examples/bad/storage-classes.yaml: StorageClass/efs-broken: efs-unsupported-provisioning-mode: Provisioning mode efs-fs is not supported. Only Access point provisioning 'efs-ap' or 's3files-ap' are supported",
    );
    expect(lines).toContain(
      'examples/bad/storage-classes.yaml: StorageClass/efs-broken: efs-missing-gid-range-end: Missing gidRangeEnd parameter',
    );
    expect(lines).toContain(
      'examples/bad/workloads.yaml: PersistentVolumeClaim/shared-uploads: access-mode-unsupported: spec.accessModes: Amazon EBS cannot serve ReadWriteMany with volumeMode Filesystem; it supports ReadWriteOnce, ReadWriteOncePod',
    );
    expect(lines).toContain(
      'examples/bad/workloads.yaml: StatefulSet/redis: emptydir-for-stateful: Volume "data" is an emptyDir: its data is lost whenever the pod is rescheduled',
    );
    expect(lines).toHaveLength(9);
  });

  it('passes the good examples and prints JSON on request', () => {
    const result = run('lint', 'examples/good', '--format', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({
        file: 'examples/good/shared-workspace.yaml',
        kind: 'PersistentVolumeClaim',
        name: 'ci-workspace',
        severity: 'warning',
        code: 'efs-capacity-ignored',
        field: 'spec.resources.requests.storage',
      }),
    ]);
  });

  it('explains each claim of a kubectl List', () => {
    const result = run(
      'explain',
      'examples/cluster-state.json',
      '--format',
      'json',
    );
    expect(result.status).toBe(1);
    expect(
      JSON.parse(result.stdout).map(
        (e: { namespace: string; name: string; state: string }) =>
          `${e.namespace}/${e.name} ${e.state}`,
      ),
    ).toEqual([
      'payments/postgres-data waiting-for-consumer',
      'web/uploads failed',
      'analytics/pvc-0f1e2d released',
    ]);
    const text = run('explain', 'examples/cluster-state.json');
    expect(text.stdout).toContain(
      'payments/postgres-data: waiting-for-consumer (info)\n  Claim payments/postgres-data waits for a pod to use it — this is normal',
    );
  });

  it('reports usage errors with exit code 2', () => {
    expect(run('frobnicate').status).toBe(2);
    expect(run('lint').status).toBe(2);
  });
});
