import { path, prop, stringArray, stringRecord } from '../findings';

/** StorageClasses known to the linter (e.g. from the same files), by name. */
export interface ManifestContext {
  storageClasses?: Record<
    string,
    { provisioner?: string; parameters?: Record<string, string> }
  >;
  /** Access modes of claims known to the linter, by name. */
  claims?: Record<string, { accessModes: string[] }>;
}

/** The StorageClasses and claims among objects (e.g. all files linted together). */
export function manifestContextOf(
  objects: readonly unknown[],
): ManifestContext {
  const storageClasses: NonNullable<ManifestContext['storageClasses']> = {};
  const claims: NonNullable<ManifestContext['claims']> = {};
  for (const object of objects) {
    const name = path(object, 'metadata.name');
    if (typeof name !== 'string') continue;
    if (prop(object, 'kind') === 'StorageClass') {
      const provisioner = prop(object, 'provisioner');
      storageClasses[name] = {
        provisioner: typeof provisioner === 'string' ? provisioner : undefined,
        parameters: stringRecord(prop(object, 'parameters')),
      };
    } else if (prop(object, 'kind') === 'PersistentVolumeClaim') {
      claims[name] = {
        accessModes: stringArray(path(object, 'spec.accessModes')),
      };
    }
  }
  return { storageClasses, claims };
}
