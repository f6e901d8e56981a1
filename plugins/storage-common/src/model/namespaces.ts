/**
 * Namespaces that belong to the cluster and its add-ons, never to a team:
 * the backend's default `storage.namespaces.deny`, and what the browser
 * refuses before asking it.
 */
export const DEFAULT_DENIED_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'amazon-cloudwatch',
  'aws-observability',
  'karpenter',
  'cert-manager',
];
