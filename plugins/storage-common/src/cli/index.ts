/* eslint-disable no-console */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { explainList, formatExplanation } from './explain';
import { formatLintLine, lintFiles } from './lint';

const USAGE = `Usage:
  eks-storage lint <files or folders…> [--format text|json]
      Lint Kubernetes storage manifests (multi-document YAML). Exit code 1 on any error.
  eks-storage explain <file or -> [--format text|json]
      Explain each claim in the JSON of
      kubectl get pvc,pv,storageclass,events,pods,nodes -A -o json`;

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
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

process.exitCode = main(process.argv.slice(2));
