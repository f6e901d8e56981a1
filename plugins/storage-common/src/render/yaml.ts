import { stringify } from 'yaml';

/** Multi-document YAML of objects, in order, as `kubectl apply -f` reads it. */
export function renderYaml(objects: readonly unknown[]): string {
  return objects
    .map(object => stringify(object, { lineWidth: 0 }))
    .join('---\n');
}
