import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  StorageApi,
  StorageApiError,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { createRequestStorageAction } from './requestStorage';

const input = {
  entityRef: 'component:default/payments-api',
  cluster: 'eks-dev',
  namespace: 'payments',
  claimName: 'ledger-data',
  offering: 'ebs-gp3',
  size: '20Gi',
  accessMode: 'ReadWriteOnce' as const,
};

/** A StorageApi that records what it was asked and answers as told. */
function storageApi(answer: Partial<StorageApi>) {
  const calls: unknown[] = [];
  const api = new Proxy({} as StorageApi, {
    get: (_, name: keyof StorageApi) => async (arg: unknown) => {
      calls.push([name, arg]);
      return (answer[name] as (a: unknown) => unknown)(arg);
    },
  });
  return { api, calls };
}

describe('storage:request', () => {
  it('submits a create request for the template user, once per task', async () => {
    const { api, calls } = storageApi({
      submitRequest: async () =>
        ({
          request: {
            id: 'task-abc',
            status: 'approved',
            namespace: 'payments',
            claimName: 'ledger-data',
          },
          findings: [],
          cost: { totalMonthlyUsd: 1.6 },
        } as unknown as SubmitResponse),
    });
    const action = createRequestStorageAction(() => api);
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);

    expect(calls).toEqual([
      [
        'submitRequest',
        {
          operation: 'create',
          ...input,
          requestId: expect.stringMatching(/^task-/),
        },
      ],
    ]);
    expect(ctx.output).toHaveBeenCalledWith('requestId', 'task-abc');
    expect(ctx.output).toHaveBeenCalledWith('status', 'approved');
    expect(ctx.output).toHaveBeenCalledWith('monthlyCostUsd', 1.6);
  });

  it('fails the step with each refused field and its fix', async () => {
    const { api } = storageApi({
      submitRequest: async () => {
        throw new StorageApiError('invalid', 400, [
          {
            severity: 'error',
            field: 'accessMode',
            code: 'x',
            message: 'EBS cannot be shared',
            fix: 'Use EFS.',
          },
        ]);
      },
    });
    const action = createRequestStorageAction(() => api);
    await expect(
      action.handler(createMockActionContext({ input })),
    ).rejects.toThrow(
      'The storage request was refused: accessMode: EBS cannot be shared (Use EFS.)',
    );
  });

  it('only validates in a dry run', async () => {
    const { api, calls } = storageApi({
      validateRequest: async () => ({
        findings: [],
        manifests: [],
        manifestsYaml: '',
      }),
    });
    const action = createRequestStorageAction(() => api);
    const ctx = { ...createMockActionContext({ input }), isDryRun: true };
    await action.handler(ctx);
    expect(calls.map(c => (c as unknown[])[0])).toEqual(['validateRequest']);
    expect(ctx.output).toHaveBeenCalledWith('status', 'valid');
  });
});
