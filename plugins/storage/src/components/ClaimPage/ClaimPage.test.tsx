import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import {
  cacheClaim,
  claimDetail,
  offerings,
  receiptsClaim,
  request,
} from '../../__testUtils__/fixtures';
import {
  HttpResponse,
  StorageApis,
  errorResponse,
  http,
  server,
  url,
} from '../../__testUtils__/server';
import { ClaimPage } from './ClaimPage';

registerMswTestHooks(server);
jest.setTimeout(30_000);

const ref = {
  cluster: 'eks-dev',
  namespace: 'payments',
  name: 'data-payments-db-0',
};

function serve(detail = claimDetail()) {
  server.use(
    http.get(url('/offerings'), () => HttpResponse.json({ items: offerings })),
    http.get(
      url(`/claims/${detail.cluster}/${detail.namespace}/${detail.name}`),
      () => HttpResponse.json(detail),
    ),
  );
}

function render(claim = ref) {
  return renderInTestApp(
    <StorageApis>
      <ClaimPage claim={claim} />
    </StorageApis>,
  );
}

describe('ClaimPage', () => {
  it('shows status, volume, consumers, snapshots, timeline, manifest and cost', async () => {
    serve(
      claimDetail(undefined, {
        requests: [
          request({
            id: 'req-resize',
            operation: 'resize',
            claimName: 'data-payments-db-0',
            spec: { size: '40Gi' },
            status: 'pending-approval',
          }),
        ],
      }),
    );
    await render();
    expect(
      await screen.findByRole('heading', { name: 'data-payments-db-0' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Bound').length).toBeGreaterThan(0);
    expect(
      screen.getByText(
        /is bound to pvc-data-payments-db-0 \(20Gi, class gp3\)/,
        {
          selector: '.MuiAlertTitle-root',
        },
      ),
    ).toBeInTheDocument();

    const volume = screen.getByRole('table', { name: 'Volume' });
    for (const text of [
      'pvc-data-payments-db-0',
      'vol-0abc123def4567890',
      'us-east-1a',
      'Delete',
      'encrypted at rest',
    ]) {
      expect(within(volume).getByText(text)).toBeInTheDocument();
    }
    const consumers = screen.getByRole('table', { name: 'Consumers' });
    expect(within(consumers).getByText('payments-db-0')).toBeInTheDocument();
    expect(
      within(consumers).getByText('ip-10-0-1-5.ec2.internal'),
    ).toBeInTheDocument();

    const snapshots = screen.getByRole('table', { name: 'Snapshots' });
    expect(
      within(snapshots).getByText('Ready', { selector: '.MuiChip-label' }),
    ).toBeInTheDocument();
    expect(within(snapshots).getByText('Not ready')).toBeInTheDocument();

    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringContaining('Resize to 40Gi: pending approval'),
      expect.stringContaining('Provisioning → Bound'),
      expect.stringContaining(
        'ProvisioningSucceeded on PersistentVolumeClaim/data-payments-db-0',
      ),
      expect.stringContaining('Provisioning'),
    ]);

    expect(
      screen.getByText('Resize to 40Gi: pending approval', {
        exact: false,
        selector: '.MuiAlert-message',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View request' })).toHaveAttribute(
      'href',
      '/storage/requests/req-resize',
    );
    const manifest = screen
      .getByRole('button', { name: 'Copy text' })
      .closest('div[class*="MuiCardContent"]');
    expect(manifest).toHaveTextContent('kind: PersistentVolumeClaim');
    expect(
      screen.getByText('Monthly list price: $1.60/mo'),
    ).toBeInTheDocument();
  });

  it('shows how full the claim is, its history, what to do about its size, and its expiry', async () => {
    const expiresAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    serve(
      claimDetail(undefined, {
        usage: {
          usedBytes: 18 * 2 ** 30,
          capacityBytes: 20 * 2 ** 30,
          usedFraction: 0.9,
          observedAt: '2026-03-02T11:55:00Z',
        },
        expiresAt,
      }),
    );
    server.use(
      http.get(
        url(`/fleet/usage/${ref.cluster}/${ref.namespace}/${ref.name}`),
        () =>
          HttpResponse.json({
            ...ref,
            samples: [
              {
                observedAt: '2026-02-20T00:00:00Z',
                usedBytes: 10,
                capacityBytes: 20,
              },
              {
                observedAt: '2026-03-02T00:00:00Z',
                usedBytes: 18,
                capacityBytes: 20,
              },
            ],
            suggestion: {
              action: 'resize',
              fromSize: '20Gi',
              toSize: '30Gi',
              usedFraction: 0.9,
              monthlySavingUsd: -0.8,
            },
          }),
      ),
    );
    await render();
    expect(
      await screen.findByRole('progressbar', {
        name: '90% used: 18 GiB of 20 GiB',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: 'Used share over 30 days: from 50% to 90% (2 readings)',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Resize from 20Gi to 30Gi')).toBeInTheDocument();
    expect(screen.getByText(/Adds \$0\.80\/mo/)).toBeInTheDocument();
    expect(
      screen.getByText(/This claim expires in 3 days/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Claim' })).getByText(
        /\(in 3 days\)$/,
      ),
    ).toBeInTheDocument();
  });

  it('says when there is no usage reading yet', async () => {
    serve();
    await render();
    expect(await screen.findByText(/^No reading yet\./)).toBeInTheDocument();
  });

  it('puts the fix first for a broken claim', async () => {
    serve(claimDetail(cacheClaim));
    await render({ ...ref, name: 'payments-cache' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /What to do: Remove the nodeSelector that pins payments-cache-0/,
    );
  });

  it('offers no resize or snapshot where the driver cannot, and says why', async () => {
    serve(claimDetail(receiptsClaim, { snapshots: [] }));
    await render({ ...ref, name: 'checkout-receipts' });
    await screen.findByRole('heading', { name: 'checkout-receipts' });
    const resize = screen.getByRole('button', { name: /^Resize/ });
    expect(resize).toHaveAttribute('aria-disabled', 'true');
    expect(resize).toHaveAccessibleDescription(
      /Amazon EFS volumes cannot be expanded/,
    );
    const snapshot = screen.getByRole('button', { name: /^Snapshot/ });
    expect(snapshot).toHaveAttribute('aria-disabled', 'true');
    expect(snapshot).toHaveAccessibleDescription(
      'Amazon EFS cannot take VolumeSnapshots',
    );
    await userEvent.click(resize);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('says when the claim is gone', async () => {
    server.use(
      http.get(url('/offerings'), () =>
        HttpResponse.json({ items: offerings }),
      ),
      http.get(url('/claims/eks-dev/payments/data-payments-db-0'), () =>
        errorResponse(
          404,
          'No claim payments/data-payments-db-0 in cluster eks-dev',
        ),
      ),
    );
    await render();
    expect(
      await screen.findByText(
        'Claim payments/data-payments-db-0 is not in cluster eks-dev (any more).',
      ),
    ).toBeInTheDocument();
  });

  it('shows a 403 from the backend', async () => {
    server.use(
      http.get(url('/offerings'), () =>
        HttpResponse.json({ items: offerings }),
      ),
      http.get(url('/claims/eks-dev/payments/data-payments-db-0'), () =>
        errorResponse(403, 'You may not see claim payments/data-payments-db-0'),
      ),
    );
    await render();
    expect(
      (
        await screen.findAllByText(
          /You may not see claim payments\/data-payments-db-0/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('opens each action dialog', async () => {
    serve();
    await render();
    await screen.findByRole('heading', { name: 'data-payments-db-0' });
    for (const [button, dialog] of [
      ['Resize', 'Resize data-payments-db-0'],
      ['Snapshot', 'Snapshot data-payments-db-0'],
      ['Restore', 'Restore a snapshot of data-payments-db-0'],
      ['Delete', 'Delete data-payments-db-0'],
    ]) {
      await userEvent.click(screen.getByRole('button', { name: button }));
      const opened = await screen.findByRole('dialog', { name: dialog });
      await userEvent.click(
        within(opened).getByRole('button', { name: 'Cancel' }),
      );
    }
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Restore data-payments-db-0-nightly',
      }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Restore a snapshot of data-payments-db-0',
      }),
    ).toHaveTextContent('data-payments-db-0-nightly');
  });
});
