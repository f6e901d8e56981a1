/**
 * Field ownership (`metadata.managedFields`) and server-side apply: who set
 * which field, conflicts between managers, and removal of fields a manager
 * stops applying.
 */
import { ManagedFieldsEntry } from '../../store/types';
import { clone, deepEqual, isPlainObject, JsonObject } from './json';
import { listTypeAt } from './listTypes';
import {
  addPath,
  deleteAtPath,
  FieldPath,
  fieldSetOf,
  FieldTree,
  hasPath,
  leafPaths,
  pathToString,
  removePath,
  valueAtPath,
} from './fieldSet';

export interface ManagerIdentity {
  manager: string;
  apiVersion: string;
  time: string;
  subresource?: string;
}

export interface ApplyConflict {
  manager: string;
  path: string;
}

export class ApplyConflictError extends Error {
  constructor(readonly conflicts: ApplyConflict[]) {
    super(conflictMessage(conflicts));
  }
}

function describeManager(entry: ManagedFieldsEntry) {
  let text = JSON.stringify(entry.manager);
  if (entry.subresource) {
    text += ` with subresource ${JSON.stringify(entry.subresource)}`;
  }
  if (entry.operation === 'Update') {
    text += ` using ${entry.apiVersion} at ${entry.time}`;
  }
  return text;
}

function conflictMessage(conflicts: ApplyConflict[]) {
  if (conflicts.length === 1) {
    return `Apply failed with 1 conflict: conflict with ${conflicts[0].manager}: ${conflicts[0].path}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.path]);
  }
  const lines: string[] = [];
  for (const manager of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${manager}:`);
    for (const path of byManager.get(manager)!) {
      lines.push(`- ${path}`);
    }
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

function sameOwner(
  entry: ManagedFieldsEntry,
  who: ManagerIdentity,
  operation: 'Apply' | 'Update',
) {
  return (
    entry.manager === who.manager &&
    entry.operation === operation &&
    (entry.subresource ?? '') === (who.subresource ?? '')
  );
}

function withoutEmpty(entries: ManagedFieldsEntry[]) {
  return entries.filter(e => Object.keys(e.fieldsV1).length > 0);
}

/**
 * Ownership after a non-apply write (create, update, patch): the writer
 * takes the fields it changed; fields that disappeared lose their owners.
 */
export function trackUpdate(
  kind: string,
  entries: ManagedFieldsEntry[],
  before: JsonObject | undefined,
  after: JsonObject,
  who: ManagerIdentity,
): ManagedFieldsEntry[] {
  const afterSet = fieldSetOf(kind, after);
  const changed = leafPaths(afterSet).filter(
    path =>
      !deepEqual(valueAtPath(before, path), valueAtPath(after, path)) ||
      !before,
  );
  const result = entries.map(entry => {
    const tree = clone(entry.fieldsV1) as FieldTree;
    for (const path of leafPaths(tree)) {
      if (!hasPath(afterSet, path)) {
        removePath(tree, path);
      }
    }
    if (!sameOwner(entry, who, 'Update')) {
      changed.forEach(path => removePath(tree, path));
    }
    return { ...entry, fieldsV1: tree };
  });
  if (changed.length === 0) {
    return withoutEmpty(result);
  }
  let own = result.find(e => sameOwner(e, who, 'Update'));
  if (!own) {
    own = {
      manager: who.manager,
      operation: 'Update',
      apiVersion: who.apiVersion,
      time: who.time,
      fieldsType: 'FieldsV1',
      fieldsV1: {},
      ...(who.subresource ? { subresource: who.subresource } : {}),
    };
    result.push(own);
  }
  own.time = who.time;
  changed.forEach(path => addPath(own!.fieldsV1 as FieldTree, path));
  return withoutEmpty(result);
}

/**
 * Server-side apply of `config` by a manager onto `live` (undefined when
 * the object does not exist yet). Returns the merged object and the new
 * managedFields, or throws ApplyConflictError.
 */
export function serverSideApply(
  kind: string,
  live: JsonObject | undefined,
  entries: ManagedFieldsEntry[],
  config: JsonObject,
  who: ManagerIdentity,
  force: boolean,
): { object: JsonObject; managedFields: ManagedFieldsEntry[] } {
  const appliedSet = fieldSetOf(kind, config);
  const applied = leafPaths(appliedSet);
  const others = entries.filter(e => !sameOwner(e, who, 'Apply'));
  const previous = entries.find(e => sameOwner(e, who, 'Apply'));

  const conflicts: ApplyConflict[] = [];
  const conflicted: FieldPath[] = [];
  if (live) {
    for (const path of applied) {
      if (deepEqual(valueAtPath(live, path), valueAtPath(config, path))) {
        continue;
      }
      for (const other of others) {
        if (hasPath(other.fieldsV1 as FieldTree, path)) {
          conflicts.push({
            manager: describeManager(other),
            path: pathToString(path),
          });
          conflicted.push(path);
        }
      }
    }
  }
  if (conflicts.length > 0 && !force) {
    throw new ApplyConflictError(conflicts);
  }

  const merged = clone(live ?? {}) as JsonObject;
  // Fields this manager applied before but no longer does go away, unless
  // another manager also owns them.
  if (previous) {
    for (const path of leafPaths(previous.fieldsV1 as FieldTree)) {
      const stillApplied = hasPath(appliedSet, path);
      const ownedElsewhere = others.some(o =>
        hasPath(o.fieldsV1 as FieldTree, path),
      );
      if (!stillApplied && !ownedElsewhere) {
        deleteAtPath(merged, path);
      }
    }
  }
  const object = mergeApplied(kind, [], merged, config);

  const managedFields = others.map(entry => {
    const tree = clone(entry.fieldsV1) as FieldTree;
    conflicted.forEach(path => removePath(tree, path));
    return { ...entry, fieldsV1: tree };
  });
  managedFields.push({
    manager: who.manager,
    operation: 'Apply',
    apiVersion: who.apiVersion,
    time: who.time,
    fieldsType: 'FieldsV1',
    fieldsV1: appliedSet,
    ...(who.subresource ? { subresource: who.subresource } : {}),
  });
  return { object, managedFields: withoutEmpty(managedFields) };
}

function mergeApplied(
  kind: string,
  path: string[],
  live: JsonObject,
  config: JsonObject,
): JsonObject {
  const result: JsonObject = { ...live };
  for (const [key, value] of Object.entries(config)) {
    const fieldPath =
      path.length === 0 && key === 'metadata' ? ['metadata'] : [...path, key];
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value) && isPlainObject(result[key])) {
      result[key] = mergeApplied(
        kind,
        fieldPath,
        result[key] as JsonObject,
        value,
      );
    } else if (Array.isArray(value) && Array.isArray(result[key])) {
      result[key] = mergeAppliedList(
        kind,
        fieldPath,
        result[key] as unknown[],
        value,
      );
    } else {
      result[key] = clone(value);
    }
  }
  return result;
}

function mergeAppliedList(
  kind: string,
  path: string[],
  live: unknown[],
  config: unknown[],
): unknown[] {
  const listType = listTypeAt(kind, path);
  if (listType.type === 'atomic') {
    return clone(config);
  }
  const result = [...live];
  for (const item of config) {
    if (listType.type === 'set') {
      if (!result.some(existing => deepEqual(existing, item))) {
        result.push(item);
      }
      continue;
    }
    const index = result.findIndex(
      existing =>
        isPlainObject(existing) &&
        isPlainObject(item) &&
        existing[listType.key] === item[listType.key],
    );
    if (index >= 0 && isPlainObject(item)) {
      result[index] = mergeApplied(
        kind,
        path,
        result[index] as JsonObject,
        item,
      );
    } else {
      result.push(clone(item));
    }
  }
  return result;
}
