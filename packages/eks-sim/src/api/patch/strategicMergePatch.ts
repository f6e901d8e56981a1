/**
 * Strategic merge patch for the built-in kinds served: lists with a merge
 * key merge element by element, `metadata.finalizers` merges as a set, and
 * the `$patch`, `$retainKeys`, `$deleteFromPrimitiveList` and
 * `$setElementOrder` directives behave as in apimachinery.
 */
import { clone, deepEqual, isPlainObject, JsonObject } from './json';
import { listTypeAt } from './listTypes';

export class PatchError extends Error {}

const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';

export function applyStrategicMergePatch(
  kind: string,
  original: JsonObject,
  patch: unknown,
): JsonObject {
  if (!isPlainObject(patch)) {
    throw new PatchError('strategic merge patch must be a JSON object');
  }
  return mergeMap(kind, [], original, patch);
}

function mergeMap(
  kind: string,
  path: string[],
  original: JsonObject,
  patch: JsonObject,
): JsonObject {
  const directive = patch.$patch;
  if (directive === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return clone(rest);
  }
  if (directive !== undefined && directive !== 'merge') {
    throw new PatchError(`Unknown patch type: ${String(directive)}`);
  }
  const result: JsonObject = { ...original };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') {
      continue;
    }
    if (key.startsWith(SET_ELEMENT_ORDER)) {
      continue;
    }
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      if (!Array.isArray(value)) {
        throw new PatchError(`${key} must be a list`);
      }
      const current = result[field];
      if (Array.isArray(current)) {
        result[field] = current.filter(
          item => !value.some(v => deepEqual(v, item)),
        );
      }
      continue;
    }
    const fieldPath = [...path, key];
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value)) {
      if (value.$patch === 'delete') {
        delete result[key];
      } else {
        const base = isPlainObject(result[key])
          ? (result[key] as JsonObject)
          : {};
        result[key] = mergeMap(kind, fieldPath, base, value);
      }
    } else if (Array.isArray(value)) {
      result[key] = mergeList(kind, fieldPath, result[key], value);
    } else {
      result[key] = value;
    }
  }
  if (Array.isArray(patch.$retainKeys)) {
    const retain = new Set(patch.$retainKeys as string[]);
    for (const key of Object.keys(result)) {
      if (!retain.has(key)) {
        delete result[key];
      }
    }
  }
  return result;
}

function mergeList(
  kind: string,
  path: string[],
  original: unknown,
  patch: unknown[],
): unknown[] {
  const listType = listTypeAt(kind, path);
  const base = Array.isArray(original) ? original : [];
  if (listType.type === 'atomic') {
    return clone(patch).filter(
      item => !(isPlainObject(item) && item.$patch !== undefined),
    );
  }
  if (patch.some(item => isPlainObject(item) && item.$patch === 'replace')) {
    return clone(
      patch.filter(item => !(isPlainObject(item) && item.$patch === 'replace')),
    );
  }
  if (listType.type === 'set') {
    const result = [...base];
    for (const item of patch) {
      if (!result.some(existing => deepEqual(existing, item))) {
        result.push(item);
      }
    }
    return result;
  }
  const key = listType.key;
  const result = [...base];
  for (const item of patch) {
    if (!isPlainObject(item)) {
      throw new PatchError(
        `unable to find api field in struct for the list merge key "${key}"`,
      );
    }
    if (!(key in item)) {
      throw new PatchError(
        `map: ${JSON.stringify(
          item,
        )} does not contain declared merge key: ${key}`,
      );
    }
    const index = result.findIndex(
      existing => isPlainObject(existing) && existing[key] === item[key],
    );
    if (item.$patch === 'delete') {
      if (index >= 0) {
        result.splice(index, 1);
      }
    } else if (index >= 0) {
      result[index] = mergeMap(kind, path, result[index] as JsonObject, item);
    } else {
      result.push(mergeMap(kind, path, {}, item));
    }
  }
  return result;
}
