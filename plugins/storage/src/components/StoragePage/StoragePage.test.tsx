import { screen } from '@testing-library/react';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Route, Routes } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { wasteResponse } from '../../__testUtils__/consoleFixtures';
import { claimDetail, offerings } from '../../__testUtils__/fixtures';
import {
  HttpResponse,
  StorageApis,
  http,
  server,
  url,
} from '../../__testUtils__/server';
import { StoragePage } from './StoragePage';

registerMswTestHooks(server);
jest.setTimeout(30_000);

function renderAt(path: string) {
  return renderInTestApp(
    <StorageApis>
      <Routes>
        <Route path="/storage/*" element={<StoragePage />} />
      </Routes>
    </StorageApis>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/storage': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('StoragePage', () => {
  it('shows the console section the address names', async () => {
    server.use(
      http.get(url('/fleet/waste'), () => HttpResponse.json(wasteResponse())),
    );
    await renderAt('/storage/waste');
    expect(
      await screen.findByRole('heading', { name: 'Waste', level: 2 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Waste' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('keeps a claim’s page under claims/:cluster/:namespace/:name', async () => {
    const detail = claimDetail();
    server.use(
      http.get(url('/offerings'), () =>
        HttpResponse.json({ items: offerings }),
      ),
      http.get(
        url(`/claims/${detail.cluster}/${detail.namespace}/${detail.name}`),
        () => HttpResponse.json(detail),
      ),
    );
    await renderAt(
      `/storage/claims/${detail.cluster}/${detail.namespace}/${detail.name}`,
    );
    expect(
      await screen.findByRole('link', { name: 'Storage console' }),
    ).toHaveAttribute('href', '/storage');
    expect(
      screen.queryByRole('tab', { name: 'Waste' }),
    ).not.toBeInTheDocument();
  });
});
