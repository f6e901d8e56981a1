import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { ENTITY_REF, offerings, request } from '../../__testUtils__/fixtures';
import {
  HttpResponse,
  StorageApis,
  errorResponse,
  http,
  server,
  url,
} from '../../__testUtils__/server';
import { RequestStorageDialog } from './RequestStorageDialog';

registerMswTestHooks(server);
jest.setTimeout(30_000);

async function render() {
  const onSubmitted = jest.fn();
  await renderInTestApp(
    <StorageApis>
      <RequestStorageDialog
        open
        onClose={jest.fn()}
        entityRef={ENTITY_REF}
        offerings={offerings}
        clusters={['eks-dev', 'eks-prod']}
        defaultNamespace="payments"
        defaultClaimName="payments-api-data"
        onSubmitted={onSubmitted}
      />
    </StorageApis>,
  );
  return { onSubmitted };
}

const submit = () => screen.getByRole('button', { name: 'Submit request' });

function serveSubmit(respond?: () => Response) {
  const bodies: unknown[] = [];
  server.use(
    http.post(url('/requests'), async ({ request: req }) => {
      bodies.push(await req.json());
      return (
        respond?.() ??
        HttpResponse.json(
          {
            request: request({ claimName: 'orders-db', offeringId: 'ebs-gp3' }),
            findings: [],
            manifests: [],
            manifestsYaml: '',
          },
          { status: 201 },
        )
      );
    }),
  );
  return bodies;
}

describe('RequestStorageDialog', () => {
  it('explains the offerings, recommends by workload and marks those missing from the cluster', async () => {
    await render();
    const offeringsGroup = screen.getByRole('radiogroup', { name: 'Offering' });
    expect(within(offeringsGroup).getAllByRole('radio')).toHaveLength(6);
    expect(
      within(offeringsGroup).getByText(/One volume per pod, in the pod’s AZ/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText(/What is it for/));
    await userEvent.click(
      await screen.findByRole('option', { name: 'CI workspace' }),
    );
    const efs = screen.getByRole('radio', {
      name: /Shared file system \(EFS\)/,
    });
    expect(efs.closest('label')).toHaveTextContent('Recommended');

    // ONTAP is only in eks-prod.
    expect(screen.getByRole('radio', { name: /NetApp ONTAP/ })).toBeDisabled();
    expect(
      screen.getByText('Not available in cluster eks-dev.'),
    ).toBeInTheDocument();
  });

  it('validates as you type, estimates the cost and submits the request', async () => {
    const bodies = serveSubmit();
    const { onSubmitted } = await render();
    expect(submit()).toBeDisabled();
    await userEvent.click(
      screen.getByRole('radio', { name: /Block storage \(EBS gp3\)/ }),
    );
    expect(screen.getByLabelText('Size')).toHaveValue('20Gi');
    expect(screen.getByText('Estimated cost: $1.60/mo')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Size'), {
      target: { value: '5Ti' },
    });
    expect(screen.getByText(/above the maximum/)).toBeInTheDocument();
    expect(submit()).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Size'), {
      target: { value: '100Gi' },
    });
    expect(screen.getByText('Estimated cost: $8.00/mo')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Claim name'), {
      target: { value: 'Orders_DB' },
    });
    expect(
      screen.getByText(/is not a valid PersistentVolumeClaim name/),
    ).toBeInTheDocument();
    expect(submit()).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Claim name'), {
      target: { value: 'orders-db' },
    });

    await userEvent.click(
      screen.getByRole('radio', { name: /ReadWriteOncePod/ }),
    );
    await userEvent.click(submit());
    expect(
      await screen.findByText(
        /Request for orders-db waits for the platform team's approval/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('storage-request-outcome-link')).toHaveAttribute(
      'href',
      '/storage/requests/req-1',
    );
    expect(bodies).toEqual([
      {
        operation: 'create',
        entityRef: ENTITY_REF,
        cluster: 'eks-dev',
        namespace: 'payments',
        claimName: 'orders-db',
        offering: 'ebs-gp3',
        size: '100Gi',
        accessMode: 'ReadWriteOncePod',
      },
    ]);
    expect(onSubmitted).toHaveBeenCalled();
  });

  it('asks for the bucket of a static S3 offering', async () => {
    const bodies = serveSubmit();
    await render();
    await userEvent.click(
      screen.getByRole('radio', { name: /S3 bucket mount/ }),
    );
    expect(
      screen.getAllByText(/billed by the data stored/).length,
    ).toBeGreaterThan(0);
    expect(submit()).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Bucket name'), {
      target: { value: 'acme-payments-exports' },
    });
    await userEvent.click(submit());
    await screen.findByRole('status');
    expect(bodies[0]).toMatchObject({
      offering: 's3-bucket',
      accessMode: 'ReadOnlyMany',
      source: { type: 'existing', volumeId: 'acme-payments-exports' },
    });
  });

  it('shows the findings of a rejected request', async () => {
    serveSubmit(() =>
      errorResponse(400, 'The request has errors', {
        findings: [
          {
            severity: 'error',
            field: 'namespace',
            code: 'namespace-not-owned',
            message: 'Namespace payments does not belong to payments-api',
            fix: 'Use a namespace the component owns.',
          },
        ],
      }),
    );
    await render();
    await userEvent.click(
      screen.getByRole('radio', { name: /Block storage \(EBS gp3\)/ }),
    );
    await userEvent.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The request has errors',
    );
    expect(
      screen.getByText('Namespace payments does not belong to payments-api'),
    ).toBeInTheDocument();
  });

  it('checks the request with the cluster and shows the manifests', async () => {
    server.use(
      http.post(url('/requests/validate'), () =>
        HttpResponse.json({
          findings: [],
          manifests: [],
          manifestsYaml: 'kind: PersistentVolumeClaim\n',
          dryRun: { ok: true },
        }),
      ),
    );
    await render();
    await userEvent.click(
      screen.getByRole('radio', { name: /Block storage \(EBS gp3\)/ }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Check with the cluster' }),
    );
    expect(
      await screen.findByText(
        'The cluster accepts these manifests (server-side dry run).',
      ),
    ).toBeInTheDocument();
  });

  it('says before submitting whether the request is applied at once, needs approval or is denied', async () => {
    const decisions = [
      {
        outcome: 'require-approval',
        rule: 'large-volumes',
        reason: 'Volumes over 500Gi need the platform team',
        approvers: ['group:default/platform-team', 'group:default/dba'],
        mode: 'any',
      },
      { outcome: 'deny', rule: 'no-io2-dev', reason: 'No io2 in eks-dev' },
      { outcome: 'auto-approve', reason: 'Within the team budget' },
    ];
    let asked = 0;
    server.use(
      http.post(url('/requests/validate'), () =>
        HttpResponse.json({
          findings: [],
          manifests: [],
          manifestsYaml: '',
          decision: decisions[asked++],
        }),
      ),
    );
    await render();
    await userEvent.click(
      screen.getByRole('radio', { name: /Block storage \(EBS gp3\)/ }),
    );
    const check = screen.getByRole('button', {
      name: 'Check with the cluster',
    });
    for (const expected of [
      'Needs approval by platform-team or dba: Volumes over 500Gi need the platform team (rule large-volumes)',
      'Denied: No io2 in eks-dev (rule no-io2-dev)',
      'Applied at once: Within the team budget',
    ]) {
      await userEvent.click(check);
      expect(
        await screen.findByText(expected, {
          selector: '[data-testid="storage-request-decision"] *',
        }),
      ).toBeInTheDocument();
    }
  });
});
