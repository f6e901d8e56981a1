import { InputError, NotFoundError } from '@backstage/errors';
import { RequestHandler } from 'express';
import { spec } from '../schema/openapi.generated';

type JsonSchema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
};

const OPENAPI_ROUTE = '/openapi.json';

const routes = Object.entries(spec.paths).map(([template, operations]) => ({
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  operations: operations as Record<
    string,
    { requestBody?: { $ref?: string; content?: any } }
  >,
}));

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const path = schema.$ref.replace(/^#\//, '').split('/');
  return resolve(path.reduce((node: any, key) => node?.[key], spec));
}

function bodySchema(operation: {
  requestBody?: { $ref?: string; content?: any };
}): JsonSchema | undefined {
  const body = resolve(operation.requestBody as JsonSchema) as any;
  return resolve(body?.content?.['application/json']?.schema);
}

/** The first field of `value` its schema does not know, as a dotted path. */
function unknownField(
  schema: JsonSchema | undefined,
  value: unknown,
  path: string[],
): { path: string[]; key: string } | undefined {
  const resolved = resolve(schema);
  if (!resolved || !value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unknownField(resolved.items, item, [...path, `${index}`]);
      if (found) return found;
    }
    return undefined;
  }
  if (resolved.type !== 'object' || !resolved.properties) return undefined;
  for (const key of Object.keys(value)) {
    // Own keys only: `constructor` and `__proto__` are no fields.
    const property = Object.hasOwn(resolved.properties, key)
      ? resolved.properties[key]
      : undefined;
    if (!property) {
      if (resolved.additionalProperties === false) return { path, key };
      continue;
    }
    const found = unknownField(property, (value as any)[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Holds requests to the contract before the validator sees them: a path
 * the spec does not have (another letter case, a trailing slash) is a 404,
 * and a field the spec does not know is a 400 that names it (the
 * validator only says "must NOT have additional properties").
 */
export function contractGuard(): RequestHandler {
  return (req, _res, next) => {
    if (req.path === OPENAPI_ROUTE) {
      next();
      return;
    }
    const method = req.method.toLowerCase();
    const route = routes.find(r => r.pattern.test(req.path));
    const operation = route?.operations[method];
    if (!operation) {
      throw new NotFoundError(
        `No storage API route ${req.method} ${req.path.slice(0, 200)}`,
      );
    }
    const found = unknownField(bodySchema(operation), req.body, []);
    if (found) {
      const where = found.path.length ? `${found.path.join('.')}.` : '';
      throw new InputError(
        `${where}${JSON.stringify(found.key.slice(0, 64))} is not a field of ${
          found.path.length ? found.path.join('.') : 'this request'
        }: remove it`,
      );
    }
    next();
  };
}
