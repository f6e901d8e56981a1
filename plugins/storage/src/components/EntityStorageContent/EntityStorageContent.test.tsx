import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { paymentsApiEntity as entity } from '../../__testUtils__/paymentsApiEntity';
import { EntityStorageContent } from './EntityStorageContent';

describe('EntityStorageContent', () => {
  it('says there is no storage yet and which claims it looks for', async () => {
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityStorageContent />
      </EntityProvider>,
    );
    expect(screen.getByText('No storage yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Looking for claims labelled backstage.io/kubernetes-id=payments-api in namespace payments.',
      ),
    ).toBeInTheDocument();
  });
});
