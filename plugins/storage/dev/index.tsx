import { createDevApp } from '@backstage/dev-utils';
import { storagePlugin, StoragePage } from '../src/plugin';

createDevApp()
  .registerPlugin(storagePlugin)
  .addPage({
    element: <StoragePage />,
    title: 'Root Page',
    path: '/storage',
  })
  .render();
