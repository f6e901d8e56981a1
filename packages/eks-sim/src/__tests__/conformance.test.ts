/**
 * Conformance: one storage lifecycle (typed reads, selectors, paging across
 * a concurrent write, watch from a list's resourceVersion through Bound, 410
 * after compaction and relist, patch types, conflicts, finalizers and
 * protection, snapshot and restore, delete semantics) driven by three
 * independent official clients, each against its own simulator, checked
 * against one set of expectations of kube-apiserver 1.32 (./conformance/report.ts).
 *
 * kubectl and the Python client are found on the machine; where one is
 * missing its suite skips with a message, except under CI, where a missing
 * Python client fails (scripts/test.sh installs Debian's python3-kubernetes).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EksSim } from '../sim';
import { withSim } from './helpers';
import { clientNodeLifecycle } from './conformance/clientNodeLifecycle';
import { kubectlLifecycle } from './conformance/kubectlLifecycle';
import { expectLifecycle } from './conformance/report';

jest.setTimeout(120_000);

const run = promisify(execFile);

function onPath(command: string): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${command}`], {
        encoding: 'utf8',
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

function importsKubernetes(python: string) {
  try {
    execFileSync(python, ['-c', 'import kubernetes'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A Python that can import the client: PYTHON_KUBERNETES (set by
 * scripts/test.sh), else python3 on PATH, else the interpreter Debian's
 * python3 package installs (a pyenv or venv python3 may shadow it).
 */
function findPython(): string | undefined {
  const debian = (() => {
    try {
      return execFileSync('dpkg-query', ['-L', 'python3-minimal'], {
        encoding: 'utf8',
      })
        .split('\n')
        .filter(p => /\/bin\/python3$/.test(p));
    } catch {
      return [];
    }
  })();
  return [process.env.PYTHON_KUBERNETES, 'python3', ...debian]
    .filter((p): p is string => Boolean(p))
    .find(importsKubernetes);
}

const KUBECTL = onPath('kubectl');
const PYTHON = findPython();

async function withClientSim<T>(fn: (sim: EksSim, dir: string) => Promise<T>) {
  const sim = await withSim({ scenario: 'empty' });
  const dir = mkdtempSync(join(tmpdir(), 'eks-sim-conformance-'));
  writeFileSync(join(dir, 'config'), sim.kubeconfig, { mode: 0o600 });
  try {
    return await fn(sim, dir);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeKubectl = KUBECTL ? describe : describe.skip;
const describePython = PYTHON || process.env.CI ? describe : describe.skip;

if (!KUBECTL) {
  // eslint-disable-next-line no-console
  console.warn('conformance: kubectl not found on PATH, its lifecycle skipped');
}
if (!PYTHON && !process.env.CI) {
  // eslint-disable-next-line no-console
  console.warn(
    'conformance: the Python Kubernetes client is missing (apt-get install python3-kubernetes), its lifecycle skipped',
  );
}

describe('conformance: @kubernetes/client-node', () => {
  it('client-node drives the storage lifecycle as kube-apiserver 1.32 answers it', async () => {
    const report = await withClientSim(sim =>
      clientNodeLifecycle(sim.kubeConfig, 'conf-node'),
    );
    expect(report.typedReads).toBeDefined();
    expectLifecycle(report);
  });
});

describeKubectl('conformance: kubectl', () => {
  it('kubectl drives the storage lifecycle as kube-apiserver 1.32 answers it', async () => {
    const report = await withClientSim((_sim, dir) =>
      kubectlLifecycle(KUBECTL!, dir, 'conf-kubectl'),
    );
    expect(report.typedReads).toBeDefined();
    expectLifecycle(report);
  });
});

describePython(
  'conformance: the official Python client (python3-kubernetes)',
  () => {
    it('the Python client drives the storage lifecycle as kube-apiserver 1.32 answers it', async () => {
      // Under CI a missing client fails instead of skipping.
      if (!PYTHON) {
        throw new Error(
          "the Python Kubernetes client is missing: install Debian's python3-kubernetes (scripts/test.sh does)",
        );
      }
      const script = resolve(__dirname, '../../conformance/python_client.py');
      const report = await withClientSim(async (_sim, dir) => {
        const { stdout } = await run(
          PYTHON,
          [
            script,
            '--kubeconfig',
            join(dir, 'config'),
            '--namespace',
            'conf-py',
          ],
          { timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
        );
        return JSON.parse(stdout);
      });
      expect(report.typedReads).toBeDefined();
      expectLifecycle(report);
    });
  },
);
