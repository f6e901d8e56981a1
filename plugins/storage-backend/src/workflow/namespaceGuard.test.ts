import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  namespaceProblem,
  namespacesOf,
  readNamespaceRules,
} from './namespaceGuard';

const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    annotations: { 'backstage.io/kubernetes-namespace': 'payments' },
  },
  spec: { owner: 'team-payments' },
};

const rules = readNamespaceRules(
  new ConfigReader({
    storage: {
      namespaces: {
        allow: [
          { owner: 'team-payments', namespaces: ['payments-staging'] },
          { owner: 'group:default/team-payments', namespaces: ['kube-system'] },
        ],
      },
    },
  }),
);

describe('namespace guard', () => {
  it('allows the annotated namespace and those granted to the owner, never a system one', () => {
    expect(namespacesOf(paymentsApi, rules)).toEqual([
      'payments',
      'payments-staging',
    ]);
  });

  it.each([
    ['payments', undefined],
    ['payments-staging', undefined],
    [
      'kube-system',
      "Namespace kube-system is reserved for the cluster: use the namespace in the entity's backstage.io/kubernetes-namespace annotation",
    ],
    [
      'analytics',
      'Namespace analytics does not belong to payments-api: use payments or payments-staging',
    ],
  ])('namespace %s → %s', (namespace, problem) => {
    expect(namespaceProblem(paymentsApi, namespace, rules)).toBe(problem);
  });

  it('explains how to give an entity without a namespace one', () => {
    const bare: Entity = {
      ...paymentsApi,
      metadata: { name: 'tool' },
      spec: { owner: 'team-data' },
    };
    expect(namespaceProblem(bare, 'data', rules)).toBe(
      'tool has no namespace: add the backstage.io/kubernetes-namespace annotation to the entity, or ask the platform team to allow one for its owner under storage.namespaces.allow',
    );
  });

  it('lets config replace the denied namespaces', () => {
    const open = readNamespaceRules(
      new ConfigReader({ storage: { namespaces: { deny: [] } } }),
    );
    const inDefault = {
      ...paymentsApi,
      metadata: {
        name: 'x',
        annotations: { 'backstage.io/kubernetes-namespace': 'default' },
      },
    };
    expect(namespaceProblem(inDefault, 'default', open)).toBeUndefined();
  });
});
