import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { paymentsApiEntity as entity } from '../../__testUtils__/paymentsApiEntity';
import {
  claimDetail,
  claimsResponse,
  dbClaim,
  emptyClaimsResponse,
  offerings,
  request,
  requestDetail,
} from '../../__testUtils__/fixtures';
import {
  HttpResponse,
  StorageApis,
  errorResponse,
  http,
  server,
  url,
} from '../../__testUtils__/server';
import { EntityStorageContent } from './EntityStorageContent';

// Material UI tables and selects are slow to drive on a busy machine.
jest.setTimeout(30_000);

registerMswTestHooks(server);

function render() {
  return renderInTestApp(
    <StorageApis>
      <EntityProvider entity={entity}>
        <EntityStorageContent />
      </EntityProvider>
    </StorageApis>,
  );
}

function serve(claims = claimsResponse) {
  server.use(
    http.get(url('/offerings'), () => HttpResponse.json({ items: offerings })),
    http.get(url('/claims'), ({ request: req }) => {
      expect(new URL(req.url).searchParams.get('entityRef')).toBe(
        'component:default/payments-api',
      );
      return HttpResponse.json(claims);
    }),
    http.get(url('/requests/req-1'), () =>
      HttpResponse.json(
        requestDetail({
          request: request(),
          approval: {
            requirement: {
              rule: 'io2-volumes',
              reason: 'io2 volumes cost more than $50/mo',
              approvers: ['group:default/platform-team'],
              mode: 'any',
              minApprovals: 1,
              expiresAt: '2026-01-19T08:00:00Z',
              remindAt: '2026-01-15T20:00:00Z',
            },
            votes: [],
          },
        }),
      ),
    ),
  );
}

describe('EntityStorageContent', () => {
  it('explains what storage is available when there is none yet', async () => {
    serve(emptyClaimsResponse);
    await render();
    expect(await screen.findByText('No storage yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Looking for claims labelled backstage.io/kubernetes-id=payments-api in namespace payments.',
      ),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Storage offerings' });
    expect(
      within(list).getByText('Block storage (EBS gp3)'),
    ).toBeInTheDocument();
    expect(within(list).getByText(/\$1\.60\/mo at 20Gi/)).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Request storage' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Request storage' }),
    ).toBeInTheDocument();
  });

  it('lists claims and requests with their state, headline, fix and cost', async () => {
    serve();
    await render();
    expect(
      await screen.findByRole('link', { name: 'data-payments-db-0' }),
    ).toHaveAttribute('href', '/eks-dev/payments/data-payments-db-0');
    expect(screen.getByText('Storage (5)')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^4 claims, 1 request on the way, 1 needs attention · \$\d+\.\d\d\/mo \+ storage billed by use$/,
      ),
    ).toBeInTheDocument();

    // The broken claim: error chip, headline and the fix.
    expect(
      screen.getByText(/Pod payments-cache-0 cannot be scheduled/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Remove the nodeSelector that pins payments-cache-0/),
    ).toBeInTheDocument();

    // The request that is not in a cluster yet.
    expect(
      screen.getByRole('link', { name: 'payments-queue' }),
    ).toHaveAttribute('href', '/storage/requests/req-1');
    expect(screen.getByText('Waiting for approval')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Request of payments/payments-queue is waiting for approval by platform-team',
      ),
    ).toBeInTheDocument();

    expect(screen.getByText('Waiting for a pod')).toBeInTheDocument();
    expect(screen.getAllByText('$1.60/mo').length).toBeGreaterThan(0);
    expect(screen.getByText('$0.30/GiB-mo, by use')).toBeInTheDocument();
    expect(screen.getByText('not provisioned')).toBeInTheDocument();
  });

  it('shows how full each claim is and when it expires', async () => {
    const soon = new Date(Date.now() + 5 * 3_600_000 + 60_000).toISOString();
    serve({
      ...claimsResponse,
      items: claimsResponse.items.map(c =>
        c.name === dbClaim.name
          ? {
              ...c,
              usage: {
                usedBytes: 17 * 2 ** 30,
                capacityBytes: 20 * 2 ** 30,
                usedFraction: 0.85,
                observedAt: '2026-03-02T11:55:00Z',
              },
              expiresAt: soon,
            }
          : c,
      ),
    });
    await render();
    const row = (
      await screen.findByRole('link', { name: dbClaim.name })
    ).closest('tr') as HTMLElement;
    expect(
      within(row).getByRole('progressbar', {
        name: '85% used: 17 GiB of 20 GiB',
      }),
    ).toBeInTheDocument();
    expect(within(row).getByText('expires in 5 hours')).toBeInTheDocument();
  });

  it('shows a request waiting for approval with its rule and a link to its page', async () => {
    serve();
    await render();
    expect(
      await screen.findByTestId('storage-row-approval-req-1'),
    ).toHaveTextContent('Rule io2-volumes: io2 volumes cost more than $50/mo');
    expect(screen.getByText('Waiting for approval')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View request' })).toHaveAttribute(
      'href',
      '/storage/requests/req-1',
    );
  });

  it('filters by status, cluster and driver', async () => {
    serve();
    await render();
    await screen.findByRole('link', { name: 'data-payments-db-0' });

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Needs attention' }),
    );
    await waitFor(() =>
      expect(screen.getByText('Storage (1 of 5)')).toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'payments-cache' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'data-payments-db-0' }),
    ).toBeNull();

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await userEvent.click(screen.getByLabelText('Cluster'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'eks-prod' }),
    );
    await waitFor(() =>
      expect(screen.getByText('Storage (1 of 5)')).toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'payments-archive' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Cluster'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await userEvent.click(screen.getByLabelText('Driver'));
    await userEvent.click(await screen.findByRole('option', { name: 'EFS' }));
    await waitFor(() =>
      expect(screen.getByText('Storage (1 of 5)')).toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'checkout-receipts' }),
    ).toBeInTheDocument();
  });

  it('shows the backend error when the claims cannot be read', async () => {
    server.use(
      http.get(url('/offerings'), () => HttpResponse.json({ items: [] })),
      http.get(url('/claims'), () =>
        errorResponse(
          403,
          'You may not read the storage of payments-api: ask one of its owners',
        ),
      ),
    );
    await render();
    expect(
      (
        await screen.findAllByText(
          /You may not read the storage of payments-api/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('warns about clusters that are not connected', async () => {
    serve({
      ...claimsResponse,
      clusters: [{ name: 'eks-prod', synced: false, claims: 0 }],
    });
    await render();
    expect(
      await screen.findByText(/Cluster eks-prod is not connected/),
    ).toBeInTheDocument();
  });

  it('opens a claim page under the tab, with a link back', async () => {
    serve();
    server.use(
      http.get(url('/claims/eks-dev/payments/data-payments-db-0'), () =>
        HttpResponse.json(claimDetail()),
      ),
    );
    await render();
    await userEvent.click(
      await screen.findByRole('link', { name: 'data-payments-db-0' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'data-payments-db-0' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Storage of payments-api/ }),
    ).toBeInTheDocument();
  });
});
