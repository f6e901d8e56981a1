/**
 * The real kubectl against the simulator: apply, get (Table columns),
 * get -w, wait --for=jsonpath, patch, delete, auth can-i. Skips, saying so,
 * only where no kubectl is installed.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EksSim } from '../sim';
import { withSim } from './helpers';

const run = promisify(execFile);
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find(p =>
  existsSync(p),
);

if (!KUBECTL) {
  // eslint-disable-next-line no-console
  console.warn(
    'kubectl tests skipped: no kubectl found in /usr/bin or /usr/local/bin',
  );
}

const describeWithKubectl = KUBECTL ? describe : describe.skip;

describeWithKubectl('kubectl against eks-sim', () => {
  let sim: EksSim;
  let dir: string;

  const kubectl = async (...args: string[]) => {
    try {
      const { stdout } = await run(
        KUBECTL!,
        [
          '--kubeconfig',
          join(dir, 'config'),
          '--cache-dir',
          join(dir, 'cache'),
          ...args,
        ],
        {
          timeout: 20_000,
        },
      );
      return { code: 0, stdout, stderr: '' };
    } catch (error: any) {
      return {
        code: error.code as number,
        stdout: error.stdout as string,
        stderr: error.stderr as string,
      };
    }
  };

  beforeAll(async () => {
    sim = await withSim({ scenario: 'empty' });
    dir = mkdtempSync(join(tmpdir(), 'eks-sim-kubectl-'));
    writeFileSync(join(dir, 'config'), sim.kubeconfig);
    writeFileSync(
      join(dir, 'claim.yaml'),
      [
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: orders-db, namespace: payments, labels: {app: orders}}',
        'spec:',
        '  accessModes: [ReadWriteOnce]',
        '  storageClassName: gp3-immediate',
        '  resources: {requests: {storage: 10Gi}}',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies a manifest, waits for binding and prints the real columns', async () => {
    const applied = await kubectl('apply', '-f', join(dir, 'claim.yaml'));
    expect(applied).toMatchObject({
      code: 0,
      stdout: 'persistentvolumeclaim/orders-db created\n',
    });
    expect((await kubectl('apply', '-f', join(dir, 'claim.yaml'))).stdout).toBe(
      'persistentvolumeclaim/orders-db unchanged\n',
    );

    const waited = await kubectl(
      'wait',
      '--for=jsonpath={.status.phase}=Bound',
      'pvc/orders-db',
      '-n',
      'payments',
      '--timeout=15s',
    );
    expect(waited.stdout).toBe(
      'persistentvolumeclaim/orders-db condition met\n',
    );

    const table = await kubectl('get', 'pvc', '-n', 'payments');
    const [header, row] = table.stdout.trim().split('\n');
    expect(header.split(/\s{2,}/)).toEqual([
      'NAME',
      'STATUS',
      'VOLUME',
      'CAPACITY',
      'ACCESS MODES',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'AGE',
    ]);
    expect(row).toMatch(
      /^orders-db\s+Bound\s+pvc-[0-9a-f-]{36}\s+10Gi\s+RWO\s+gp3-immediate\s+<unset>\s+\d+s$/,
    );

    const classes = await kubectl('get', 'sc');
    expect(classes.stdout).toMatch(
      /gp3 \(default\)\s+ebs\.csi\.aws\.com\s+Delete\s+WaitForFirstConsumer\s+true/,
    );

    const jsonpath = await kubectl(
      'get',
      'pv',
      '-o',
      'jsonpath={.items[0].spec.csi.driver}',
    );
    expect(jsonpath.stdout).toBe('ebs.csi.aws.com');
  });

  it('patches, reports server errors, and server-side applies with conflicts', async () => {
    const patched = await kubectl(
      'patch',
      'pvc',
      'orders-db',
      '-n',
      'payments',
      '-p',
      '{"metadata":{"labels":{"tier":"gold"}}}',
    );
    expect(patched.stdout).toBe('persistentvolumeclaim/orders-db patched\n');
    const shrink = await kubectl(
      'patch',
      'pvc',
      'orders-db',
      '-n',
      'payments',
      '--type=merge',
      '-p',
      '{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}',
    );
    expect(shrink.code).toBe(1);
    expect(shrink.stderr).toContain(
      'The PersistentVolumeClaim "orders-db" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );

    const ssa = await kubectl(
      'apply',
      '--server-side',
      '-f',
      join(dir, 'claim.yaml'),
    );
    expect(ssa.stdout).toBe(
      'persistentvolumeclaim/orders-db serverside-applied\n',
    );
    writeFileSync(
      join(dir, 'other.yaml'),
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: orders-db, namespace: payments, labels: {app: billing}}\n',
    );
    const conflict = await kubectl(
      'apply',
      '--server-side',
      '--field-manager=billing',
      '-f',
      join(dir, 'other.yaml'),
    );
    expect(conflict.code).toBe(1);
    // The label is co-owned by both apply styles, as on a real cluster.
    expect(conflict.stderr).toContain(
      'Apply failed with 2 conflicts: conflicts with "kubectl":\n- .metadata.labels.app\nconflicts with "kubectl-client-side-apply" using v1 at',
    );
  });

  it('streams changes with get -w', async () => {
    const watcher = spawn(KUBECTL!, [
      '--kubeconfig',
      join(dir, 'config'),
      '--cache-dir',
      join(dir, 'cache'),
      'get',
      'pvc',
      '-n',
      'checkout',
      '-w',
    ]);
    let output = '';
    watcher.stdout.on('data', chunk => (output += chunk));
    try {
      await new Promise(resolve => setTimeout(resolve, 800));
      writeFileSync(
        join(dir, 'shared.yaml'),
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: shared, namespace: checkout}\nspec: {accessModes: [ReadWriteMany], storageClassName: efs, resources: {requests: {storage: 5Gi}}}\n',
      );
      await kubectl('apply', '-f', join(dir, 'shared.yaml'));
      const started = Date.now();
      while (!/shared\s+Bound/.test(output) && Date.now() - started < 10_000) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(output).toMatch(/^NAME\s+STATUS\s+VOLUME/);
      expect(output).toMatch(/shared\s+Pending/);
      expect(output).toMatch(/shared\s+Bound\s+pvc-/);
    } finally {
      watcher.kill();
    }
  });

  it('deletes and waits for the object to go, and answers auth can-i', async () => {
    const deleted = await kubectl(
      'delete',
      'pvc',
      'orders-db',
      '-n',
      'payments',
      '--timeout=15s',
    );
    expect(deleted.stdout).toBe('persistentvolumeclaim "orders-db" deleted\n');
    expect(
      (await kubectl('get', 'pvc', 'orders-db', '-n', 'payments')).stderr,
    ).toContain(
      'Error from server (NotFound): persistentvolumeclaims "orders-db" not found',
    );
    expect(
      (
        await kubectl(
          'auth',
          'can-i',
          'create',
          'persistentvolumeclaims',
          '-n',
          'payments',
        )
      ).stdout,
    ).toBe('yes\n');
  });

  it('is denied by the authorisation policy as a real cluster would deny it', async () => {
    // kubectl only sends bearer tokens over TLS, so this cluster serves HTTPS.
    const secured = await withSim({
      https: true,
      auth: {
        mode: 'tokens',
        users: [
          {
            name: 'viewer',
            token: 'view',
            rules: [
              {
                verbs: ['get', 'list', 'watch'],
                resources: ['*'],
                namespaces: ['payments'],
              },
            ],
          },
        ],
      },
      kubeconfigToken: 'view',
    });
    const config = join(dir, 'secured');
    writeFileSync(config, secured.kubeconfig);
    const as = (...args: string[]) =>
      run(KUBECTL!, [
        '--kubeconfig',
        config,
        '--cache-dir',
        join(dir, 'cache2'),
        ...args,
      ]).then(
        r => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: any) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    try {
      expect((await as('get', 'pvc', '-n', 'payments')).code).toBe(0);
      const denied = await as('get', 'pvc', '-n', 'checkout');
      expect(denied.stderr).toContain(
        'Error from server (Forbidden): persistentvolumeclaims is forbidden: User "viewer" cannot list resource "persistentvolumeclaims" in API group "" in the namespace "checkout"',
      );
      expect(
        (await as('auth', 'can-i', 'delete', 'pvc', '-n', 'payments')).stdout,
      ).toBe('no\n');
      expect(
        (await as('auth', 'can-i', 'list', 'pvc', '-n', 'payments')).stdout,
      ).toBe('yes\n');
    } finally {
      await secured.close();
    }
    // Generating the CA's RSA key takes seconds on a busy machine.
  }, 30_000);
});
