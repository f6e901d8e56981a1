import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

const EXAMPLE = 'component:default/payments-api';

/**
 * Checks an entity reference as the catalog would store it (kind, namespace
 * and name each a valid Kubernetes-style name), before it reaches the
 * catalog: control characters, emoji, surrogates and huge strings are
 * refused here by name instead of failing there.
 */
export function checkEntityRef(ref: unknown, field = 'entityRef'): string {
  if (typeof ref !== 'string' || ref === '') {
    throw new InputError(
      `${field} is required: a catalog entity such as ${EXAMPLE}`,
    );
  }
  let parsed;
  try {
    parsed = ref.length <= 300 ? parseEntityRef(ref) : undefined;
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    !KubernetesValidatorFunctions.isValidKind(parsed.kind) ||
    !KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) ||
    !KubernetesValidatorFunctions.isValidObjectName(parsed.name)
  ) {
    throw new InputError(
      `${field} is not an entity reference such as ${EXAMPLE}`,
    );
  }
  return ref;
}

/** The catalog entity a reference names, as the caller may see it. */
export async function loadEntity(
  catalog: CatalogService,
  ref: unknown,
  credentials: BackstageCredentials,
  field = 'entityRef',
): Promise<Entity> {
  const checked = checkEntityRef(ref, field);
  let entity: Entity | undefined;
  try {
    entity = await catalog.getEntityByRef(checked, { credentials });
  } catch (error) {
    // The catalog refusing a reference is the caller's mistake, not ours.
    const status = (error as any)?.response?.status ?? (error as any)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      throw new InputError(`${field} is not a reference the catalog accepts`);
    }
    throw error;
  }
  if (!entity) {
    throw new NotFoundError(`${field} ${checked} is not in the catalog`);
  }
  return entity;
}
