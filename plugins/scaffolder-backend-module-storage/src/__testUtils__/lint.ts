import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

/** The `eks-storage` command of storage-common, as users run it. */
const CLI = resolve(
  dirname(
    require.resolve(
      '@eks-storage/backstage-plugin-storage-common/package.json',
    ),
  ),
  'bin/eks-storage',
);

export interface LintFinding {
  file: string;
  kind: string;
  name: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  field: string;
  message: string;
}

/** Runs `eks-storage lint <paths…> --format json`: its exit code and findings. */
export function lint(...paths: string[]): {
  status: number;
  findings: LintFinding[];
} {
  const result = spawnSync(
    process.execPath,
    [CLI, 'lint', ...paths, '--format', 'json'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`eks-storage lint failed: ${result.stderr}`);
  }
  return { status: result.status, findings: JSON.parse(result.stdout) };
}
