import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import {
  approvalItem,
  approvalsResponse,
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
import { ApprovalsContent } from './ApprovalsPage';

registerMswTestHooks(server);
jest.setTimeout(30_000);

function render() {
  return renderInTestApp(
    <StorageApis>
      <ApprovalsContent />
    </StorageApis>,
  );
}

/** Serves the queue; returns the queries it was asked with. */
function serveQueue(answer = approvalsResponse()) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(url('/approvals'), ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      if (query.get('view') === 'history') {
        return HttpResponse.json({
          items: [
            approvalItem(undefined, {
              id: 'req-old',
              status: 'rejected',
              decidedBy: 'user:default/pat',
              decisionReason: 'Use io2 for this size',
            }),
          ],
          approver: true,
        });
      }
      return HttpResponse.json(answer);
    }),
  );
  return queries;
}

describe('ApprovalsContent', () => {
  it('shows an approver what to decide: requester, owner, size, cost, rule, approvals, warnings, manifests', async () => {
    serveQueue();
    await render();
    const card = await screen.findByTestId('approval-item-req-resize');
    expect(
      within(card).getByRole('link', {
        name: 'Resize payments/data-payments-db-0 on eks-dev',
      }),
    ).toHaveAttribute('href', '/storage/requests/req-resize');
    const facts = within(card).getByRole('table', { name: 'Request' });
    for (const text of [
      'alice',
      'payments-api',
      'payments',
      'eks-dev / payments',
      'ebs-gp3',
      '20Gi → 800Gi',
      'Ledger growth',
    ]) {
      expect(within(facts).getByText(text)).toBeInTheDocument();
    }
    expect(
      within(facts).getByText(/\$\d+\.\d\d\/mo \(\+\$\d+\.\d\d\/mo\)/),
    ).toBeInTheDocument();
    expect(
      within(card).getByTestId('approval-item-req-resize-rule'),
    ).toHaveTextContent(
      /Rule large-volumes: Volumes over 500Gi need the platform team.*Approvers: platform-team and dba · 1 of 2 approvals/,
    );
    expect(
      within(card).getByText('Approved by dora: Fine by the DBAs'),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('An 800Gi gp3 volume takes a while to snapshot'),
    ).toBeInTheDocument();
    expect(
      within(card).getByTestId('approval-item-req-resize-manifests'),
    ).toHaveTextContent('kind: PersistentVolumeClaim');
    expect(screen.getByRole('tab', { name: 'History' })).toBeInTheDocument();
  });

  it('approves with a comment and reloads the queue', async () => {
    const queries = serveQueue();
    const bodies: unknown[] = [];
    server.use(
      http.post(url('/requests/req-resize/approve'), async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          requestDetail({
            request: { ...approvalItem().request, status: 'approved' },
          }),
        );
      }),
    );
    await render();
    await userEvent.click(
      await screen.findByTestId('approval-item-req-resize-approve'),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Approve payments/data-payments-db-0',
    });
    await userEvent.type(
      within(dialog).getByTestId('storage-approve-dialog-comment'),
      'Go ahead',
    );
    const before = queries.length;
    await userEvent.click(
      within(dialog).getByTestId('storage-approve-dialog-confirm'),
    );
    expect(
      await within(dialog).findByText(
        /Your approval is recorded. The request is now approved./,
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ comment: 'Go ahead' }]);
    await waitFor(() => expect(queries.length).toBeGreaterThan(before));
  });

  it('rejects only with a comment, and shows the backend refusal', async () => {
    serveQueue();
    const bodies: unknown[] = [];
    server.use(
      http.post(url('/requests/req-resize/reject'), async ({ request }) => {
        bodies.push(await request.json());
        return errorResponse(409, 'Request req-resize was already approved');
      }),
    );
    await render();
    await userEvent.click(
      await screen.findByTestId('approval-item-req-resize-reject'),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reject payments/data-payments-db-0',
    });
    const confirm = within(dialog).getByTestId('storage-reject-dialog-confirm');
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByTestId('storage-reject-dialog-comment'),
      '   ',
    );
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByTestId('storage-reject-dialog-comment'),
      'Use io2',
    );
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The request changed meanwhile: Request req-resize was already approved',
    );
    expect(bodies).toEqual([{ comment: 'Use io2' }]);
  });

  it('says why an approver may not decide, and shows a 403', async () => {
    serveQueue(
      approvalsResponse({
        items: [
          approvalItem({
            actions: {
              approve: {
                allowed: false,
                reason: 'You already approved for dba',
              },
              reject: { allowed: true },
              cancel: { allowed: false },
            },
          }),
        ],
      }),
    );
    server.use(
      http.post(url('/requests/req-resize/reject'), () =>
        errorResponse(403, 'Only platform-team or dba may decide req-resize'),
      ),
    );
    await render();
    const approve = await screen.findByTestId(
      'approval-item-req-resize-approve',
    );
    expect(approve).toHaveAttribute('aria-disabled', 'true');
    expect(approve).toHaveAccessibleDescription('You already approved for dba');
    await userEvent.click(approve);
    expect(screen.queryByRole('dialog')).toBeNull();

    await userEvent.click(
      screen.getByTestId('approval-item-req-resize-reject'),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(
      within(dialog).getByTestId('storage-reject-dialog-comment'),
      { target: { value: 'No' } },
    );
    await userEvent.click(
      within(dialog).getByTestId('storage-reject-dialog-confirm'),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Not allowed: Only platform-team or dba may decide req-resize',
    );
  });

  it('shows a non-approver their own pending requests and who approves', async () => {
    serveQueue(
      approvalsResponse({
        approver: false,
        items: [
          approvalItem({
            actions: {
              approve: { allowed: false, reason: 'You requested it' },
              reject: { allowed: false, reason: 'You requested it' },
              cancel: { allowed: true },
            },
          }),
        ],
      }),
    );
    await render();
    expect(
      await screen.findByTestId('storage-approvals-explanation'),
    ).toHaveTextContent(/You are not a storage approver/);
    expect(screen.getByTestId('storage-approvals-count')).toHaveTextContent(
      '1 request of yours waiting for approval',
    );
    const card = screen.getByTestId('approval-item-req-resize');
    expect(
      within(card).getByText(/Approvers: platform-team and dba/),
    ).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Reject' })).toBeNull();
    expect(
      within(card).getByRole('button', { name: 'Cancel request' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'History' })).toBeNull();
  });

  it('filters the history by status, team, cluster and date', async () => {
    const queries = serveQueue();
    await render();
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    const table = await screen.findByRole('table', {
      name: 'Decided requests',
    });
    expect(
      within(table).getByText('Use io2 for this size'),
    ).toBeInTheDocument();
    expect(within(table).getByText('pat')).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Rejected' }),
    );
    fireEvent.change(screen.getByLabelText('Team'), {
      target: { value: 'group:default/payments' },
    });
    fireEvent.change(screen.getByLabelText('Cluster'), {
      target: { value: 'eks-prod' },
    });
    fireEvent.change(screen.getByLabelText('Decided since'), {
      target: { value: '2026-01-01' },
    });
    await waitFor(() => {
      const last = queries[queries.length - 1];
      expect(Object.fromEntries(last.entries())).toEqual({
        view: 'history',
        status: 'rejected',
        team: 'group:default/payments',
        cluster: 'eks-prod',
        since: '2026-01-01T00:00:00.000Z',
      });
    });
  });
});
