import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_ARGS, chromiumPath } from './packages/app/e2e-tests/chromium';

// Playwright loads this file in its runner and again in every worker; the
// ports are chosen once and handed down through the environment.
function freePort(): string {
  return execFileSync(process.execPath, [
    '-e',
    'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})',
  ]).toString();
}
process.env.CHROMIUM_PATH ??= chromiumPath();
process.env.E2E_APP_PORT ??= freePort();
process.env.E2E_BACKEND_PORT ??= freePort();
process.env.E2E_EKS_DEV_PORT ??= freePort();
process.env.E2E_EKS_PROD_PORT ??= freePort();

const clusters = [
  { name: 'eks-dev', port: process.env.E2E_EKS_DEV_PORT },
  { name: 'eks-prod', port: process.env.E2E_EKS_PROD_PORT },
];

const appUrl = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
const backendUrl = `http://127.0.0.1:${process.env.E2E_BACKEND_PORT}`;

// The demo's own config, moved to private ports on the loopback interface.
const serverEnv = {
  APP_CONFIG_app_baseUrl: appUrl,
  APP_CONFIG_app_listen_host: '127.0.0.1',
  APP_CONFIG_backend_baseUrl: backendUrl,
  APP_CONFIG_backend_listen_host: '127.0.0.1',
  APP_CONFIG_backend_listen_port: process.env.E2E_BACKEND_PORT,
  APP_CONFIG_backend_cors_origin: appUrl,
  // The demo's clusters, on this run's ports.
  APP_CONFIG_kubernetes_clusterLocatorMethods: JSON.stringify([
    {
      type: 'config',
      clusters: clusters.map(({ name, port }) => ({
        name,
        url: `http://127.0.0.1:${port}`,
        authProvider: 'serviceAccount',
        serviceAccountToken: 'e2e',
        skipTLSVerify: true,
      })),
    },
  ]),
  NODE_ENV: 'development',
  BROWSER: 'none',
};

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/e2e-results.json' }],
  ],
  outputDir: 'test-results/e2e',

  webServer: [
    // Simulated EKS clusters with the demo scenario, at test speed.
    ...clusters.map(({ name, port }) => ({
      command: `node packages/eks-sim/bin/eks-sim --port ${port} --scenario demo --cluster-name ${name} --delays fast`,
      url: `http://127.0.0.1:${port}/version`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    })),
    {
      // The backend as `yarn workspace backend start` runs it (Backstage's
      // TypeScript loader, NODE_ENV=development) but without its file
      // watcher: that restarts the backend whenever a source file it loaded
      // changes, which wipes the in-memory database in the middle of a test.
      command:
        'node --enable-source-maps --require @backstage/cli-node/config/nodeTransform.cjs src/index.ts',
      cwd: 'packages/backend',
      url: `${backendUrl}/.backstage/health/v1/readiness`,
      env: serverEnv,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'yarn workspace app start',
      url: appUrl,
      env: serverEnv,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],

  use: {
    baseURL: appUrl,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
});
