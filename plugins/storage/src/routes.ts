import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity's Storage tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'storage:entity-content',
});

/** The stand-alone storage page (claims by cluster, namespace and name). */
export const rootRouteRef = createRouteRef({
  id: 'storage:root',
});
