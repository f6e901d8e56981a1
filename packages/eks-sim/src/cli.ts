/**
 * `eks-sim`: runs one simulated EKS cluster until interrupted.
 *
 *   yarn eks-sim --port 7100 --scenario demo --kubeconfig eks-dev.kubeconfig --cluster-name eks-dev
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { parseAuthPolicy } from './api/auth';
import { SCENARIOS, ScenarioName } from './scenarios';
import { startEksSim } from './sim';

const USAGE = `Usage: eks-sim [options]

  --port <n>               port on 127.0.0.1 (0 picks a free one; default 0)
  --scenario <name>        ${SCENARIOS.join(' | ')} (default: demo)
  --cluster-name <name>    cluster name in the kubeconfig (default: eks-sim)
  --kubeconfig <file>      write a kubeconfig for this cluster to <file>
  --https                  serve HTTPS with a generated CA (in the kubeconfig)
  --auth-file <file>       YAML/JSON tokens and rules; default: anonymous full access
  --token <token>          token to put in the kubeconfig (with --auth-file)
  --delays <preset>        fast | demo (default: demo)
  --uninstall-driver <d>   start without a CSI driver (repeatable)
  --deny-iam <d>           start with a driver's IAM denied (repeatable)
  --error-rate <0..1>      answer this fraction of API requests with an error
  --error-status <code>    429 or 500 (default 500)
  --latency-ms <n>         add latency to every API request
  -h, --help               show this help
`;

function fail(message: string): never {
  process.stderr.write(`eks-sim: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function numberOption(value: string | undefined, name: string) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) fail(`--${name} must be a number`);
  return n;
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        scenario: { type: 'string' },
        'cluster-name': { type: 'string' },
        kubeconfig: { type: 'string' },
        https: { type: 'boolean' },
        'auth-file': { type: 'string' },
        token: { type: 'string' },
        delays: { type: 'string' },
        'uninstall-driver': { type: 'string', multiple: true },
        'deny-iam': { type: 'string', multiple: true },
        'error-rate': { type: 'string' },
        'error-status': { type: 'string' },
        'latency-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const scenario = (values.scenario ?? 'demo') as ScenarioName;
  if (!SCENARIOS.includes(scenario))
    fail(`unknown scenario "${values.scenario}"`);
  const delays = values.delays ?? 'demo';
  if (delays !== 'fast' && delays !== 'demo')
    fail('--delays must be fast or demo');
  const port = numberOption(values.port, 'port') ?? 0;
  const errorStatus = numberOption(values['error-status'], 'error-status');
  if (errorStatus !== undefined && errorStatus !== 429 && errorStatus !== 500)
    fail('--error-status must be 429 or 500');

  let auth;
  if (values['auth-file']) {
    try {
      auth = parseAuthPolicy(
        parseYaml(readFileSync(values['auth-file'], 'utf8')),
      );
    } catch (error) {
      fail(`cannot read ${values['auth-file']}: ${(error as Error).message}`);
    }
  }

  const sim = await startEksSim({
    port,
    scenario,
    clusterName: values['cluster-name'],
    https: values.https,
    auth,
    kubeconfigToken: values.token,
    delays,
    faults: {
      uninstalledDrivers: values['uninstall-driver'],
      iamDeniedDrivers: values['deny-iam'],
      errorRate: numberOption(values['error-rate'], 'error-rate'),
      errorStatus: errorStatus as 429 | 500 | undefined,
      latencyMs: numberOption(values['latency-ms'], 'latency-ms'),
    },
  });
  if (values.kubeconfig) {
    writeFileSync(values.kubeconfig, sim.kubeconfig, { mode: 0o600 });
  }
  process.stdout.write(`eks-sim listening on ${sim.url}\n`);
  if (values.kubeconfig) {
    process.stdout.write(
      `kubeconfig for ${sim.clusterName} written to ${values.kubeconfig}\n`,
    );
  }
  const stop = () => {
    sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(
    `eks-sim: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
