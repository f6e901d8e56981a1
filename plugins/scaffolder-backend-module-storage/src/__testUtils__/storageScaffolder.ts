import { readFileSync, readdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// The tests run the real storage backend beside the scaffolder, as the demo
// does; the module itself only talks to it over HTTP.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import storagePlugin from '@eks-storage/backstage-plugin-storage-backend';
import { EksSim, startEksSim } from '@eks-storage/eks-sim';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleStorage from '..';
import { createStorageActions } from '../actions';

/** The repository's root, for the demo's config and the shipped templates. */
export const REPO_ROOT = resolve(__dirname, '../../../..');
export const TEMPLATES = resolve(__dirname, '../../templates');

/** The people of the example organisation the tests act as. */
export const people = {
  /** A developer in team-payments, the demo's guest. */
  developer: 'user:default/guest',
  /** A platform-team member, who approves. */
  approver: 'user:default/priya',
} as const;

const component = (name: string, namespace: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': name,
      'backstage.io/kubernetes-namespace': namespace,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner },
  // As the catalog's processors add it: ownership is read from relations.
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

/** A small catalog shaped as the demo's examples. */
export const entities: Entity[] = [
  component('payments-api', 'payments', 'group:default/team-payments'),
  component('checkout-web', 'checkout', 'group:default/team-payments'),
  ...['team-payments', 'platform-team'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  })),
  ...[
    ['guest', 'team-payments'],
    ['priya', 'platform-team'],
  ].map(([name, group]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: [`group:default/${group}`] },
  })),
];

/**
 * The demo's own `storage` settings (offerings and approval rules), so the
 * templates are tested against what the demo offers, with one extra rule
 * that denies, which the demo does not have.
 */
export function demoStorageConfig() {
  const config = parse(
    readFileSync(resolve(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  const storage = config.storage;
  return {
    appBaseUrl: config.app.baseUrl as string,
    storage: {
      ...storage,
      approvals: {
        ...storage.approvals,
        rules: [
          {
            name: 'no-ontap-in-dev',
            description: 'ONTAP is not offered in eks-dev',
            match: { clusters: ['eks-dev'], offerings: ['ontap-nas'] },
            outcome: 'deny',
          },
          ...storage.approvals.rules,
        ],
      },
    },
  };
}

/** A shipped template as the JSON entity the dry-run API takes. */
export function loadTemplate(name: string) {
  return parse(readFileSync(resolve(TEMPLATES, name, 'template.yaml'), 'utf8'));
}

/** A shipped template as the catalog holds it, read from its file. */
export function catalogTemplate(name: string): Entity {
  const template = loadTemplate(name);
  return {
    ...template,
    metadata: {
      ...template.metadata,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${resolve(
          TEMPLATES,
          name,
          'template.yaml',
        )}`,
      },
    },
  };
}

/**
 * A template's own files (its skeleton), as the dry-run API takes them: the
 * dry run has no catalog location to fetch them from.
 */
export function templateFiles(name: string) {
  const root = resolve(TEMPLATES, name);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : [join(dir, entry.name)],
    );
  return walk(root)
    .filter(file => !file.endsWith('template.yaml'))
    .map(file => ({
      path: relative(root, file),
      base64Content: readFileSync(file).toString('base64'),
    }));
}

/**
 * One backend as the demo runs it: the real scaffolder with this module,
 * the storage backend against a simulated EKS cluster (eks-dev), and a
 * catalog. Started before the calling block's tests, stopped after them.
 */
export function useStorageScaffolder() {
  const env = {} as {
    sim: EksSim;
    backend: Awaited<ReturnType<typeof startTestBackend>>;
    baseUrl: string;
    appBaseUrl: string;
  };
  beforeAll(async () => {
    env.sim = await startEksSim({ scenario: 'empty', clusterName: 'eks-dev' });
    const { appBaseUrl, storage } = demoStorageConfig();
    env.appBaseUrl = appBaseUrl;
    env.backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleStorage,
        storagePlugin,
        catalogServiceMock.factory({
          entities: [...entities, catalogTemplate('request-storage')],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: appBaseUrl },
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'eks-dev',
                      url: env.sim.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'test',
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
            storage,
          },
        }),
      ],
    });
    const { port } = env.backend.server.address() as AddressInfo;
    env.baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await env.backend?.stop();
    await env.sim?.close();
  });

  const agent = () => request(env.backend.server);
  /** Calls the storage API as a person. */
  const storageApi = (user: string = people.developer) => ({
    get: (path: string) =>
      agent()
        .get(`/api/storage${path}`)
        .set('Authorization', mockCredentials.user.header(user)),
    post: (path: string, body: object) =>
      agent()
        .post(`/api/storage${path}`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body),
  });
  /** The scaffolder's dry run of a template, as a person. */
  const dryRun = (
    template: unknown,
    values: object,
    directoryContents: Array<{ path: string; base64Content: string }> = [],
    user: string = people.developer,
  ) =>
    agent()
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header(user))
      .send({ template, values, secrets: {}, directoryContents });
  /** Runs a template from the catalog as a real task, as a person. */
  const runTask = async (
    templateRef: string,
    values: object,
    user: string = people.developer,
  ) => {
    const auth = mockCredentials.user.header(user);
    const created = await agent()
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', auth)
      .send({ templateRef, values });
    if (created.status !== 201) {
      throw new Error(`Task not created: ${JSON.stringify(created.body)}`);
    }
    for (let attempt = 0; attempt < 300; attempt++) {
      const { body } = await agent()
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', auth);
      if (['completed', 'failed', 'cancelled'].includes(body.status)) {
        // The task's output comes with its completion event.
        const events = await agent()
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set('Authorization', auth);
        const completion = events.body.find(
          (e: { type: string }) => e.type === 'completion',
        );
        return { status: body.status, output: completion?.body.output };
      }
      await new Promise(done => setTimeout(done, 100));
    }
    throw new Error(`Task ${created.body.id} did not finish`);
  };
  /**
   * This module's actions, built as the module builds them, calling the
   * running storage backend over HTTP with tokens for the task's user.
   */
  const actions = (options: { pollIntervalMs?: number } = {}) => {
    const [requestAction, renderAction] = createStorageActions({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: {
        getBaseUrl: async pluginId => `${env.baseUrl}/api/${pluginId}`,
        getExternalBaseUrl: async pluginId => `${env.baseUrl}/api/${pluginId}`,
      },
      config: mockServices.rootConfig({
        data: {
          app: { baseUrl: env.appBaseUrl },
          storage: demoStorageConfig().storage,
        },
      }),
      ...options,
    });
    return { requestAction, renderAction };
  };
  return { env, storageApi, dryRun, runTask, actions };
}
