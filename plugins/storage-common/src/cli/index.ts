/* eslint-disable no-console */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditFromKubeconfig } from './audit';
import { auditExitCode, formatAudit } from './auditFormat';
import { explainList, formatExplanation } from './explain';
import { formatLintLine, lintFiles } from './lint';

const USAGE = `Usage:
  eks-storage lint <files or folders…> [--format text|json]
      Lint Kubernetes storage manifests (multi-document YAML). Exit code 1 on any error.
  eks-storage explain <file or -> [--format text|json]
      Explain each claim in the JSON of
      kubectl get pvc,pv,storageclass,events,pods,nodes -A -o json
  eks-storage audit --kubeconfig <file> [--context <name>] [--cluster-name <name>]
                    [--config <app-config.yaml>]… [--fail-on error|warning|info] [--format text|json]
      Class health, compliance and waste findings of a cluster, as the platform console shows them.
      Exit code 1 when a finding is at or above --fail-on (default error).`;

const SEVERITIES = ['error', 'warning', 'info'] as const;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        'cluster-name': { type: 'string' },
        config: { type: 'string', multiple: true },
        'fail-on': { type: 'string', default: 'error' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...paths] = parsed.positionals;
  const json = parsed.values.format === 'json';
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  try {
    if (command === 'audit') {
      const { kubeconfig, context } = parsed.values;
      const failOn = parsed.values['fail-on'] as (typeof SEVERITIES)[number];
      if (!kubeconfig) throw new Error('audit needs --kubeconfig <file>');
      if (!SEVERITIES.includes(failOn))
        throw new Error('--fail-on must be error, warning or info');
      const { cluster, findings } = await auditFromKubeconfig({
        kubeconfig,
        context,
        clusterName: parsed.values['cluster-name'],
        configFiles: parsed.values.config ?? [],
      });
      console.log(
        json
          ? JSON.stringify(findings, null, 2)
          : formatAudit(cluster, findings),
      );
      return auditExitCode(findings, failOn);
    }
    if (command === 'lint') {
      if (paths.length === 0)
        throw new Error('lint needs at least one file or folder');
      const results = lintFiles(paths);
      console.log(
        json
          ? JSON.stringify(results, null, 2)
          : results.map(formatLintLine).join('\n'),
      );
      return results.some(result => result.severity === 'error') ? 1 : 0;
    }
    if (command === 'explain') {
      const source = paths[0] ?? '-';
      const text = readFileSync(source === '-' ? 0 : source, 'utf8');
      const explanations = explainList(JSON.parse(text));
      console.log(
        json
          ? JSON.stringify(explanations, null, 2)
          : explanations.map(formatExplanation).join('\n\n'),
      );
      return explanations.some(e => e.severity === 'error') ? 1 : 0;
    }
  } catch (error) {
    console.error(`eks-storage ${command}: ${(error as Error).message}`);
    return 2;
  }
  console.error(`Unknown command ${command}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(code => {
  process.exitCode = code;
});
