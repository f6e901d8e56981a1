import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity's Storage tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'storage:entity-content',
});
