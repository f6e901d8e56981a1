import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityStorageContent, storagePlugin } from '../src';
import { paymentsApiEntity } from '../src/__testUtils__/paymentsApiEntity';

createDevApp()
  .registerPlugin(storagePlugin)
  .addPage({
    title: 'Storage tab',
    path: '/storage',
    element: (
      <EntityProvider entity={paymentsApiEntity}>
        <EntityStorageContent />
      </EntityProvider>
    ),
  })
  .render();
