import { driverForProvisioner } from '../../catalogue';
import { Finding, path, prop, stringRecord } from '../findings';
import { finding } from '../rules';
import {
  checkDriverSize,
  checkName,
  checkQuantity,
  checkVolumeMode,
} from '../shared';
import { ManifestContext } from './context';
import { checkModes, readVolumeMode } from './fields';

/**
 * A PersistentVolumeClaim, or a StatefulSet's claim template (fields under
 * `prefix`): modes, size, class and data source.
 */
export function checkClaim(
  pvc: unknown,
  prefix: string,
  context: ManifestContext,
): Finding[] {
  const field = (name: string) => `${prefix}${name}`;
  const findings = checkName(
    path(pvc, 'metadata.name'),
    field('metadata.name'),
    'PersistentVolumeClaim',
  );
  const spec = prop(pvc, 'spec');
  const className = prop(spec, 'storageClassName');
  const storageClass =
    typeof className === 'string'
      ? context.storageClasses?.[className]
      : undefined;
  const driver = storageClass?.provisioner
    ? driverForProvisioner(storageClass.provisioner)
    : undefined;
  const parameters = stringRecord(storageClass?.parameters);
  const volumeMode = readVolumeMode(prop(spec, 'volumeMode'));

  findings.push(
    ...checkModes(
      prop(spec, 'accessModes'),
      field('spec.accessModes'),
      driver,
      volumeMode,
      parameters,
    ),
  );
  if (driver)
    findings.push(
      ...checkVolumeMode(volumeMode, field('spec.volumeMode'), driver),
    );

  const storage = path(spec, 'resources.requests.storage');
  if (storage === undefined) {
    findings.push(
      finding(
        'missing-storage-request',
        field('spec.resources.requests.storage'),
        `${field('spec.resources')}[storage]: Required value`,
        'Set spec.resources.requests.storage, e.g. 10Gi.',
      ),
    );
  } else {
    const size = checkQuantity(
      storage,
      field('spec.resources.requests.storage'),
    );
    findings.push(...size.findings);
    if (driver && size.bytes !== undefined && size.bytes > 0) {
      findings.push(
        ...checkDriverSize(
          driver,
          parameters,
          size.bytes,
          field('spec.resources.requests.storage'),
        ),
      );
    }
  }
  if (className === undefined || className === null) {
    findings.push(
      finding(
        'no-storage-class',
        field('spec.storageClassName'),
        'spec.storageClassName is not set: the claim relies on a default StorageClass, and EKS clusters since 1.30 have none (gp2 is no longer default)',
        'Set spec.storageClassName to the class you want, e.g. gp3.',
      ),
    );
  } else if (
    className === '' &&
    !prop(spec, 'volumeName') &&
    !prop(spec, 'selector')
  ) {
    findings.push(
      finding(
        'static-claim-without-volume',
        field('spec.storageClassName'),
        'spec.storageClassName is "" (static binding) but neither spec.volumeName nor spec.selector picks a PersistentVolume',
        'Set spec.volumeName to the PersistentVolume created for it.',
      ),
    );
  }
  findings.push(
    ...checkDataSource(
      prop(spec, 'dataSource') ?? prop(spec, 'dataSourceRef'),
      field('spec.dataSource'),
    ),
  );
  return findings;
}

function checkDataSource(source: unknown, field: string): Finding[] {
  if (source === undefined || source === null) return [];
  const kind = prop(source, 'kind');
  const apiGroup = prop(source, 'apiGroup');
  const valid =
    (kind === 'VolumeSnapshot' && apiGroup === 'snapshot.storage.k8s.io') ||
    (kind === 'PersistentVolumeClaim' &&
      (apiGroup === undefined || apiGroup === '' || apiGroup === null));
  const findings: Finding[] = valid
    ? []
    : [
        finding(
          'invalid-data-source',
          field,
          `${field} is ${String(kind)} (apiGroup ${String(
            apiGroup ?? '""',
          )}): a claim can start from a VolumeSnapshot (apiGroup snapshot.storage.k8s.io) or a PersistentVolumeClaim (core group)`,
          'Use {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: …} to restore, or {kind: PersistentVolumeClaim, name: …} to clone.',
        ),
      ];
  findings.push(
    ...checkName(
      prop(source, 'name'),
      `${field}.name`,
      String(kind ?? 'source'),
    ),
  );
  return findings;
}
