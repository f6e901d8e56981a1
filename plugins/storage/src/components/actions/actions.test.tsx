import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import {
  ClaimDetailResponse,
  SubmitResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import {
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
import { DeleteDialog } from './DeleteDialog';
import { ResizeDialog } from './ResizeDialog';
import { RestoreDialog } from './RestoreDialog';
import { SnapshotDialog } from './SnapshotDialog';
import { ClaimActionDialogProps } from './types';

registerMswTestHooks(server);
jest.setTimeout(30_000);

const gp3 = offerings.find(o => o.id === 'ebs-gp3')!;
const CLAIM_URL = '/claims/eks-dev/payments/data-payments-db-0';

function accepted(
  operation: 'resize' | 'snapshot' | 'restore' | 'delete',
  status = 'approved',
  extra: Partial<SubmitResponse> = {},
) {
  return {
    request: request({
      id: `req-${operation}`,
      operation,
      claimName: 'data-payments-db-0',
      status: status as any,
    }),
    findings: [],
    manifests: [],
    manifestsYaml: '',
    ...extra,
  };
}

/** Serves one action and records the bodies it receives. */
function serveAction(
  action: string,
  respond: () => Response = () =>
    HttpResponse.json(accepted(action as any), { status: 202 }),
) {
  const bodies: unknown[] = [];
  server.use(
    http.post(url(`${CLAIM_URL}/${action}`), async ({ request: req }) => {
      bodies.push(await req.json());
      return respond();
    }),
  );
  return bodies;
}

async function render(
  Dialog: (props: ClaimActionDialogProps) => JSX.Element,
  claim: ClaimDetailResponse = claimDetail(),
  extra: Record<string, unknown> = {},
) {
  const onSubmitted = jest.fn();
  const onClose = jest.fn();
  await renderInTestApp(
    <StorageApis>
      <Dialog
        open
        onClose={onClose}
        claim={claim}
        offering={gp3}
        onSubmitted={onSubmitted}
        {...extra}
      />
    </StorageApis>,
  );
  return { onSubmitted, onClose };
}

const button = (name: string) => screen.getByRole('button', { name });

/** Replaces a text field's value in one go (typing 40Gi char by char re-validates each step). */
function setField(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ResizeDialog', () => {
  it('explains the EBS window and the restart, validates and sends the new size', async () => {
    const bodies = serveAction('resize');
    const { onSubmitted } = await render(ResizeDialog);
    expect(screen.getByRole('dialog')).toHaveTextContent(
      /one modification of a volume every six hours/,
    );
    expect(screen.getByRole('dialog')).toHaveTextContent(/restart the pod/);
    // Suggests double the size.
    expect(screen.getByLabelText('New size')).toHaveValue('40Gi');
    expect(
      screen.getByText('Estimated cost after the resize: $3.20/mo (+$1.60/mo)'),
    ).toBeInTheDocument();

    setField('New size', '10Gi');
    expect(screen.getByText(/Volumes cannot shrink/)).toBeInTheDocument();
    expect(button('Request resize')).toBeDisabled();
    setField('New size', '20Gi');
    expect(button('Request resize')).toBeDisabled();
    setField('New size', '3Ti');
    expect(screen.getByText(/above the maximum/)).toBeInTheDocument();
    expect(button('Request resize')).toBeDisabled();

    setField('New size', '40Gi');
    await userEvent.type(
      screen.getByLabelText('Justification (optional)'),
      'Growing',
    );
    await userEvent.click(button('Request resize'));
    expect(
      await screen.findByText(
        'Resize of data-payments-db-0 was approved and is being applied to eks-dev.',
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ size: '40Gi', justification: 'Growing' }]);
    expect(onSubmitted).toHaveBeenCalledTimes(1);
  });

  it('says when the resize waits for approval', async () => {
    serveAction('resize', () =>
      HttpResponse.json(accepted('resize', 'pending-approval'), {
        status: 202,
      }),
    );
    await render(ResizeDialog);
    await userEvent.click(button('Request resize'));
    expect(
      await screen.findByText(/waits for the platform team's approval/),
    ).toBeInTheDocument();
  });

  it("shows the backend's findings when it rejects the request", async () => {
    serveAction('resize', () =>
      errorResponse(400, 'The request has errors', {
        findings: [
          {
            severity: 'error',
            field: 'size',
            code: 'size-above-maximum',
            message: 'size 4Ti is above the maximum of the offering',
            fix: 'Ask for at most 2Ti.',
          },
        ],
      }),
    );
    const { onSubmitted } = await render(ResizeDialog);
    await userEvent.click(button('Request resize'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The request has errors',
    );
    expect(
      screen.getByText('size 4Ti is above the maximum of the offering'),
    ).toBeInTheDocument();
    expect(screen.getByText('Ask for at most 2Ti.')).toBeInTheDocument();
    expect(onSubmitted).not.toHaveBeenCalled();
    expect(button('Request resize')).toBeEnabled();
  });

  it("shows the backend's message on 403", async () => {
    serveAction('resize', () =>
      errorResponse(
        403,
        'You may not update the storage of payments-api: ask one of its owners',
      ),
    );
    await render(ResizeDialog);
    await userEvent.click(button('Request resize'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not allowed: You may not update the storage of payments-api: ask one of its owners',
    );
  });
});

describe('SnapshotDialog', () => {
  it('proposes a name, validates it and sends it', async () => {
    const bodies = serveAction('snapshot');
    await render(SnapshotDialog);
    const name = screen.getByLabelText('Snapshot name') as HTMLInputElement;
    expect(name.value).toMatch(/^data-payments-db-0-\d{8}t\d{4}$/);

    setField('Snapshot name', 'Nightly_Copy');
    expect(
      screen.getByText(/is not a valid VolumeSnapshot name/),
    ).toBeInTheDocument();
    expect(button('Request snapshot')).toBeDisabled();
    setField('Snapshot name', 'data-payments-db-0-nightly');
    expect(
      screen.getByText('Snapshot data-payments-db-0-nightly already exists'),
    ).toBeInTheDocument();
    expect(button('Request snapshot')).toBeDisabled();

    setField('Snapshot name', 'before-upgrade');
    await userEvent.click(button('Request snapshot'));
    expect(
      await screen.findByText(
        'Snapshot of data-payments-db-0 was approved and is being applied to eks-dev.',
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ snapshotName: 'before-upgrade' }]);
  });

  it('shows a server error', async () => {
    serveAction('snapshot', () =>
      errorResponse(500, 'The cluster eks-dev is unreachable'),
    );
    await render(SnapshotDialog);
    await userEvent.click(button('Request snapshot'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The cluster eks-dev is unreachable',
    );
  });
});

describe('RestoreDialog', () => {
  it('restores a ready snapshot into a new claim', async () => {
    const bodies = serveAction('restore');
    await render(RestoreDialog, claimDetail(), {
      snapshotName: 'data-payments-db-0-nightly',
    });
    expect(screen.getByLabelText('New claim name')).toHaveValue(
      'data-payments-db-0-restore',
    );
    expect(screen.getByLabelText('Size')).toHaveValue('20Gi');

    setField('New claim name', 'Restored Data');
    expect(button('Request restore')).toBeDisabled();
    setField('New claim name', 'data-restored');
    setField('Size', '10Gi');
    expect(screen.getByText('At least 20Gi')).toBeInTheDocument();
    setField('Size', '30Gi');
    expect(screen.getByText('Estimated cost: $2.40/mo')).toBeInTheDocument();
    await userEvent.click(button('Request restore'));
    expect(
      await screen.findByText(/Restore of data-payments-db-0 was approved/),
    ).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        snapshotName: 'data-payments-db-0-nightly',
        claimName: 'data-restored',
        size: '30Gi',
        accessMode: 'ReadWriteOnce',
        offering: 'ebs-gp3',
      },
    ]);
  });

  it('cannot restore without a ready snapshot', async () => {
    await render(RestoreDialog, claimDetail(undefined, { snapshots: [] }));
    expect(
      screen.getByText('Pick a snapshot that is ready to use'),
    ).toBeInTheDocument();
    expect(button('Request restore')).toBeDisabled();
  });
});

describe('DeleteDialog', () => {
  it('says the data is destroyed, offers a snapshot first and needs the name typed', async () => {
    const bodies = serveAction('delete', () =>
      HttpResponse.json(
        accepted('delete', 'approved', {
          consequence:
            'The volume pvc-data-payments-db-0 and all its data are destroyed (reclaim policy Delete).',
        }),
        { status: 202 },
      ),
    );
    const onSnapshotFirst = jest.fn();
    await render(DeleteDialog, claimDetail(), { onSnapshotFirst });
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(
      'This destroys the volume pvc-data-payments-db-0 and all its data.',
    );
    expect(dialog).toHaveTextContent(/Pod payments-db-0 still uses this claim/);
    expect(dialog).toHaveTextContent(
      /Snapshot data-payments-db-0-nightly is ready to restore/,
    );
    await userEvent.click(button('Snapshot first'));
    expect(onSnapshotFirst).toHaveBeenCalled();

    expect(button('Delete claim')).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Claim name'), 'data-payments');
    expect(button('Delete claim')).toBeDisabled();
    expect(
      screen.getByText('Does not match data-payments-db-0'),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Claim name'), '-db-0');
    await userEvent.click(button('Delete claim'));
    expect(
      await screen.findByText(
        'The volume pvc-data-payments-db-0 and all its data are destroyed (reclaim policy Delete).',
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ confirm: 'data-payments-db-0' }]);
  });

  it('says a retained volume stays and is still billed', async () => {
    const claim = claimDetail(receiptsClaim);
    claim.volume!.reclaimPolicy = 'Retain';
    await render(DeleteDialog, claim);
    expect(screen.getByRole('dialog')).toHaveTextContent(
      /The volume pvc-checkout-receipts is kept and still billed/,
    );
    expect(screen.queryByRole('button', { name: 'Snapshot first' })).toBeNull();
  });

  it('says nothing is lost when the claim has no volume yet', async () => {
    await render(
      DeleteDialog,
      claimDetail(undefined, { volume: undefined, consumers: [] }),
      { onSnapshotFirst: jest.fn() },
    );
    expect(screen.getByRole('dialog')).toHaveTextContent(
      'The claim has no volume yet: no data is lost.',
    );
    expect(screen.getByRole('dialog')).not.toHaveTextContent(/destroys/);
    expect(screen.queryByRole('button', { name: 'Snapshot first' })).toBeNull();
  });

  it("shows the backend's refusal", async () => {
    serveAction('delete', () =>
      errorResponse(
        400,
        "confirm must repeat the claim's name (data-payments-db-0) to delete it",
      ),
    );
    await render(DeleteDialog);
    await userEvent.type(
      screen.getByLabelText('Claim name'),
      'data-payments-db-0',
    );
    await userEvent.click(button('Delete claim'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "confirm must repeat the claim's name (data-payments-db-0) to delete it",
    );
  });
});
