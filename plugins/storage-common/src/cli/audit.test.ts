/**
 * `eks-storage audit` against a simulated EKS cluster: the CLI process reads
 * the demo scenario over HTTP with @kubernetes/client-node and prints the
 * fleet findings. The simulator runs as its own process from the monorepo
 * (packages/eks-sim), so this package needs no dependency on it.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FleetFinding } from '../fleet';
import { auditExitCode, formatAudit } from './auditFormat';

const packageDir = resolve(__dirname, '../..');
const simBin = resolve(packageDir, '../../packages/eks-sim/bin/eks-sim');
const describeWithSim = existsSync(simBin) ? describe : describe.skip;

interface PrintedFinding {
  section: string;
  severity: string;
  code: string;
  object: { kind: string; name: string; namespace?: string };
  title: string;
  fix: string;
  monthlyUsd?: number;
  lastClaim?: { namespace: string; name: string };
}

const audit = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/eks-storage', 'audit', ...args], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 90000,
  });

/** `section severity code Kind/name`, volume names (generated) left out. */
const summary = (finding: PrintedFinding) =>
  `${finding.section} ${finding.severity} ${finding.code} ${
    finding.object.kind
  }/${finding.object.kind === 'PersistentVolume' ? '*' : finding.object.name}`;

describeWithSim('eks-storage audit against eks-sim', () => {
  let dir: string;
  let sim: ChildProcess | undefined;
  let kubeconfig: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eks-storage-audit-'));
    kubeconfig = join(dir, 'eks-dev.kubeconfig');
    const child = spawn(
      process.execPath,
      [
        simBin,
        '--port',
        '0',
        '--scenario',
        'demo',
        '--delays',
        'fast',
        '--cluster-name',
        'eks-dev',
        '--kubeconfig',
        kubeconfig,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    sim = child;
    // The simulator prints its address once the demo scenario has settled.
    await new Promise<void>((ready, fail) => {
      let output = '';
      child.stdout!.on('data', chunk => {
        output += String(chunk);
        if (output.includes('kubeconfig for eks-dev written')) ready();
      });
      child.stderr!.on('data', chunk => {
        output += String(chunk);
      });
      child.on('exit', code =>
        fail(new Error(`eks-sim exited with ${code}: ${output}`)),
      );
    });
  }, 120000);

  afterAll(async () => {
    if (sim && sim.exitCode === null) {
      const exited = new Promise(done => sim!.once('exit', done));
      sim.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the demo cluster’s class health, compliance and waste findings as JSON, exit code 1 on errors', () => {
    const result = audit('--kubeconfig', kubeconfig, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const findings: PrintedFinding[] = JSON.parse(result.stdout);
    expect(findings.map(summary)).toEqual([
      'class-health error class-driver-not-installed StorageClass/ontap-nas',
      'class-health warning immediate-binding-zonal StorageClass/gp3-immediate',
      'class-health warning immediate-binding-zonal StorageClass/gp3-retain',
      'class-health warning in-tree-provisioner StorageClass/gp2',
      'class-health info retain-leaves-volume StorageClass/fsx-lustre-persistent',
      'class-health info retain-leaves-volume StorageClass/gp3-retain',
      'compliance error class-unencrypted StorageClass/gp2',
      'compliance error class-unencrypted StorageClass/gp3-unencrypted',
      'compliance error volume-unencrypted PersistentVolume/*',
      'waste warning released-volume PersistentVolume/*',
      'waste warning snapshot-source-deleted VolumeSnapshot/analytics-reports-2023-final',
      'waste warning unclaimed-volume PersistentVolume/*',
      'waste warning unused-claim PersistentVolumeClaim/payments-exports',
    ]);
    const released = findings.find(f => f.code === 'released-volume')!;
    expect(released).toMatchObject({
      monthlyUsd: 2.4,
      lastClaim: { namespace: 'analytics', name: 'analytics-reports-2023' },
    });
    expect(released.title).toMatch(
      /^Volume pvc-[0-9a-f-]+ \(30Gi\) was left behind by claim analytics\/analytics-reports-2023 \d+ days ago and is still billed \(\$2\.40 a month\)$/,
    );
  });

  it('checks the offerings and rules of an app-config, and prints text', () => {
    const config = join(dir, 'app-config.yaml');
    writeFileSync(
      config,
      [
        'storage:',
        '  fleet:',
        '    compliance:',
        '      ebs: { requireKmsKey: true }',
        '  offerings:',
        '    - id: ebs-fast',
        '      title: Fast block storage',
        '      driver: ebs',
        '      storageClassName: io2-fast',
        '      accessModes: [ReadWriteOnce]',
        '      size: { default: 20Gi }',
      ].join('\n'),
    );
    const result = audit(
      '--kubeconfig',
      kubeconfig,
      '--context',
      'eks-dev',
      '--config',
      config,
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '  ERROR offering-class-missing Offering/ebs-fast\n    Offering "Fast block storage" uses StorageClass io2-fast, which cluster eks-dev does not have',
    );
    expect(result.stdout).toContain(
      '  ERROR class-no-kms-key StorageClass/gp3\n    StorageClass gp3 is encrypted with the AWS managed key, not a customer managed KMS key',
    );
    expect(result.stdout).toMatch(
      /\nWaste\n {2}WARNING released-volume PersistentVolume\/pvc-/,
    );
    expect(result.stdout.trim().split('\n').pop()).toMatch(
      /^eks-dev: \d+ error\(s\), \d+ warning\(s\), 2 info$/,
    );
  });

  it('names what is wrong with its arguments, exit code 2', () => {
    const wrongContext = audit('--kubeconfig', kubeconfig, '--context', 'nope');
    expect(wrongContext.status).toBe(2);
    expect(wrongContext.stderr).toBe(
      `eks-storage audit: context "nope" is not in ${kubeconfig}; it has eks-dev\n`,
    );
    const badConfig = join(dir, 'bad.yaml');
    writeFileSync(
      badConfig,
      'storage:\n  fleet:\n    usage: { resizeAbove: 5 }\n',
    );
    const invalid = audit('--kubeconfig', kubeconfig, '--config', badConfig);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toBe(
      'eks-storage audit: invalid config:\n  storage.fleet.usage.resizeAbove: Too big: expected number to be <=1\n',
    );
    expect(audit().status).toBe(2);
  });
});

describe('auditExitCode and formatAudit', () => {
  const finding = (severity: FleetFinding['severity']): FleetFinding => ({
    id: `eks-dev:x:StorageClass::${severity}`,
    section: 'class-health',
    code: 'x',
    severity,
    cluster: 'eks-dev',
    object: { kind: 'StorageClass', name: severity },
    title: `StorageClass ${severity} has a problem`,
    detail: 'Why it matters.',
    fix: 'What to do.',
  });

  it.each<[FleetFinding['severity'][], 'error' | 'warning' | 'info', number]>([
    [[], 'error', 0],
    [['warning', 'info'], 'error', 0],
    [['warning', 'info'], 'warning', 1],
    [['info'], 'warning', 0],
    [['info'], 'info', 1],
    [['error'], 'error', 1],
  ])('%j failing on %s → %i', (severities, failOn, code) => {
    expect(auditExitCode(severities.map(finding), failOn)).toBe(code);
  });

  it('prints a heading per section and the counts', () => {
    expect(formatAudit('eks-dev', [finding('error')])).toBe(
      [
        'Class health',
        '  ERROR x StorageClass/error',
        '    StorageClass error has a problem',
        '    Why it matters.',
        '    Fix: What to do.',
        '',
        'eks-dev: 1 error(s), 0 warning(s), 0 info',
      ].join('\n'),
    );
    expect(formatAudit('eks-dev', [])).toBe(
      'eks-dev: 0 error(s), 0 warning(s), 0 info',
    );
  });
});
