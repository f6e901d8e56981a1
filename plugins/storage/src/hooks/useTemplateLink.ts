import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { createFromTemplateRouteRef } from '../routes';

/** The template the Storage tab offers: the storage module's "Request persistent storage". */
export const DEFAULT_REQUEST_TEMPLATE = 'template:default/request-storage';

/**
 * A link to a scaffolder template with its form prefilled (the
 * scaffolder reads `?formData=<JSON>`), or undefined when the app has not
 * bound the scaffolder's template route.
 */
export function useTemplateLink(
  templateRef: string | undefined,
  formData: Record<string, string>,
): string | undefined {
  const route = useRouteRef(createFromTemplateRouteRef);
  if (!route || !templateRef) return undefined;
  const { namespace, name } = parseEntityRef(templateRef, {
    defaultKind: 'template',
    defaultNamespace: 'default',
  });
  const query = new URLSearchParams({ formData: JSON.stringify(formData) });
  return `${route({ namespace, templateName: name })}?${query}`;
}
