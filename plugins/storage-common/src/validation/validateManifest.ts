import { Finding, isRecord, sortFindings } from './findings';
import { finding } from './rules';
import { ManifestContext } from './manifest/context';
import { checkDeployment } from './manifest/deployment';
import { checkPersistentVolume } from './manifest/persistentVolume';
import { checkClaim } from './manifest/persistentVolumeClaim';
import { checkStatefulSet } from './manifest/statefulSet';
import { checkStorageClass } from './manifest/storageClass';
import { checkVolumeSnapshot } from './manifest/volumeSnapshot';

export type { ManifestContext } from './manifest/context';
export { manifestContextOf } from './manifest/context';

/**
 * Validates one Kubernetes object: StorageClass, PersistentVolume,
 * PersistentVolumeClaim, VolumeSnapshot, StatefulSet (its
 * volumeClaimTemplates) and Deployment. Other kinds yield no findings.
 * Never throws.
 */
export function validateManifest(
  object: unknown,
  context: ManifestContext = {},
): Finding[] {
  try {
    return sortFindings(manifestFindings(object, context ?? {}));
  } catch (error) {
    return [
      finding(
        'not-an-object',
        '',
        `The manifest could not be validated: ${String(error)}`,
        'Check that the document is a Kubernetes object.',
      ),
    ];
  }
}

function manifestFindings(
  object: unknown,
  context: ManifestContext,
): Finding[] {
  if (!isRecord(object) || typeof object.kind !== 'string') {
    return [
      finding(
        'not-an-object',
        'kind',
        'The document is not a Kubernetes object (no kind)',
        'Give every YAML document apiVersion, kind, metadata and spec.',
      ),
    ];
  }
  switch (object.kind) {
    case 'StorageClass':
      return checkStorageClass(object);
    case 'PersistentVolume':
      return checkPersistentVolume(object);
    case 'PersistentVolumeClaim':
      return checkClaim(object, '', context);
    case 'VolumeSnapshot':
      return checkVolumeSnapshot(object);
    case 'StatefulSet':
      return checkStatefulSet(object, context);
    case 'Deployment':
      return checkDeployment(object, context);
    default:
      return [];
  }
}
