import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

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

/**
 * A scaffolder template's page, where the Storage tab's "Use a template"
 * opens the storage request template prefilled with the entity. Bind it to
 * the scaffolder's `selectedTemplate` route; unbound, the button is hidden.
 */
export const createFromTemplateRouteRef = createExternalRouteRef({
  id: 'storage:create-from-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
