import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { errorResponse, http, server, url } from '../../__testUtils__/server';
import { claimsResponse } from '../../__testUtils__/fixtures';
import { serveBackend } from '../__testUtils__/backend';
import { renderForm } from '../__testUtils__/renderForm';
import { offeringsToShow } from './StorageOfferingPicker';
import { scaffolderOfferings } from '../__testUtils__/backend';

registerMswTestHooks(server);
jest.setTimeout(60_000);

const properties = (uiOptions = {}) => ({
  workload: { type: 'string', title: 'Workload' },
  offering: {
    type: 'string',
    title: 'Offering',
    'ui:field': 'StorageOfferingPicker',
    'ui:options': uiOptions,
  },
});

describe('offeringsToShow', () => {
  const ids = (options: Parameters<typeof offeringsToShow>[1]) =>
    offeringsToShow(scaffolderOfferings, options).map(o => o.id);

  it.each([
    [
      {},
      [
        'ebs-gp3',
        'ebs-io2',
        'efs-shared',
        'fsx-scratch',
        's3-bucket',
        'ontap-nas',
      ],
    ],
    [{ drivers: ['efs'] }, ['efs-shared']],
    [{ drivers: ['s3', 'efs'] }, ['efs-shared', 's3-bucket']],
    // ONTAP is only in eks-prod.
    [
      { clusters: ['eks-dev'] },
      ['ebs-gp3', 'ebs-io2', 'efs-shared', 'fsx-scratch', 's3-bucket'],
    ],
    [{ clusters: [] }, []],
    // The workload's recommendations first, the platform's order kept.
    [
      { workload: 'ml-scratch' as const },
      [
        'fsx-scratch',
        'ebs-gp3',
        'ebs-io2',
        'efs-shared',
        's3-bucket',
        'ontap-nas',
      ],
    ],
    [
      { workload: 'logs-backup' as const, drivers: ['s3', 'ebs'] },
      ['s3-bucket', 'ebs-gp3', 'ebs-io2'],
    ],
  ])('%j → %j', (options, expected) => {
    expect(ids(options)).toEqual(expected);
  });
});

describe('StorageOfferingPicker', () => {
  it('shows the offerings of the entity’s clusters as cards and marks the workload’s recommendation', async () => {
    serveBackend({
      claims: {
        ...claimsResponse,
        clusters: [{ name: 'eks-dev', synced: true, claims: 3 }],
      },
    });
    await renderForm({
      properties: properties(),
      initialState: { workload: 'database' },
    });
    const group = await screen.findByRole('radiogroup', { name: 'Offering' });
    const radios = within(group).getAllByRole('radio');
    // ONTAP is not in eks-dev, the entity's only cluster.
    expect(radios).toHaveLength(5);
    expect(
      screen.queryByRole('radio', { name: /NetApp ONTAP/ }),
    ).not.toBeInTheDocument();
    const gp3 = screen.getByRole('radio', { name: /EBS gp3/ });
    const card = gp3.closest('label')!;
    expect(card).toHaveTextContent('Recommended');
    expect(card).toHaveTextContent('RWO');
    expect(card).toHaveTextContent('Resizable');
    expect(card).toHaveTextContent(/\$[\d.]+\/mo at 20Gi/);
    expect(
      screen.getByRole('radio', { name: /EFS/ }).closest('label'),
    ).not.toHaveTextContent('Recommended');

    await userEvent.click(gp3);
    expect(gp3).toBeChecked();
  });

  it('shows every offering when the entity’s clusters cannot be read', async () => {
    serveBackend();
    server.use(
      http.get(url('/claims'), () =>
        errorResponse(403, 'You may not read the storage of payments-api'),
      ),
    );
    await renderForm({ properties: properties() });
    const group = await screen.findByRole('radiogroup', { name: 'Offering' });
    expect(within(group).getAllByRole('radio')).toHaveLength(6);
  });

  it('offers only the drivers a template allows', async () => {
    serveBackend();
    await renderForm({ properties: properties({ drivers: ['efs'] }) });
    const group = await screen.findByRole('radiogroup', { name: 'Offering' });
    expect(within(group).getAllByRole('radio')).toHaveLength(1);
    expect(within(group).getByRole('radio')).toHaveAccessibleName(/EFS/);
  });

  it('refuses, before the next step, an offering outside the template’s drivers', async () => {
    serveBackend();
    const { onCreate } = await renderForm({
      properties: properties({ drivers: ['efs'] }),
      initialState: { offering: 'ebs-gp3' },
    });
    await screen.findByRole('radiogroup', { name: 'Offering' });
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findAllByText(/this template takes .*EFS.* only/),
    ).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();

    await userEvent.click(screen.getByRole('radio', { name: /EFS/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Create' })).toBeEnabled(),
    );
    expect(onCreate).not.toHaveBeenCalled();
  });
});
