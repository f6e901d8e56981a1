import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import {
  approvalItem,
  dbClaim,
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
import { RequestContent } from './RequestPage';

registerMswTestHooks(server);
jest.setTimeout(30_000);

function render(id = 'req-resize') {
  return renderInTestApp(
    <StorageApis>
      <RequestContent id={id} />
    </StorageApis>,
  );
}

const base = approvalItem().request;

describe('RequestContent', () => {
  it('shows the whole timeline from submission to the bound claim', async () => {
    server.use(
      http.get(url('/requests/req-resize'), () =>
        HttpResponse.json(
          requestDetail({
            request: {
              ...base,
              status: 'applied',
              decidedBy: 'user:default/pat',
            },
            history: [
              ...requestDetail().history,
              {
                fromStatus: 'pending-approval',
                toStatus: 'approved',
                reason: 'All approvers agreed',
                actor: 'user:default/pat',
                at: '2026-01-12T10:00:00Z',
              },
              {
                fromStatus: 'approved',
                toStatus: 'applying',
                actor: 'storage-worker',
                at: '2026-01-12T10:00:01Z',
              },
              {
                fromStatus: 'applying',
                toStatus: 'applied',
                actor: 'storage-worker',
                at: '2026-01-12T10:00:02Z',
              },
            ],
            approval: {
              ...approvalItem().approval,
              votes: [
                ...approvalItem().approval.votes,
                {
                  approver: 'user:default/pat',
                  onBehalfOf: ['group:default/platform-team'],
                  decision: 'approve',
                  comment: 'OK for the quarter',
                  at: '2026-01-12T10:00:00Z',
                },
              ],
            },
            actions: {
              approve: { allowed: false, reason: 'Already decided' },
              reject: { allowed: false, reason: 'Already decided' },
              cancel: { allowed: false, reason: 'Already decided' },
            },
            claim: dbClaim,
          }),
        ),
      ),
    );
    await render();
    const timeline = await screen.findByRole('list', {
      name: 'Request timeline',
    });
    const items = within(timeline)
      .getAllByRole('listitem')
      .map(i => i.textContent);
    expect(items).toEqual([
      expect.stringContaining('Submitted by alice'),
      expect.stringMatching(
        /Waiting for approval by platform-team and dba.*Rule large-volumes: Volumes over 500Gi need the platform team/,
      ),
      expect.stringMatching(/Approval by dora for dba.*Fine by the DBAs/),
      expect.stringMatching(
        /Approval by pat for platform-team.*OK for the quarter/,
      ),
      expect.stringContaining('Approved'),
      expect.stringContaining('Applying to eks-dev'),
      expect.stringContaining('Applied to eks-dev'),
      expect.stringMatching(
        /Claim payments\/data-payments-db-0: Bound.*is bound to pvc-data-payments-db-0/,
      ),
    ]);
    expect(
      screen
        .getByRole('button', { name: 'Copy text' })
        .closest('div[class*="MuiCardContent"]'),
    ).toHaveTextContent('kind: PersistentVolumeClaim');
    expect(screen.queryByRole('button', { name: /Cancel request/ })).toBeNull();
  });

  it('says why a claim failed after its request was applied', async () => {
    server.use(
      http.get(url('/requests/req-resize'), () =>
        HttpResponse.json(
          requestDetail({
            request: { ...base, status: 'applied' },
            claim: {
              ...dbClaim,
              diagnosis: {
                state: 'failed',
                severity: 'error',
                headline: 'The EFS access-point limit is reached',
                explanation: '',
                fix: 'Use another file system',
              },
            },
          }),
        ),
      ),
    );
    await render();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /The EFS access-point limit is reached.*Use another file system/,
    );
  });

  it('lets the requester cancel a pending request, and hides approve and reject', async () => {
    let cancelled = false;
    const bodies: unknown[] = [];
    server.use(
      http.get(url('/requests/req-resize'), () =>
        HttpResponse.json(
          cancelled
            ? requestDetail({
                request: { ...base, status: 'cancelled' },
                history: [
                  ...requestDetail().history,
                  {
                    fromStatus: 'pending-approval',
                    toStatus: 'cancelled',
                    reason: 'Not needed',
                    actor: 'user:default/alice',
                    at: '2026-01-12T11:00:00Z',
                  },
                ],
              })
            : requestDetail({
                actions: {
                  approve: { allowed: false },
                  reject: { allowed: false },
                  cancel: { allowed: true },
                },
              }),
        ),
      ),
      http.post(url('/requests/req-resize/cancel'), async ({ request }) => {
        bodies.push(await request.json());
        cancelled = true;
        return HttpResponse.json(
          requestDetail({ request: { ...base, status: 'cancelled' } }),
        );
      }),
    );
    await render();
    expect(await screen.findByTestId('storage-request-rule')).toHaveTextContent(
      'Waiting for approval by platform-team and dba (1 of 2 approvals): Rule large-volumes: Volumes over 500Gi need the platform team.',
    );
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Cancel request' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Cancel payments/data-payments-db-0',
    });
    await userEvent.type(
      within(dialog).getByLabelText('Comment (optional)'),
      'Not needed',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel request' }),
    );
    expect(
      await within(dialog).findByText(/The request is cancelled/),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ comment: 'Not needed' }]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(
        within(
          screen.getByRole('list', { name: 'Request timeline' }),
        ).getByText('Cancelled by alice'),
      ).toBeInTheDocument(),
    );
  });

  it('shows an approver the reason they may not decide', async () => {
    server.use(
      http.get(url('/requests/req-resize'), () =>
        HttpResponse.json(
          requestDetail({
            actions: {
              approve: { allowed: false, reason: 'You requested it' },
              reject: { allowed: false, reason: 'You requested it' },
              cancel: { allowed: false, reason: 'Only alice may cancel it' },
            },
          }),
        ),
      ),
    );
    await render();
    const approve = await screen.findByTestId('storage-request-approve');
    expect(approve).toHaveAttribute('aria-disabled', 'true');
    expect(approve).toHaveAccessibleDescription('You requested it');
  });

  it('says when there is no such request', async () => {
    server.use(
      http.get(url('/requests/nope'), () =>
        errorResponse(404, 'No request nope'),
      ),
    );
    await render('nope');
    expect(
      await screen.findByText('There is no request nope.'),
    ).toBeInTheDocument();
  });
});
