import type { NewStorageRequest } from '../../database/RequestStore';

/** A large io2 claim in production: the request the approval tests decide. */
export const largeIo2Request: NewStorageRequest = {
  id: 'req-1',
  operation: 'create',
  entityRef: 'component:default/payments-api',
  cluster: 'eks-prod',
  namespace: 'payments',
  claimName: 'ledger',
  offeringId: 'ebs-io2',
  spec: { size: '2Ti' },
  manifests: [],
  requestedBy: 'user:default/alice',
};

/** The time the approval tests start at. */
export const T0 = new Date('2026-11-01T00:00:00Z');
