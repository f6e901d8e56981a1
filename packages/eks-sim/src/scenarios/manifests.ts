/** Manifests the scenarios create: claims and pods of the example catalog's components. */
import { componentLabels } from './baseCluster';

/** A claim of a component, labelled for the catalog. */
export function claim(
  namespace: string,
  component: string,
  name: string,
  storageClassName: string,
  size: string,
  accessModes = ['ReadWriteOnce'],
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace, labels: componentLabels(component) },
    spec: {
      accessModes,
      storageClassName,
      resources: { requests: { storage: size } },
      ...extra,
    },
  };
}

/** A pod of a component that mounts the claims. */
export function pod(
  namespace: string,
  component: string,
  name: string,
  claims: string[],
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: componentLabels(component) },
    spec: {
      containers: [
        {
          name: 'app',
          image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${component}:1.8.2`,
          volumeMounts: claims.map((c, i) => ({
            name: `data-${i}`,
            mountPath: `/data/${c}`,
          })),
        },
      ],
      volumes: claims.map((c, i) => ({
        name: `data-${i}`,
        persistentVolumeClaim: { claimName: c },
      })),
      ...extra,
    },
  };
}
