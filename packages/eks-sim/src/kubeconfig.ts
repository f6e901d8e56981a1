/** Kubeconfig documents pointing at a running simulator. */
import { stringify } from 'yaml';

export interface KubeconfigInput {
  clusterName: string;
  server: string;
  /** PEM of the CA for HTTPS servers. */
  caCert?: string;
  /** Bearer token; omitted for anonymous servers. */
  token?: string;
  namespace?: string;
}

export function kubeconfigYaml(input: KubeconfigInput): string {
  const user = input.token ? { token: input.token } : {};
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: input.clusterName,
        cluster: {
          server: input.server,
          // client-node 2.x refuses plain HTTP unless TLS verification is off.
          ...(input.server.startsWith('http:')
            ? { 'insecure-skip-tls-verify': true }
            : {}),
          ...(input.caCert
            ? {
                'certificate-authority-data': Buffer.from(
                  input.caCert,
                ).toString('base64'),
              }
            : {}),
        },
      },
    ],
    users: [{ name: `${input.clusterName}-user`, user }],
    contexts: [
      {
        name: input.clusterName,
        context: {
          cluster: input.clusterName,
          user: `${input.clusterName}-user`,
          ...(input.namespace ? { namespace: input.namespace } : {}),
        },
      },
    ],
    'current-context': input.clusterName,
    preferences: {},
  });
}
