import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';

import { rootRouteRef } from './routes';

export const storagePlugin = createPlugin({
  id: 'storage',
  routes: {
    root: rootRouteRef,
  },
});

export const StoragePage = storagePlugin.provide(
  createRoutableExtension({
    name: 'StoragePage',
    component: () =>
      import('./components/ExampleComponent').then(m => m.ExampleComponent),
    mountPoint: rootRouteRef,
  }),
);
