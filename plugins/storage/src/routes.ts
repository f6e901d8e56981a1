import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity's Storage tab. */
export const entityContentRouteRef = createRouteRef({
  id: 'storage:entity-content',
});

/** The stand-alone storage page (claims by cluster, namespace and name). */
export const rootRouteRef = createRouteRef({
  id: 'storage:root',
});

/** The platform team's approval queue, and a requester's own pending requests. */
export const approvalsRouteRef = createRouteRef({
  id: 'storage:approvals',
});

/** One request: its timeline from submission to the claim, and its actions. */
export const requestRouteRef = createRouteRef({
  id: 'storage:request',
  params: ['id'],
});
