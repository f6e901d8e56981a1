import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entities } from '../__testUtils__/storageBackend';
import { createSignalRouter } from './entityChannels';

describe('signal channels', () => {
  const channelsOf = createSignalRouter(
    catalogServiceMock({ entities }),
    mockServices.auth(),
  );
  const claim = {
    type: 'claim' as const,
    cluster: 'eks-dev',
    namespace: 'payments',
    name: 'data-payments-db-0',
    state: 'bound',
    severity: 'ok',
    headline: 'Bound',
  };

  it('publishes a StatefulSet claim to the entity its label names', async () => {
    expect(
      await channelsOf({
        ...claim,
        labels: { 'backstage.io/kubernetes-id': 'payments-api' },
      }),
    ).toEqual([
      'storage',
      'storage:entity:component:default/payments-api',
      'storage:claim:eks-dev/payments/data-payments-db-0',
    ]);
  });

  it('publishes a claim of no entity to the shared channel and its own', async () => {
    expect(await channelsOf({ ...claim, labels: {} })).toEqual([
      'storage',
      'storage:claim:eks-dev/payments/data-payments-db-0',
    ]);
  });

  it('publishes a request to its entity and to its own channel', async () => {
    expect(
      await channelsOf({
        type: 'request',
        id: 'r-1',
        entityRef: 'component:default/checkout-web',
        operation: 'create',
        status: 'applied',
        cluster: 'eks-dev',
        namespace: 'checkout',
        claimName: 'receipts',
      }),
    ).toEqual([
      'storage',
      'storage:entity:component:default/checkout-web',
      'storage:request:r-1',
      'storage:claim:eks-dev/checkout/receipts',
    ]);
  });
});
