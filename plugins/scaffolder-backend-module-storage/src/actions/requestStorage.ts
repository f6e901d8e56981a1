import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ACCESS_MODES,
  AccessMode,
  StorageApi,
  StorageApiError,
  StorageClient,
  WORKLOADS,
  Workload,
} from '@eks-storage/backstage-plugin-storage-common';

/** The catalogue's lists as the non-empty tuples zod's enum takes. */
type NonEmpty<T> = [T, ...T[]];

/**
 * The StorageApi a task uses, calling the storage backend as the user who
 * ran the template, so permissions and audit name that user.
 */
export type StorageApiForCredentials = (
  credentials: BackstageCredentials,
) => StorageApi;

export function storageApiFactory(
  auth: AuthService,
  discovery: DiscoveryService,
): StorageApiForCredentials {
  return credentials =>
    new StorageClient({
      discoveryApi: discovery,
      fetchApi: {
        fetch: async (input, init) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'storage',
          });
          return fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: `Bearer ${token}` },
          });
        },
      },
    });
}

/**
 * `storage:request`: asks for new storage for a component, as the request
 * dialog does. Policy decides; the task does not wait for the claim to bind.
 */
export function createRequestStorageAction(
  storageFor: StorageApiForCredentials,
) {
  return createTemplateAction({
    id: 'storage:request',
    description:
      'Requests persistent storage (EBS, EFS, FSx, S3, ONTAP) for a component; policy approves it or queues it for the platform team.',
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe('The component, e.g. component:default/payments-api'),
        cluster: z => z.string().describe('Cluster name, as configured'),
        namespace: z => z.string().describe('Namespace of the component'),
        claimName: z =>
          z.string().describe('Name of the PersistentVolumeClaim'),
        offering: z => z.string().describe('Offering id, e.g. ebs-gp3'),
        size: z => z.string().describe('Kubernetes quantity, e.g. 20Gi'),
        accessMode: z => z.enum(ACCESS_MODES as NonEmpty<AccessMode>),
        workload: z => z.enum(WORKLOADS as NonEmpty<Workload>).optional(),
        justification: z => z.string().optional(),
      },
      output: {
        requestId: z => z.string().optional(),
        status: z => z.string(),
        monthlyCostUsd: z => z.number().optional(),
      },
    },
    async handler(ctx) {
      const storage = storageFor(await ctx.getInitiatorCredentials());
      const request = {
        operation: 'create' as const,
        ...ctx.input,
        // The task id keeps a retried step from asking twice.
        requestId: `task-${ctx.task.id}`
          .slice(0, 63)
          .replace(/[^a-z0-9-]/gi, '-'),
      };
      try {
        if (ctx.isDryRun) {
          const validation = await storage.validateRequest(request);
          const errors = validation.findings.filter(
            f => f.severity === 'error',
          );
          if (errors.length) {
            throw new Error(
              errors.map(f => `${f.field}: ${f.message}`).join('; '),
            );
          }
          ctx.output('status', 'valid');
          return;
        }
        const {
          request: stored,
          cost,
          findings,
        } = await storage.submitRequest(request);
        for (const finding of findings.filter(f => f.severity !== 'error')) {
          ctx.logger.info(
            `${finding.severity}: ${finding.message} ${finding.fix}`,
          );
        }
        ctx.logger.info(
          `Storage request ${stored.id} for ${stored.namespace}/${stored.claimName} is ${stored.status}`,
        );
        ctx.output('requestId', stored.id);
        ctx.output('status', stored.status);
        if (cost?.totalMonthlyUsd !== undefined) {
          ctx.output('monthlyCostUsd', cost.totalMonthlyUsd);
        }
      } catch (error) {
        if (error instanceof StorageApiError && error.findings.length) {
          throw new Error(
            `The storage request was refused: ${error.findings
              .filter(f => f.severity === 'error')
              .map(f => `${f.field}: ${f.message} (${f.fix})`)
              .join('; ')}`,
          );
        }
        throw error;
      }
    },
  });
}
