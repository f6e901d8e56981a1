import {
  loadTemplate,
  useStorageScaffolder,
} from '../__testUtils__/storageScaffolder';

jest.setTimeout(60_000);

describe('request-storage template', () => {
  const { dryRun, storageApi } = useStorageScaffolder();
  const template = loadTemplate('request-storage');
  const values = {
    entityRef: 'component:default/payments-api',
    workload: 'database',
    offering: 'ebs-gp3',
    size: '20Gi',
    accessMode: 'ReadWriteOnce',
    placement: { cluster: 'eks-dev', namespace: 'payments' },
    claimName: 'ledger-data',
  };

  it('explore', async () => {
    const res = await dryRun(template, values);
    console.log(res.status, JSON.stringify(res.body, null, 2).slice(0, 4000));
    const bad = await dryRun(template, {
      ...values,
      accessMode: 'ReadWriteMany',
    });
    console.log(bad.status, JSON.stringify(bad.body, null, 2).slice(0, 3000));
    const list = await storageApi().get(
      '/requests?entityRef=component:default/payments-api',
    );
    console.log(list.status, JSON.stringify(list.body));
  });
});
