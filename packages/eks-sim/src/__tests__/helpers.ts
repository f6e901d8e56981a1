/** Helpers shared by the integration tests. */
import { EksSim, EksSimOptions, startEksSim } from '../sim';

export async function withSim(options: EksSimOptions = {}): Promise<EksSim> {
  return startEksSim({ scenario: 'empty', ...options });
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `condition not met in ${timeoutMs} ms${
          lastError ? `: ${String(lastError)}` : ''
        }`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

export function pvcManifest(
  name: string,
  storageClassName: string | undefined,
  size = '10Gi',
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      labels: { 'backstage.io/kubernetes-id': 'payments-api' },
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      ...(storageClassName !== undefined ? { storageClassName } : {}),
      resources: { requests: { storage: size } },
      ...extra,
    },
  };
}

export function podManifest(
  name: string,
  claimName: string,
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [{ name: 'app', image: 'busybox:1.36' }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
      ...extra,
    },
  };
}
