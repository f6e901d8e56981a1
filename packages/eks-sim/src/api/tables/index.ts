/**
 * `meta.k8s.io/v1` Table rendering with the columns the real server's
 * printers (and the snapshot CRDs' printer columns) define, so `kubectl
 * get` prints what it prints against EKS.
 */
import { K8sObject } from '../../store/types';
import { AGE, Column, NAME } from './columns';
import { STORAGE_COLUMNS } from './storageColumns';
import { WORKLOAD_COLUMNS } from './workloadColumns';

export { humanDuration } from './columns';

const COLUMNS: Record<string, Column[]> = {
  ...STORAGE_COLUMNS,
  ...WORKLOAD_COLUMNS,
};

function columnsFor(kind: string) {
  return COLUMNS[kind] ?? [NAME, AGE];
}

function columnDefinitions(kind: string) {
  return columnsFor(kind).map(c => ({
    name: c.name,
    type: c.type,
    format: c.format ?? '',
    description: c.description ?? '',
    priority: c.priority ?? 0,
  }));
}

function row(object: K8sObject, columns: Column[], now: number) {
  return {
    cells: columns.map(c => c.cell(object, now)),
    object: {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: object.metadata,
    },
  };
}

export interface TableOptions {
  now: number;
  resourceVersion?: string;
  continueToken?: string;
  remainingItemCount?: number;
  /** Watch events after the first omit the column definitions. */
  includeColumns?: boolean;
}

export function toTable(
  kind: string,
  objects: K8sObject[],
  options: TableOptions,
) {
  const columns = columnsFor(kind);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      ...(options.resourceVersion
        ? { resourceVersion: options.resourceVersion }
        : {}),
      ...(options.continueToken ? { continue: options.continueToken } : {}),
      ...(options.remainingItemCount !== undefined
        ? { remainingItemCount: options.remainingItemCount }
        : {}),
    },
    columnDefinitions:
      options.includeColumns === false ? null : columnDefinitions(kind),
    rows: objects.map(o => row(o, columns, options.now)),
  };
}
