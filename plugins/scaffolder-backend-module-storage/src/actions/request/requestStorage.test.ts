import { randomUUID } from 'node:crypto';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  people,
  useStorageScaffolder,
} from '../../__testUtils__/storageScaffolder';
import { requestIdForStep } from './requestId';

jest.setTimeout(60_000);

const ledger = {
  entityRef: 'component:default/payments-api',
  placement: { cluster: 'eks-dev', namespace: 'payments' },
  offering: 'ebs-gp3',
  size: '20Gi',
  accessMode: 'ReadWriteOnce' as const,
  workload: 'database' as const,
};
/** io2 waits for the platform team in the demo (rule io2). */
const io2 = { ...ledger, offering: 'ebs-io2', size: '100Gi' };
const efs = {
  ...ledger,
  offering: 'efs-shared',
  size: '5Gi',
  accessMode: 'ReadWriteMany' as const,
  workload: 'ci-workspace' as const,
};

/** Polls until `check` returns something truthy. */
async function eventually<T>(check: () => Promise<T>, what: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await check();
    if (value) return value;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Checkpoints kept as the scaffolder keeps them in its task state: a
 * recovered task gets the saved value back instead of running `fn` again.
 */
function taskState() {
  const saved = new Map<string, unknown>();
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    async checkpoint({ key, fn }: { key: string; fn: () => Promise<any> }) {
      if (saved.has(key)) return saved.get(key);
      runs++;
      const value = await fn();
      saved.set(key, JSON.parse(JSON.stringify(value ?? {})));
      return value;
    },
  };
}

describe('storage:request', () => {
  const { env, storageApi, actions } = useStorageScaffolder();

  /** Runs the action as the task of the developer; returns its outputs. */
  async function run(
    input: object,
    options: {
      taskId?: string;
      isDryRun?: boolean;
      checkpoint?: ReturnType<typeof taskState>['checkpoint'];
      signal?: AbortSignal;
    } = {},
  ) {
    const { requestAction } = actions({ pollIntervalMs: 100 });
    // createMockActionContext takes input and task; the rest is set here.
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        task: { id: options.taskId ?? randomUUID() },
      }),
      isDryRun: options.isDryRun,
      signal: options.signal,
      getInitiatorCredentials: async () =>
        mockCredentials.user(people.developer),
      ...(options.checkpoint && { checkpoint: options.checkpoint as any }),
    };
    await requestAction.handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls,
    ) as Record<string, any>;
    return { outputs, requestId: requestIdForStep(ctx) };
  }

  const stored = async (id: string) =>
    (await storageApi().get(`/requests/${id}`)).body;

  describe('wait: none', () => {
    it('submits as the user who runs the template and links the request and the Storage tab', async () => {
      const { outputs, requestId } = await run({
        ...ledger,
        claimName: 'orders-data',
      });
      expect(outputs).toMatchObject({
        requestId,
        status: 'approved',
        decision: 'auto-approve',
        timedOut: false,
        claimName: 'orders-data',
        cluster: 'eks-dev',
        namespace: 'payments',
        requestUrl: `${env.appBaseUrl}/storage/requests/${requestId}`,
        storageTabUrl: `${env.appBaseUrl}/catalog/default/component/payments-api/storage`,
      });
      expect(outputs.monthlyCostUsd).toBeGreaterThan(0);
      expect((await stored(requestId)).request).toMatchObject({
        requestedBy: people.developer,
        claimName: 'orders-data',
        offeringId: 'ebs-gp3',
      });
    });

    it("takes the offering's default size when the size is left empty", async () => {
      const { requestId } = await run({
        ...efs,
        size: '',
        claimName: 'defaults',
      });
      expect((await stored(requestId)).request.spec.size).toBe('5Gi');
    });
  });

  describe('wait: bound', () => {
    it('ends Bound when the claim binds at once (EFS)', async () => {
      const { outputs } = await run({
        ...efs,
        claimName: 'ci-cache',
        wait: 'bound',
      });
      expect(outputs).toMatchObject({
        status: 'Bound',
        claimState: 'bound',
        timedOut: false,
      });
      expect(outputs.message).toBe(
        'Bound: payments/ci-cache in eks-dev is ready to mount.',
      );
    });

    it('ends applied when the claim waits for its first pod (WaitForFirstConsumer)', async () => {
      const { outputs } = await run({
        ...ledger,
        claimName: 'cache-data',
        wait: 'bound',
      });
      expect(outputs).toMatchObject({
        status: 'applied',
        claimState: 'waiting-for-consumer',
        timedOut: false,
      });
      expect(outputs.message).toContain('binds when the first pod mounts it');
    });

    it('ends at once, pending, when the request waits for approval', async () => {
      const { outputs } = await run({
        ...io2,
        claimName: 'fast-ledger',
        wait: 'bound',
        timeoutMinutes: 10,
      });
      expect(outputs).toMatchObject({
        status: 'pending-approval',
        timedOut: false,
        approvalRule: 'io2',
        approvers: ['group:default/platform-team'],
      });
    });
  });

  describe('wait: decision', () => {
    it("waits for the approver's decision", async () => {
      const taskId = randomUUID();
      const running = run(
        { ...io2, claimName: 'approved-ledger', wait: 'decision' },
        { taskId },
      );
      const id = requestIdForStep({
        task: { id: taskId },
        step: { id: 'mock-step-id' },
      });
      await eventually(
        async () => (await stored(id)).request?.status === 'pending-approval',
        'the request to wait for approval',
      );
      const approved = await storageApi(people.approver).post(
        `/requests/${id}/approve`,
        { comment: 'Sized for the ledger' },
      );
      expect(approved.status).toBe(200);

      const { outputs } = await running;
      expect(['approved', 'applying', 'applied']).toContain(outputs.status);
      expect(outputs).toMatchObject({
        requestId: id,
        decision: 'require-approval',
        approvalRule: 'io2',
        timedOut: false,
      });
    });

    it('stops waiting at the time limit and says the request waits for approval', async () => {
      const { outputs, requestId } = await run({
        ...io2,
        claimName: 'slow-ledger',
        wait: 'decision',
        timeoutMinutes: 0.02,
      });
      expect(outputs).toMatchObject({
        status: 'pending-approval',
        timedOut: true,
        approvalRule: 'io2',
      });
      expect(outputs.message).toMatch(
        /^Waiting for approval by group:default\/platform-team \(rule io2\): .+ Stopped waiting after 0.02 minute\(s\)/,
      );
      expect((await stored(requestId)).request.status).toBe('pending-approval');
    });

    it('stops when the task is cancelled', async () => {
      const controller = new AbortController();
      const taskId = randomUUID();
      const running = run(
        { ...io2, claimName: 'cancelled-wait', wait: 'decision' },
        { taskId, signal: controller.signal },
      );
      const id = requestIdForStep({
        task: { id: taskId },
        step: { id: 'mock-step-id' },
      });
      await eventually(async () => (await stored(id)).request, 'the request');
      controller.abort();
      await expect(running).rejects.toThrow(
        `The task was cancelled while waiting for storage request ${id}`,
      );
    });
  });

  describe('dry run', () => {
    it('reports the outcome a real run would get, and stores nothing', async () => {
      const { outputs, requestId } = await run(
        { ...io2, claimName: 'dry-ledger' },
        { isDryRun: true },
      );
      expect(outputs).toMatchObject({
        status: 'pending-approval',
        decision: 'require-approval',
        approvalRule: 'io2',
        approvers: ['group:default/platform-team'],
      });
      expect(outputs.monthlyCostUsd).toBeGreaterThan(0);
      expect((await storageApi().get(`/requests/${requestId}`)).status).toBe(
        404,
      );
      const { body } = await storageApi().get(
        `/requests?entityRef=${ledger.entityRef}`,
      );
      expect(
        body.items.filter((r: any) => r.claimName === 'dry-ledger'),
      ).toEqual([]);
    });

    it('reports an auto-approved outcome', async () => {
      const { outputs } = await run(
        { ...ledger, claimName: 'dry-orders' },
        { isDryRun: true },
      );
      expect(outputs).toMatchObject({
        status: 'approved',
        decision: 'auto-approve',
      });
      expect(outputs.approvalRule).toBeUndefined();
    });
  });

  describe('task recovery', () => {
    it('does not submit again when a recovered task runs the step again', async () => {
      const taskId = randomUUID();
      const state = taskState();
      const first = await run(
        { ...ledger, claimName: 'recovered' },
        { taskId, checkpoint: state.checkpoint },
      );
      const again = await run(
        { ...ledger, claimName: 'recovered' },
        { taskId, checkpoint: state.checkpoint },
      );
      expect(state.runs).toBe(1);
      expect(again.outputs.requestId).toBe(first.outputs.requestId);

      // Even without the checkpoint, the request id (the task's) makes the
      // backend return the stored request rather than store another.
      const lost = await run({ ...ledger, claimName: 'recovered' }, { taskId });
      expect(lost.outputs.requestId).toBe(first.outputs.requestId);
      const { body } = await storageApi().get(
        `/requests?entityRef=${ledger.entityRef}`,
      );
      expect(
        body.items.filter((r: any) => r.claimName === 'recovered'),
      ).toHaveLength(1);
    });
  });

  describe('refusals', () => {
    it('names the field and the fix when validation refuses', async () => {
      await expect(
        run({ ...ledger, claimName: 'shared', accessMode: 'ReadWriteMany' }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /^The storage request was refused: accessMode: .*ReadWriteMany.* \(fix: .+\)/,
        ),
      });
      await expect(
        run({
          ...ledger,
          claimName: 'elsewhere',
          placement: { cluster: 'eks-dev', namespace: 'checkout' },
        }),
      ).rejects.toThrow(/namespace: .* \(fix: .+\)/);
      await expect(
        run({ ...ledger, claimName: 'restored', restoreFrom: 'nightly' }),
      ).rejects.toThrow(/nightly/);
      const { body } = await storageApi().get(
        `/requests?entityRef=${ledger.entityRef}`,
      );
      expect(
        body.items.filter((r: any) =>
          ['shared', 'elsewhere', 'restored'].includes(r.claimName),
        ),
      ).toEqual([]);
    });

    it('names the rule when policy denies', async () => {
      await expect(
        run({
          ...ledger,
          claimName: 'nas',
          offering: 'ontap-nas',
          size: '50Gi',
          workload: 'shared-files',
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          'The storage request was refused by policy (rule no-ontap-in-dev): ONTAP is not offered in eks-dev',
        ),
      });
    });

    it('refuses input that contradicts itself before asking the backend', async () => {
      await expect(
        run({ ...ledger, claimName: 'split', cluster: 'eks-prod' }),
      ).rejects.toThrow(
        'The storage input was refused: cluster: "eks-prod" disagrees with placement.cluster "eks-dev" (fix: Give cluster or placement, not both)',
      );
      await expect(
        run({
          ...ledger,
          claimName: 'long',
          wait: 'decision',
          timeoutMinutes: 60,
        }),
      ).rejects.toThrow(/^timeoutMinutes: must be more than 0 and at most 10/);
    });
  });
});
