/**
 * Field sets in the `FieldsV1` format of `metadata.managedFields`:
 * `{"f:spec":{"f:resources":{"f:requests":{"f:storage":{}}}}}`, keyed list
 * items as `k:{"name":"x"}` and set members as `v:"x"`.
 */
import { deepEqual, isPlainObject, JsonObject } from './json';
import { SERVER_SET_METADATA } from '../objectMeta';
import { listTypeAt } from './listTypes';

export type FieldTree = { [element: string]: FieldTree };
/** One path through a field tree, e.g. ['f:spec', 'f:volumeName']. */
export type FieldPath = string[];

/** Metadata the server owns or that names the object; never part of a field set. */
const SERVER_METADATA = new Set(['name', 'namespace', ...SERVER_SET_METADATA]);

export function fieldSetOf(kind: string, object: JsonObject): FieldTree {
  const tree: FieldTree = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind') {
      continue;
    }
    if (key === 'metadata' && isPlainObject(value)) {
      const metadata: FieldTree = {};
      for (const [metaKey, metaValue] of Object.entries(value)) {
        if (!SERVER_METADATA.has(metaKey)) {
          metadata[`f:${metaKey}`] = valueTree(
            kind,
            ['metadata', metaKey],
            metaValue,
          );
        }
      }
      if (Object.keys(metadata).length > 0) {
        tree['f:metadata'] = metadata;
      }
      continue;
    }
    tree[`f:${key}`] = valueTree(kind, [key], value);
  }
  return tree;
}

function valueTree(kind: string, path: string[], value: unknown): FieldTree {
  if (isPlainObject(value)) {
    const tree: FieldTree = {};
    for (const [key, child] of Object.entries(value)) {
      tree[`f:${key}`] = valueTree(kind, [...path, key], child);
    }
    return tree;
  }
  if (Array.isArray(value)) {
    const listType = listTypeAt(kind, path);
    if (listType.type === 'set') {
      return Object.fromEntries(
        value.map(item => [`v:${JSON.stringify(item)}`, {}]),
      );
    }
    if (listType.type === 'map') {
      const tree: FieldTree = {};
      for (const item of value) {
        if (isPlainObject(item) && listType.key in item) {
          tree[itemElement(listType.key, item[listType.key])] = {
            '.': {},
            ...valueTree(kind, path, item),
          };
        }
      }
      return tree;
    }
  }
  return {};
}

function itemElement(key: string, value: unknown) {
  return `k:${JSON.stringify({ [key]: value })}`;
}

/** Every leaf path of a tree (the '.' markers of list items included). */
export function leafPaths(
  tree: FieldTree,
  prefix: FieldPath = [],
): FieldPath[] {
  const paths: FieldPath[] = [];
  for (const [element, child] of Object.entries(tree)) {
    const path = [...prefix, element];
    if (Object.keys(child).length === 0) {
      paths.push(path);
    } else {
      paths.push(...leafPaths(child, path));
    }
  }
  return paths;
}

export function hasPath(tree: FieldTree, path: FieldPath): boolean {
  let node: FieldTree | undefined = tree;
  for (const element of path) {
    node = node[element];
    if (!node) {
      return false;
    }
  }
  return true;
}

export function addPath(tree: FieldTree, path: FieldPath) {
  let node = tree;
  for (const element of path) {
    node[element] = node[element] ?? {};
    node = node[element];
  }
}

/** Removes a path and any parents it leaves empty. */
export function removePath(tree: FieldTree, path: FieldPath) {
  const [head, ...rest] = path;
  const child = tree[head];
  if (!child) {
    return;
  }
  if (rest.length === 0) {
    delete tree[head];
    return;
  }
  removePath(child, rest);
  if (Object.keys(child).length === 0) {
    delete tree[head];
  }
}

/** The value a field path points at in an object (undefined if absent). */
export function valueAtPath(object: unknown, path: FieldPath): unknown {
  let current: unknown = object;
  for (const element of path) {
    if (element === '.') {
      return current;
    }
    if (current === undefined) {
      return undefined;
    }
    current = step(current, element);
  }
  return current;
}

function step(current: unknown, element: string): unknown {
  if (element.startsWith('f:')) {
    return isPlainObject(current) ? current[element.slice(2)] : undefined;
  }
  if (!Array.isArray(current)) {
    return undefined;
  }
  if (element.startsWith('k:')) {
    const keys = JSON.parse(element.slice(2)) as JsonObject;
    return current.find(
      item =>
        isPlainObject(item) &&
        Object.entries(keys).every(([k, v]) => deepEqual(item[k], v)),
    );
  }
  const member = JSON.parse(element.slice(2));
  return current.find(item => deepEqual(item, member));
}

/** Deletes the field a path points at from an object, in place. */
export function deleteAtPath(object: unknown, path: FieldPath) {
  const parentPath = path.slice(0, -1);
  let last = path[path.length - 1];
  let target = path;
  if (last === '.') {
    target = parentPath;
    last = target[target.length - 1];
  }
  const parent = valueAtPath(object, target.slice(0, -1));
  if (last.startsWith('f:')) {
    if (isPlainObject(parent)) {
      delete parent[last.slice(2)];
    }
    return;
  }
  if (Array.isArray(parent)) {
    const item = step(parent, last);
    const index = parent.indexOf(item);
    if (index >= 0) {
      parent.splice(index, 1);
    }
  }
}

/** `.spec.containers[name="app"].image`, as conflicts print a path. */
export function pathToString(path: FieldPath): string {
  return path
    .filter(element => element !== '.')
    .map(element => {
      if (element.startsWith('f:')) {
        return `.${element.slice(2)}`;
      }
      if (element.startsWith('k:')) {
        const keys = JSON.parse(element.slice(2)) as JsonObject;
        return `[${Object.entries(keys)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(',')}]`;
      }
      return `[=${element.slice(2)}]`;
    })
    .join('');
}
