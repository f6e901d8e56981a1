import { Entity } from '@backstage/catalog-model';

/** The example catalog's payments-api component, for tests and the dev app. */
export const paymentsApiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: {
      'backstage.io/kubernetes-id': 'payments-api',
      'backstage.io/kubernetes-namespace': 'payments',
    },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};
