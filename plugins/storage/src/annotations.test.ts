import { Entity } from '@backstage/catalog-model';
import { claimLabelSelector, isStorageAvailable } from './annotations';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: {},
  };
}

describe('claimLabelSelector', () => {
  it.each([
    [{}, undefined],
    [
      { 'backstage.io/kubernetes-id': 'payments-api' },
      'backstage.io/kubernetes-id=payments-api',
    ],
    [{ 'backstage.io/kubernetes-id': '  ' }, undefined],
    [
      {
        'backstage.io/kubernetes-id': 'payments-api',
        'backstage.io/kubernetes-label-selector': 'app=payments,tier=db',
      },
      'app=payments,tier=db',
    ],
  ])('for annotations %j is %s', (annotations, expected) => {
    expect(claimLabelSelector(component(annotations))).toBe(expected);
    expect(isStorageAvailable(component(annotations))).toBe(
      expected !== undefined,
    );
  });
});
