import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { rootRouteRef, requestRouteRef } from '../../routes';
import {
  backupsResponse,
  classesResponse,
  complianceResponse,
  expiriesResponse,
  fleetClaimsResponse,
  overviewResponse,
  releasedVolume,
  submitted,
  unusedClaim,
  usageResponse,
  wasteResponse,
} from '../../__testUtils__/consoleFixtures';
import { offerings } from '../../__testUtils__/fixtures';
import {
  HttpResponse,
  StorageApis,
  errorResponse,
  http,
  server,
  url,
} from '../../__testUtils__/server';
import { StorageConsole } from './ConsolePage';

registerMswTestHooks(server);
jest.setTimeout(60_000);

function renderConsole(path: string) {
  return renderInTestApp(
    <StorageApis>
      <Routes>
        <Route path="/storage/*" element={<StorageConsole />} />
      </Routes>
    </StorageApis>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/storage': rootRouteRef,
        '/storage/requests/:id': requestRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

/** Serves one GET; returns the query strings it was asked with. */
function serve(path: string, answer: () => unknown) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(url(path), ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json(answer() as any);
    }),
  );
  return queries;
}

/** Serves one POST; returns the bodies it received. */
function servePost(path: string, answer: unknown, status = 202) {
  const bodies: any[] = [];
  server.use(
    http.post(url(path), async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json(answer as any, { status });
    }),
  );
  return bodies;
}

describe('StorageConsole', () => {
  it('opens on the overview: counts that link to their sections, capacity and cost with its trend', async () => {
    serve('/fleet/overview', () => overviewResponse);
    await renderConsole('/storage');

    const sections = await screen.findByRole('navigation', {
      name: 'Console sections',
    });
    expect(
      within(sections).getByRole('link', { name: 'Waste: 3 findings' }),
    ).toHaveAttribute('href', '/storage/waste');
    expect(
      within(sections).getByRole('link', { name: 'Class health: 2 findings' }),
    ).toHaveAttribute('href', '/storage/classes');
    expect(
      within(sections).getByRole('link', { name: 'Unowned claims: 1 claim' }),
    ).toHaveAttribute('href', '/storage/claims?owned=false');
    expect(screen.getByTestId('storage-overview-cost-total')).toHaveTextContent(
      '$92.80/mo',
    );
    expect(
      screen.getByText('+$12.80/mo (+16%) since 2026-02-28'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('List prices in us-east-1 as of 2025-06-01'),
    ).toBeInTheDocument();
    const teams = screen.getByRole('table', { name: 'Cost by team' });
    expect(
      within(teams).getByRole('link', { name: 'team-payments' }),
    ).toHaveAttribute(
      'href',
      '/storage/claims?team=group%3Adefault%2Fteam-payments',
    );
    expect(within(teams).getByText('No owner')).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Cost by system' })).getByText(
        'No system',
      ),
    ).toBeInTheDocument();
    const byCluster = screen.getByRole('table', { name: 'Claims by cluster' });
    expect(within(byCluster).getByText('930 GiB')).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Claims by state' })).getByRole(
        'link',
        { name: 'Released' },
      ),
    ).toHaveAttribute('href', '/storage/claims?state=released');
    expect(screen.getByRole('tab', { name: 'Expiry' })).toBeInTheDocument();
  });

  it('says what failed when the backend cannot answer', async () => {
    server.use(
      http.get(url('/fleet/overview'), () =>
        errorResponse(503, 'The storage console is not ready yet'),
      ),
    );
    await renderConsole('/storage');
    expect(
      await screen.findAllByText(/The storage console is not ready yet/),
    ).not.toHaveLength(0);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  describe('Waste', () => {
    it('lists what is paid for and unused, with cost, age and last claim', async () => {
      serve('/fleet/waste', () => wasteResponse());
      await renderConsole('/storage/waste');
      expect(
        await screen.findByTestId('storage-waste-total'),
      ).toHaveTextContent('$21.25/mo');
      const row = screen
        .getByText(releasedVolume.title)
        .closest('tr') as HTMLElement;
      expect(within(row).getByText('$16.00/mo')).toBeInTheDocument();
      expect(within(row).getByText('12 days')).toBeInTheDocument();
      expect(
        within(row).getByText('orders/orders-archive'),
      ).toBeInTheDocument();
      expect(
        within(row).getByRole('link', { name: 'orders-api' }),
      ).toHaveAttribute('href', '/catalog/default/component/orders-api');
      expect(
        within(row).getByText(/^If the data is no longer needed/),
      ).toBeInTheDocument();
      const kinds = screen.getByRole('list', { name: 'Waste by kind' });
      expect(
        within(kinds).getByText('Released volumes: 1 · $16.00/mo'),
      ).toBeInTheDocument();
      expect(
        within(kinds).getByText('Claims no pod uses: 1 · $4.00/mo'),
      ).toBeInTheDocument();
      // The unused claim links to its page.
      expect(
        screen.getByRole('link', { name: 'payments/payments-scratch' }),
      ).toHaveAttribute(
        'href',
        '/storage/claims/eks-dev/payments/payments-scratch',
      );
    });

    it('deletes a Released volume once its name is typed, as a request, and follows it until the cluster confirms', async () => {
      // The cluster confirms the delete only after the first reload.
      let deleted = false;
      let loadsSinceDelete = 0;
      serve('/fleet/waste', () => {
        if (deleted) loadsSinceDelete++;
        return wasteResponse(
          loadsSinceDelete >= 2 ? [unusedClaim] : [releasedVolume, unusedClaim],
        );
      });
      const bodies = servePost(
        '/fleet/volumes/eks-prod/pvc-orders-archive/delete',
        submitted(
          {
            id: 'req-del',
            claimName: 'pvc-orders-archive',
            cluster: 'eks-prod',
          },
          'The volume vol-0a1b2c3d and its data are deleted.',
        ),
      );
      await renderConsole('/storage/waste');
      const row = (await screen.findByText(releasedVolume.title)).closest(
        'tr',
      ) as HTMLElement;
      await userEvent.click(
        within(row).getByRole('button', { name: 'Delete' }),
      );

      const dialog = await screen.findByRole('dialog', {
        name: 'Delete volume pvc-orders-archive',
      });
      expect(
        within(dialog).getByRole('table', { name: 'Volume' }),
      ).toHaveTextContent('vol-0a1b2c3d');
      expect(dialog).toHaveTextContent(
        'This deletes PersistentVolume pvc-orders-archive; a volume its CSI driver provisioned goes with all its data (vol-0a1b2c3d). It cannot be undone.',
      );
      expect(dialog).toHaveTextContent(
        'Deleting the cloud volume stops $16.00/mo of charges.',
      );
      const submit = within(dialog).getByRole('button', {
        name: 'Delete volume',
      });
      expect(submit).toBeDisabled();
      await userEvent.type(
        within(dialog).getByLabelText('Volume name'),
        'pvc-orders',
      );
      expect(
        within(dialog).getByText('Does not match pvc-orders-archive'),
      ).toBeInTheDocument();
      expect(submit).toBeDisabled();
      await userEvent.type(
        within(dialog).getByLabelText('Volume name'),
        '-archive',
      );
      deleted = true;
      await userEvent.click(submit);

      expect(await within(dialog).findByRole('status')).toHaveTextContent(
        'Delete of pvc-orders-archive was approved and is being applied to eks-prod.',
      );
      expect(bodies).toEqual([{ confirm: 'pvc-orders-archive' }]);
      expect(
        within(dialog).getByText(
          'The volume vol-0a1b2c3d and its data are deleted.',
        ),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByTestId('storage-request-outcome-link'),
      ).toHaveAttribute('href', '/storage/requests/req-del');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Close' }),
      );
      await waitFor(
        () =>
          expect(screen.getByTestId('storage-waste-total')).toHaveTextContent(
            '$4.00/mo',
          ),
        { timeout: 15_000 },
      );
      expect(loadsSinceDelete).toBe(2);
      expect(screen.queryByText(releasedVolume.title)).not.toBeInTheDocument();
    });

    it('shows the backend refusing a delete in its words', async () => {
      serve('/fleet/waste', () => wasteResponse([releasedVolume]));
      server.use(
        http.post(
          url('/fleet/volumes/eks-prod/pvc-orders-archive/delete'),
          () => errorResponse(403, 'You may not delete volumes of orders-api'),
        ),
      );
      await renderConsole('/storage/waste');
      await userEvent.click(
        await screen.findByRole('button', { name: 'Delete' }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.type(
        within(dialog).getByLabelText('Volume name'),
        'pvc-orders-archive',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Delete volume' }),
      );
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        'Not allowed: You may not delete volumes of orders-api',
      );
    });

    it('adopts a volume into a claim for the entity that owned it', async () => {
      serve('/fleet/waste', () => wasteResponse([releasedVolume]));
      serve('/offerings', () => ({ items: offerings }));
      const bodies = servePost(
        '/fleet/volumes/eks-prod/pvc-orders-archive/adopt',
        submitted({
          operation: 'create',
          claimName: 'orders-archive',
          cluster: 'eks-prod',
          status: 'pending-approval',
        }),
      );
      await renderConsole('/storage/waste');
      await userEvent.click(
        await screen.findByRole('button', { name: 'Adopt' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Adopt volume pvc-orders-archive',
      });
      expect(within(dialog).getByLabelText('Entity')).toHaveValue(
        'component:default/orders-api',
      );
      expect(within(dialog).getByLabelText('Namespace')).toHaveValue('orders');
      expect(within(dialog).getByLabelText('Claim name')).toHaveValue(
        'orders-archive',
      );
      const entity = within(dialog).getByLabelText('Entity');
      await userEvent.clear(entity);
      await userEvent.type(entity, 'orders api');
      expect(
        within(dialog).getByRole('button', { name: 'Request claim' }),
      ).toBeDisabled();
      await userEvent.clear(entity);
      await userEvent.type(entity, 'component:default/orders-api');
      await userEvent.type(
        within(dialog).getByLabelText('Justification (optional)'),
        'Orders still reads the archive',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Request claim' }),
      );
      expect(await within(dialog).findByRole('status')).toHaveTextContent(
        "Request for orders-archive waits for the platform team's approval.",
      );
      expect(bodies).toEqual([
        {
          entityRef: 'component:default/orders-api',
          namespace: 'orders',
          claimName: 'orders-archive',
          justification: 'Orders still reads the archive',
        },
      ]);
    });

    it('deletes an unused claim after a snapshot and says what follows', async () => {
      serve('/fleet/waste', () => wasteResponse([unusedClaim]));
      const bodies = servePost(
        '/fleet/claims/eks-dev/payments/payments-scratch/delete',
        {
          ...submitted({
            operation: 'snapshot',
            claimName: 'payments-scratch',
            status: 'applied',
          }),
          followUp: {
            operation: 'delete',
            when: 'once snapshot payments-scratch-20260302 is ready',
          },
        },
      );
      await renderConsole('/storage/waste');
      await userEvent.click(
        await screen.findByRole('button', { name: 'Delete claim' }),
      );
      const dialog = await screen.findByRole('dialog', {
        name: 'Delete claim payments/payments-scratch',
      });
      expect(dialog).toHaveTextContent(
        'Its volume and all its data are deleted with it (reclaim policy Delete).',
      );
      expect(
        within(dialog).getByRole('checkbox', { name: /Snapshot first/ }),
      ).toBeChecked();
      await userEvent.type(
        within(dialog).getByLabelText('Claim name'),
        'payments-scratch',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Snapshot, then delete' }),
      );
      expect(
        await within(dialog).findByText(
          'The delete is requested next, once snapshot payments-scratch-20260302 is ready.',
        ),
      ).toBeInTheDocument();
      expect(bodies).toEqual([
        { confirm: 'payments-scratch', snapshotFirst: true },
      ]);
    });

    it('tells someone outside the platform team what they may clean up', async () => {
      const ownerless = {
        ...releasedVolume,
        entityRef: undefined,
        ownerRef: undefined,
      };
      serve('/fleet/waste', () => wasteResponse([ownerless], false));
      await renderConsole('/storage/waste');
      expect(
        await screen.findByText(/You may clean up storage of entities/),
      ).toBeInTheDocument();
      const button = screen.getByRole('button', { name: 'Delete' });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(
        'Only the platform team may clean up storage no entity owns',
      );
      await userEvent.click(button);
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('says there is no waste, and what that covers', async () => {
      serve('/fleet/waste', () => wasteResponse([]));
      await renderConsole('/storage/waste');
      expect(
        await screen.findByText(/Nothing is paid for and unused/),
      ).toBeInTheDocument();
      expect(screen.getByTestId('storage-waste-total')).toHaveTextContent(
        '$0.00/mo',
      );
    });
  });

  it('shows every class with its findings and fix, broken first, and cluster findings above', async () => {
    serve('/fleet/classes', () => classesResponse);
    await renderConsole('/storage/classes');
    expect(
      await screen.findByTestId('storage-console-class-health-summary'),
    ).toHaveTextContent(
      '2 classes in 2 clusters: 1 will not bind, 0 with warnings; 1 cluster or offering finding.',
    );
    const classes = screen
      .getByText('Storage classes (2)')
      .closest('[class*="MuiPaper"]') as HTMLElement;
    const rows = within(classes).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Will not bind');
    expect(rows[0]).toHaveTextContent('fsx-scratch');
    expect(rows[0]).toHaveTextContent(
      'Fix: Install the FSx for Lustre CSI driver (EKS add-on aws-fsx-csi-driver)',
    );
    expect(rows[1]).toHaveTextContent('Binds');
    expect(rows[1]).toHaveTextContent('Nothing to fix.');
    expect(
      screen.getByText('Cluster eks-dev has no default StorageClass'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(await screen.findByRole('option', { name: 'Binds' }));
    expect(screen.getByText('Storage classes (1 of 2)')).toBeInTheDocument();
    expect(screen.queryByText('fsx-scratch')).not.toBeInTheDocument();
  });

  it('shows compliance findings with the fix and the rules in force', async () => {
    serve('/fleet/compliance', () => complianceResponse);
    await renderConsole('/storage/compliance');
    expect(
      await screen.findByText(
        'StorageClass gp2 creates unencrypted EBS volumes',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Set parameters.encrypted: "true" on a new class/),
    ).toBeInTheDocument();
    const rules = screen.getByRole('list', { name: 'Compliance rules' });
    expect(
      within(rules).getByText('ebs.requireEncryption · enforced'),
    ).toBeInTheDocument();
    expect(
      within(rules).getByText('ebs.requireKmsKey · off'),
    ).toBeInTheDocument();
  });

  it('shows usage fullest first, with history and resize or shrink suggestions', async () => {
    serve('/fleet/usage', () => usageResponse);
    const histories = serve('/fleet/usage/:cluster/:namespace/:name', () => ({
      cluster: 'eks-dev',
      namespace: 'analytics',
      name: 'analytics-warehouse',
      samples: [
        {
          observedAt: '2026-02-01T00:00:00Z',
          usedBytes: 40,
          capacityBytes: 100,
        },
        {
          observedAt: '2026-02-15T00:00:00Z',
          usedBytes: 70,
          capacityBytes: 100,
        },
        {
          observedAt: '2026-03-02T00:00:00Z',
          usedBytes: 92,
          capacityBytes: 100,
        },
      ],
    }));
    await renderConsole('/storage/usage');
    expect(
      await screen.findByTestId('storage-console-usage-summary'),
    ).toHaveTextContent(
      /3 claims measured, .*: 1 to resize, 1 to shrink \(saving \$32.00\/mo\)/,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('analytics-warehouse');
    expect(rows[0]).toHaveTextContent('92% used: 92 GiB of 100 GiB');
    expect(rows[0]).toHaveTextContent(
      'Resize from 100Gi to 160Gi · Adds $4.80/mo',
    );
    expect(rows[1]).toHaveTextContent('50% used');
    expect(rows[1]).toHaveTextContent('Sized right');
    expect(rows[2]).toHaveTextContent(
      'Shrink from 500Gi to 100Gi by migration · Saves $32.00/mo',
    );
    expect(
      await within(rows[0]).findAllByRole('img', {
        name: 'Used share over 30 days: from 40% to 92% (3 readings)',
      }),
    ).not.toHaveLength(0);
    expect(histories[0].get('days')).toBe('30');

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only claims with a suggestion' }),
    );
    expect(screen.getByText('Usage (2 of 3)')).toBeInTheDocument();
    expect(screen.queryByText('payments-cache')).not.toBeInTheDocument();
  });

  it('shows the newest snapshot of each claim and flags production claims without a recent one', async () => {
    serve('/fleet/backups', () => backupsResponse);
    await renderConsole('/storage/backups');
    expect(
      await screen.findByTestId('storage-console-backups-summary'),
    ).toHaveTextContent(
      '2 claims; 1 production claim without a ready snapshot in the last 24 h.',
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('No recent snapshot');
    expect(rows[0]).toHaveTextContent('data-payments-db-0-20260227');
    expect(rows[0]).toHaveTextContent('4 days old · 3 snapshots in all');
    expect(rows[0]).toHaveTextContent(
      'Fix: Take a snapshot now, and give the offering a schedule.',
    );
    expect(rows[1]).toHaveTextContent('Every 24 h, keeps 7');
    expect(rows[1]).toHaveTextContent('Not held to the backup rule');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Only flagged production claims' }),
    );
    expect(screen.getByText('Backups (1 of 2)')).toBeInTheDocument();
  });

  it('lists upcoming expiries soonest first with where their clean-up stands', async () => {
    serve('/fleet/expiries', () => expiriesResponse());
    await renderConsole('/storage/expiry');
    expect(
      await screen.findByTestId('storage-console-expiry-summary'),
    ).toHaveTextContent('2 claims to expire.');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('ci-scratch-1234');
    expect(rows[0]).toHaveTextContent('in 5 hours');
    expect(rows[0]).toHaveTextContent('Owner warned');
    expect(rows[0]).toHaveTextContent('Delete (no snapshot)');
    expect(
      within(rows[0]).getByRole('link', { name: 'Request that set it' }),
    ).toHaveAttribute('href', '/storage/requests/req-ci');
    expect(rows[1]).toHaveTextContent('in 3 days');
    expect(rows[1]).toHaveTextContent('Snapshot, then delete');
  });

  describe('Claims', () => {
    it('asks the backend with the filters in the address, and shows how to tell an unowned claim its owner', async () => {
      const queries = serve('/fleet/claims', () => fleetClaimsResponse());
      await renderConsole('/storage/claims?owned=false&usageAbove=80');
      expect(
        await screen.findByText('billing-worker-data'),
      ).toBeInTheDocument();
      expect(Object.fromEntries(queries[0])).toEqual({
        owned: 'false',
        usageAbove: '80',
        limit: '500',
      });
      expect(screen.getByLabelText('Used above (%)')).toHaveValue('80');
      const row = screen
        .getByText('billing-worker-data')
        .closest('tr') as HTMLElement;
      expect(within(row).getByText('Unowned')).toBeInTheDocument();
      expect(
        within(row).getByText('No backstage.io/kubernetes-id label.'),
      ).toBeInTheDocument();
      expect(
        within(row).getByRole('link', { name: 'billing-worker' }),
      ).toHaveAttribute('href', '/catalog/default/component/billing-worker');
      expect(
        within(row).getByRole('button', {
          name: 'Copy the label command for billing-worker-data',
        }),
      ).toBeInTheDocument();
      const owned = screen
        .getByRole('link', { name: 'data-payments-db-0' })
        .closest('tr') as HTMLElement;
      expect(owned).toHaveTextContent('team-payments · online-shop');
      expect(owned).toHaveTextContent('85% used');
      expect(owned).toHaveTextContent('$1.60/mo');
    });

    it('filters by cluster and says when a number filter is not a number', async () => {
      const queries = serve('/fleet/claims', () => fleetClaimsResponse());
      await renderConsole('/storage/claims');
      await screen.findByText('billing-worker-data');
      await userEvent.click(screen.getByLabelText('Cluster'));
      await userEvent.click(
        await screen.findByRole('option', { name: 'eks-prod' }),
      );
      await waitFor(() =>
        expect(queries.map(q => q.get('cluster'))).toContain('eks-prod'),
      );
      expect(
        screen.queryByLabelText('Older than (days)'),
      ).not.toBeInTheDocument();
      await userEvent.click(
        screen.getByRole('button', { name: 'More filters' }),
      );
      await userEvent.type(screen.getByLabelText('Older than (days)'), 'ten');
      expect(await screen.findByText('A number, please')).toBeInTheDocument();
    });
  });
});
