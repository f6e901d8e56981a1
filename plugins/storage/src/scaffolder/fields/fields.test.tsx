import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { claimsResponse } from '../../__testUtils__/fixtures';
import { server } from '../../__testUtils__/server';
import { serveBackend } from '../__testUtils__/backend';
import { renderForm } from '../__testUtils__/renderForm';

registerMswTestHooks(server);
jest.setTimeout(60_000);

/** Template 1's storage step, as the module ships it. */
const storageStep = {
  offering: {
    title: 'Storage offering',
    type: 'string',
    'ui:field': 'StorageOfferingPicker',
  },
  size: {
    title: 'Size',
    type: 'string',
    'ui:field': 'StorageSizePicker',
  },
  accessMode: {
    title: 'Access mode',
    type: 'string',
    'ui:field': 'StorageAccessModePicker',
  },
  placement: {
    title: 'Cluster and namespace',
    type: 'object',
    properties: {
      cluster: { type: 'string' },
      namespace: { type: 'string' },
    },
    'ui:field': 'StorageClusterNamespacePicker',
  },
  claimName: { title: 'Claim name', type: 'string', default: 'data' },
  restoreFrom: {
    title: 'Restore from snapshot',
    type: 'string',
    'ui:field': 'StorageSnapshotPicker',
  },
  justification: {
    title: 'Justification',
    type: 'string',
    'ui:field': 'StorageJustificationField',
    'ui:options': {
      clusterNamespaceField: 'placement',
      snapshotField: 'restoreFrom',
    },
  },
};

const review = () =>
  userEvent.click(screen.getByRole('button', { name: 'Review' }));
const created = () => screen.findByRole('button', { name: 'Create' });

describe('the storage fields in a template', () => {
  it('fills a database volume: size with bounds and cost, the offering’s modes, the entity’s namespace, policy at once', async () => {
    const { validations } = serveBackend();
    const { onCreate } = await renderForm({
      properties: storageStep,
      required: ['offering', 'size', 'accessMode', 'placement'],
      initialState: { workload: 'database', offering: 'ebs-gp3' },
    });

    // Size: the offering's default, bounds, the monthly estimate.
    const size = await screen.findByRole('textbox', { name: 'Size' });
    expect(size).toHaveValue('20');
    expect(screen.getByText('Between 1Gi and 2Ti')).toBeInTheDocument();
    expect(screen.getByText(/Estimated monthly cost: \$/)).toBeInTheDocument();
    // Policy, asked of the backend once the size settles.
    expect(
      await screen.findByText(/Applied at once: Small gp3 volumes in eks-dev/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Policy for eks-dev/payments:'),
    ).toBeInTheDocument();
    expect(validations[0]).toMatchObject({
      operation: 'create',
      entityRef: 'component:default/payments-api',
      cluster: 'eks-dev',
      namespace: 'payments',
      offering: 'ebs-gp3',
      size: '20Gi',
      accessMode: 'ReadWriteOnce',
      workload: 'database',
    });

    // Access modes: gp3's two, the first chosen.
    const modes = screen.getByRole('radiogroup', { name: 'Access mode' });
    expect(within(modes).getAllByRole('radio')).toHaveLength(2);
    expect(
      within(modes).getByRole('radio', { name: /ReadWriteOnce \(RWO\)/ }),
    ).toBeChecked();

    // Cluster and namespace: the first cluster that has gp3, the entity's namespace.
    expect(screen.getByRole('textbox', { name: 'Namespace' })).toHaveValue(
      'payments',
    );
    expect(screen.getByRole('button', { name: /Cluster/ })).toHaveTextContent(
      'eks-dev',
    );

    // Auto-approved: no justification asked.
    expect(screen.queryByRole('textbox', { name: /Justification/ })).toBeNull();

    // 40 Gi, and on to the review.
    await userEvent.clear(size);
    await userEvent.type(size, '40');
    await review();
    await userEvent.click(await created());
    await waitFor(() => expect(onCreate).toHaveBeenCalled());
    expect(onCreate.mock.calls[0][0]).toMatchObject({
      offering: 'ebs-gp3',
      size: '40Gi',
      accessMode: 'ReadWriteOnce',
      placement: { cluster: 'eks-dev', namespace: 'payments' },
    });
  });

  it('shows an invalid size at once and refuses it before the next step', async () => {
    serveBackend();
    await renderForm({
      properties: storageStep,
      initialState: { workload: 'database', offering: 'ebs-gp3' },
    });
    const size = await screen.findByRole('textbox', { name: 'Size' });
    await userEvent.click(screen.getByRole('button', { name: /Unit/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Ti' }));
    await userEvent.clear(size);
    await userEvent.type(size, '3');
    // storage-common's words, as the user types.
    expect(
      await screen.findByText(/size 3Ti is above the maximum of .*\(2Ti\)/),
    ).toBeInTheDocument();
    await review();
    expect(
      (await screen.findAllByText(/size 3Ti is above the maximum/)).length,
    ).toBeGreaterThan(1);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
  });

  it('explains FSx rounding and storage billed by use', async () => {
    serveBackend();
    await renderForm({
      properties: storageStep,
      initialState: { offering: 'fsx-scratch', size: '1300Gi' },
    });
    expect(
      await screen.findByText(/FSx for Lustre creates 1200 GiB/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/will create 2400 GiB .*not 1300Gi/),
    ).toBeInTheDocument();
  });

  it('says EFS is billed by use', async () => {
    serveBackend();
    await renderForm({
      properties: storageStep,
      initialState: { offering: 'efs-shared' },
    });
    expect(
      await screen.findByText(/Billed by use: Amazon EFS charges/),
    ).toBeInTheDocument();
    const modes = screen.getByRole('radiogroup', { name: 'Access mode' });
    expect(
      within(modes)
        .getAllByRole('radio')
        .map(r => r.getAttribute('value')),
    ).toEqual(['ReadWriteMany', 'ReadWriteOnce']);
  });

  it('asks for a justification when policy sends the request to approvers, and requires it', async () => {
    serveBackend();
    const { onCreate } = await renderForm({
      properties: storageStep,
      initialState: {
        workload: 'database',
        offering: 'ebs-gp3',
        size: '800Gi',
      },
    });
    expect(
      await screen.findByText(
        /^Needs approval by platform-team: Volumes over 500 GiB \(rule large-volume\)$/,
      ),
    ).toBeInTheDocument();
    const justification = await screen.findByRole('textbox', {
      name: /Justification/,
    });
    await review();
    expect(
      (await screen.findAllByText(/The platform team approves this request/))
        .length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();

    await userEvent.type(justification, 'Ledger history for audits');
    await review();
    await userEvent.click(await created());
    await waitFor(() =>
      expect(onCreate.mock.calls[0][0]).toMatchObject({
        size: '800Gi',
        justification: 'Ledger history for audits',
      }),
    );
  });

  it('lists only the clusters that serve the offering and keeps the namespace to the entity’s', async () => {
    const { validations } = serveBackend({
      grantedNamespaces: ['payments-batch'],
    });
    await renderForm({
      properties: storageStep,
      initialState: { offering: 'ontap-nas' },
    });
    // ONTAP is only in eks-prod.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Cluster/ })).toHaveTextContent(
        'eks-prod',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: /Cluster/ }));
    expect(await screen.findAllByRole('option')).toHaveLength(1);
    await userEvent.keyboard('{Escape}');

    const namespace = screen.getByRole('textbox', { name: 'Namespace' });
    await userEvent.clear(namespace);
    await userEvent.type(namespace, 'kube-system');
    expect(namespace).toHaveAccessibleDescription(
      'Namespace kube-system is reserved for the cluster: use payments',
    );

    // Another namespace: the backend knows what the owner was granted.
    await userEvent.clear(namespace);
    await userEvent.type(namespace, 'team-data');
    await waitFor(() =>
      expect(namespace).toHaveAccessibleDescription(
        /Namespace team-data does not belong to payments-api: use payments or payments-batch/,
      ),
    );
    await review();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();

    await userEvent.clear(namespace);
    await userEvent.type(namespace, 'payments-batch');
    await waitFor(() =>
      expect(validations.some(v => v.namespace === 'payments-batch')).toBe(
        true,
      ),
    );
    await waitFor(() =>
      expect(namespace).toHaveAccessibleDescription(
        /allowed only where the platform team granted it/,
      ),
    );
    await review();
    expect(await created()).toBeEnabled();
  });

  it('fills in the entity’s namespace when the catalog answers after the clusters', async () => {
    serveBackend();
    await renderForm({
      properties: storageStep,
      initialState: { offering: 'ebs-gp3' },
      catalogDelayMs: 500,
    });
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Namespace' })).toHaveValue(
        'payments',
      ),
    );
  });

  it('offers the entity’s ready snapshots in the chosen cluster and namespace', async () => {
    serveBackend();
    await renderForm({
      properties: storageStep,
      initialState: {
        offering: 'ebs-gp3',
        placement: { cluster: 'eks-dev', namespace: 'payments' },
      },
    });
    const picker = await screen.findByRole('button', {
      name: /Restore from snapshot/,
    });
    await userEvent.click(picker);
    const options = await screen.findAllByRole('option');
    const names = options.map(o => o.textContent);
    // Ready snapshots of the eks-dev claims; not the one still being taken,
    // not eks-prod's archive.
    expect(names[0]).toBe('None: start empty');
    expect(names.some(n => n?.startsWith('data-payments-db-0-nightly'))).toBe(
      true,
    );
    expect(names.some(n => n?.startsWith('data-payments-db-0-now'))).toBe(
      false,
    );
    expect(names.some(n => n?.includes('payments-archive'))).toBe(false);
    await userEvent.click(
      options.find(o =>
        o.textContent?.startsWith('data-payments-db-0-nightly'),
      )!,
    );
    expect(
      screen.getByRole('button', { name: /Restore from snapshot/ }),
    ).toHaveTextContent('data-payments-db-0-nightly');
  });

  it('refuses a snapshot that is not one of the entity’s ready snapshots', async () => {
    serveBackend();
    await renderForm({
      properties: storageStep,
      initialState: {
        offering: 'ebs-gp3',
        placement: { cluster: 'eks-dev', namespace: 'payments' },
        restoreFrom: 'data-payments-db-0-now',
      },
    });
    await screen.findByRole('button', { name: /Restore from snapshot/ });
    await review();
    expect(
      (
        await screen.findAllByText(
          /is not a ready snapshot of component:default\/payments-api/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('mounts one of the buckets the S3 offering lists', async () => {
    serveBackend();
    const { onCreate } = await renderForm({
      properties: {
        offering: {
          type: 'string',
          title: 'Bucket offering',
          'ui:field': 'StorageOfferingPicker',
          'ui:options': { drivers: ['s3'] },
        },
        bucket: {
          type: 'string',
          title: 'Bucket',
          'ui:field': 'StorageExistingVolumePicker',
        },
      },
      required: ['offering', 'bucket'],
      initialState: { offering: 's3-bucket', bucket: 'someone-elses-bucket' },
    });
    const buckets = await screen.findByRole('radiogroup', { name: 'Bucket' });
    expect(within(buckets).getAllByRole('radio')).toHaveLength(2);
    expect(buckets).toHaveTextContent(
      'For team-payments; others wait for the platform team',
    );
    await review();
    expect(
      (
        await screen.findAllByText(
          /someone-elses-bucket is not one of the volumes/,
        )
      ).length,
    ).toBeGreaterThan(0);
    await userEvent.click(
      within(buckets).getByRole('radio', { name: /acme-shared-logs/ }),
    );
    await review();
    await userEvent.click(await created());
    await waitFor(() =>
      expect(onCreate.mock.calls[0][0]).toMatchObject({
        bucket: 'acme-shared-logs',
      }),
    );
  });

  it('waits for an offering before the fields that depend on it', async () => {
    serveBackend({ claims: claimsResponse });
    await renderForm({ properties: storageStep });
    expect(
      await screen.findAllByText('Choose an offering first.'),
    ).toHaveLength(2);
    expect(screen.queryByRole('textbox', { name: 'Size' })).toBeNull();
  });
});
