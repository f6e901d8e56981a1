import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { DiagnosisSeverity } from '@eks-storage/backstage-plugin-storage-common';
import { StorageRow } from '../../lib/rows';
import { ClaimsTable } from './ClaimsTable';

jest.setTimeout(60_000);

const SEVERITIES: DiagnosisSeverity[] = [
  'ok',
  'ok',
  'ok',
  'info',
  'warning',
  'error',
];
const DRIVERS = ['ebs', 'efs', 'fsx-lustre', 's3', 'ontap'] as const;
const NAMES = ['EBS', 'EFS', 'FSx for Lustre', 'S3', 'FSx for NetApp ONTAP'];

/** Many claims across three clusters and every driver. */
function manyRows(count: number): StorageRow[] {
  return Array.from({ length: count }, (_, i) => {
    const severity = SEVERITIES[i % SEVERITIES.length];
    return {
      id: `row-${i}`,
      kind: 'claim',
      cluster: `eks-${i % 3}`,
      namespace: 'payments',
      name: `claim-${String(i).padStart(5, '0')}`,
      driver: DRIVERS[i % 5],
      driverName: NAMES[i % 5],
      offering: 'Block storage (EBS gp3)',
      requested: `${(i % 50) + 1}Gi`,
      capacity: `${(i % 50) + 1}Gi`,
      accessModes: ['ReadWriteOnce'],
      state: severity === 'ok' ? 'bound' : 'failed',
      stateLabel: severity === 'ok' ? 'Bound' : 'Failed',
      severity,
      headline: `Claim payments/claim-${i} is ${severity}`,
      createdAt: '2026-01-10T08:00:00Z',
      pending: [],
    };
  });
}

describe('ClaimsTable', () => {
  // How fast is measured in bench/frontend, never here.
  it('stays usable with 5,000 claims: renders one page, filters and searches', async () => {
    const rows = manyRows(5000);
    await renderInTestApp(<ClaimsTable rows={rows} />);
    expect(screen.getByText('Storage (5000)')).toBeInTheDocument();
    // One page is rendered, not 5,000 rows.
    expect(screen.getAllByRole('row').length).toBeLessThanOrEqual(22);

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Needs attention' }),
    );
    expect(
      await screen.findByText('Storage (1666 of 5000)'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Cluster'));
    await userEvent.click(await screen.findByRole('option', { name: 'eks-1' }));
    expect(
      await screen.findByText('Storage (833 of 5000)'),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByPlaceholderText('Filter'), {
      target: { value: 'claim-04996' },
    });
    expect(
      await screen.findByText('claim-04996', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('sorts by capacity and by status', async () => {
    const sizes = ['5Gi', '1Ti', '20Gi', '500Mi', '2Gi', '100Gi'];
    const rows = manyRows(6).map((row, i) => ({
      ...row,
      requested: sizes[i],
      capacity: sizes[i],
    }));
    await renderInTestApp(<ClaimsTable rows={rows} />);
    await userEvent.click(screen.getByRole('button', { name: 'Capacity' }));
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map(r => within(r).getAllByRole('cell')[1].textContent);
    expect(names().map(n => n?.slice(0, 11))).toEqual([
      'claim-00003',
      'claim-00004',
      'claim-00000',
      'claim-00002',
      'claim-00005',
      'claim-00001',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Status' }));
    expect(names()[0]?.slice(0, 11)).toBe('claim-00005');
  });

  it('keeps the rows on screen while a refresh is under way, then shows the new answer', async () => {
    const rows = manyRows(3);
    const { rerender } = await renderInTestApp(<ClaimsTable rows={rows} />);
    expect(screen.getByText('claim-00001')).toBeInTheDocument();

    rerender(<ClaimsTable rows={rows} loading />);
    expect(screen.getByRole('table', { name: 'Storage' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(screen.getByText('claim-00001')).toBeInTheDocument();

    // The answer brings new objects for every claim; one changed state.
    const refreshed = rows.map(row => ({ ...row }));
    refreshed[1] = { ...refreshed[1], stateLabel: 'Lost', severity: 'error' };
    rerender(<ClaimsTable rows={refreshed} />);
    const row = screen.getByText('claim-00001').closest('tr')!;
    expect(within(row).getByText('Lost')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Storage' })).not.toHaveAttribute(
      'aria-busy',
    );
  });

  it('pages through the claims, and starts again at the first page on a new order', async () => {
    await renderInTestApp(<ClaimsTable rows={manyRows(45)} />);
    expect(screen.getByText('1-20 of 45')).toBeInTheDocument();
    expect(screen.getByText('claim-00000')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('21-40 of 45')).toBeInTheDocument();
    expect(screen.getByText('claim-00020')).toBeInTheDocument();
    expect(screen.queryByText('claim-00000')).not.toBeInTheDocument();

    // Descending by name: the last claims first, from the first page.
    await userEvent.click(screen.getByRole('button', { name: 'Claim' }));
    await userEvent.click(screen.getByRole('button', { name: 'Claim' }));
    expect(screen.getByText('1-20 of 45')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Claim/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(screen.getByText('claim-00044')).toBeInTheDocument();
  });
});
