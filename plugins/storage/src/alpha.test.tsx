import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { StorageClient } from '@eks-storage/backstage-plugin-storage-common';
import { registerMswTestHooks } from '@backstage/test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import storagePlugin, { storageEntityCard, storagePage } from './alpha';
import { storageApiRef } from './api';
import { paymentsApiEntity } from './__testUtils__/paymentsApiEntity';
import { claimsResponse, offerings } from './__testUtils__/fixtures';
import { overviewResponse } from './__testUtils__/consoleFixtures';
import {
  BASE_URL,
  HttpResponse,
  http,
  server,
  url,
} from './__testUtils__/server';

registerMswTestHooks(server);

describe('storage plugin for the new frontend system', () => {
  it('provides the API, the entity content and card, and the page', () => {
    expect(storagePlugin.pluginId).toBe('storage');
    for (const id of [
      'api:storage',
      'entity-content:storage',
      'entity-card:storage',
      'page:storage',
      'page:storage/approvals',
      'page:storage/request',
    ]) {
      expect(storagePlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('renders the entity card', async () => {
    server.use(
      http.get(url('/offerings'), () =>
        HttpResponse.json({ items: offerings }),
      ),
      http.get(url('/claims'), () => HttpResponse.json(claimsResponse)),
    );
    const tester = createExtensionTester(storageEntityCard);
    await renderInTestApp(
      <EntityProvider entity={paymentsApiEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [
            storageApiRef,
            new StorageClient({
              discoveryApi: { getBaseUrl: async () => BASE_URL },
              fetchApi: { fetch: (...args) => fetch(...args) },
            }),
          ],
        ],
      },
    );
    expect(await screen.findByText('need attention')).toBeInTheDocument();
    expect(screen.getByText('payments-cache')).toBeInTheDocument();
  });

  it('puts the console in the navigation as Storage, at /storage', async () => {
    server.use(
      http.get(url('/fleet/overview'), () =>
        HttpResponse.json(overviewResponse),
      ),
    );
    const tester = createExtensionTester(storagePage);
    expect(tester.get(coreExtensionData.title)).toBe('Storage');
    expect(tester.get(coreExtensionData.routePath)).toBe('/storage');
    await renderInTestApp(tester.reactElement(), {
      apis: [
        [
          storageApiRef,
          new StorageClient({
            discoveryApi: { getBaseUrl: async () => BASE_URL },
            fetchApi: { fetch: (...args) => fetch(...args) },
          }),
        ],
      ],
    });
    expect(
      await screen.findByRole('navigation', { name: 'Console sections' }),
    ).toBeInTheDocument();
  });
});
