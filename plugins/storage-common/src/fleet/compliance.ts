/**
 * Compliance with the platform's rule set: EBS encryption at rest (and the
 * KMS key) on classes and volumes, EFS encryption in transit.
 */
import type {
  V1PersistentVolume,
  V1StorageClass,
} from '@kubernetes/client-node';
import { stringRecord } from '../validation/findings';
import {
  classNamed,
  classParameters,
  driverOfProvisioner,
  fleetFinding,
  kubernetesIdOf,
  labelsOf,
  nameOf,
  objectsOf,
  volumeDriver,
} from './objects';
import { FleetRules } from './rules';
import { ClusterStorage, FleetFinding, FleetObjectRef } from './types';

/** How an EBS class or volume is encrypted at rest. */
export interface EbsEncryption {
  encrypted: boolean;
  kmsKeyId?: string;
}

const TRUE_TEXT = /^(true|1|t)$/i;

/**
 * Reads encryption from EBS parameters (case-insensitive keys, as the driver
 * reads them). A `kmsKeyId` alone encrypts too: the driver then asks EC2 for
 * an encrypted volume with that key.
 */
export function ebsEncryptionOf(
  parameters: Record<string, string>,
): EbsEncryption {
  let encrypted = false;
  let kmsKeyId: string | undefined;
  for (const [key, value] of Object.entries(parameters ?? {})) {
    const lower = key.toLowerCase();
    if (lower === 'encrypted') encrypted = TRUE_TEXT.test(String(value).trim());
    if (lower === 'kmskeyid' && String(value).trim() !== '')
      kmsKeyId = String(value).trim();
  }
  return { encrypted: encrypted || kmsKeyId !== undefined, kmsKeyId };
}

/**
 * Whether EFS mounts are encrypted in transit. The EFS driver mounts with TLS
 * unless `encryptInTransit` is "false" (class parameter or PV attribute); the
 * old `tls` mount option still works but is deprecated.
 */
export function efsEncryptedInTransit(
  attributes: Record<string, string>,
  mountOptions: readonly string[],
): { encrypted: boolean; conflict: boolean } {
  const value = attributes.encryptInTransit?.trim().toLowerCase();
  const off = value === 'false';
  const tls = mountOptions.some(option => option.trim() === 'tls');
  return { encrypted: !off, conflict: off && tls };
}

/** Every compliance finding of one cluster's classes and volumes. */
export function checkCompliance(
  storage: ClusterStorage,
  rules: FleetRules,
): FleetFinding[] {
  const classes = objectsOf(storage?.storageClasses);
  return [
    ...classes.flatMap(sc => checkClass(storage.cluster, sc, rules)),
    ...objectsOf(storage?.persistentVolumes).flatMap(pv =>
      checkVolume(storage.cluster, pv, classes, rules),
    ),
  ];
}

function checkClass(
  cluster: string,
  sc: V1StorageClass,
  rules: FleetRules,
): FleetFinding[] {
  const name = nameOf(sc);
  const object: FleetObjectRef = { kind: 'StorageClass', name };
  switch (driverOfProvisioner(sc.provisioner)) {
    case 'ebs':
      return ebsFindings(
        cluster,
        object,
        ebsEncryptionOf(classParameters(sc)),
        rules,
        `StorageClass ${name}`,
        'class',
      );
    case 'efs':
      return efsFindings(
        cluster,
        object,
        efsEncryptedInTransit(
          classParameters(sc),
          Array.isArray(sc.mountOptions) ? sc.mountOptions : [],
        ),
        rules,
        `StorageClass ${name}`,
        'class',
      );
    default:
      return [];
  }
}

function checkVolume(
  cluster: string,
  pv: V1PersistentVolume,
  classes: V1StorageClass[],
  rules: FleetRules,
): FleetFinding[] {
  const name = nameOf(pv);
  const object: FleetObjectRef = { kind: 'PersistentVolume', name };
  const sc = classNamed(classes, pv.spec?.storageClassName);
  const attributes = stringRecord(pv.spec?.csi?.volumeAttributes);
  const claim = pv.spec?.claimRef;
  const owner = {
    kubernetesId: kubernetesIdOf(labelsOf(pv)),
    ...(claim?.name
      ? {
          lastClaim: {
            namespace: claim.namespace ?? 'default',
            name: claim.name,
          },
        }
      : {}),
  };
  const withOwner = (findings: FleetFinding[]) =>
    findings.map(finding => ({ ...finding, ...owner }));
  switch (volumeDriver(pv, classes)) {
    case 'ebs': {
      // The driver keeps no encryption attribute on the PV: the class tells,
      // unless the volume carries one itself (static volumes, other tools).
      const known = sc !== undefined || 'encrypted' in attributes;
      if (!known) {
        if (
          !rules.compliance.ebs.requireEncryption &&
          !rules.compliance.ebs.requireKmsKey
        )
          return [];
        return withOwner([
          fleetFinding('compliance', {
            code: 'volume-encryption-unknown',
            severity: 'info',
            cluster,
            object,
            title: `Volume ${name}: whether it is encrypted cannot be told from the cluster`,
            detail: `Its StorageClass ${
              pv.spec?.storageClassName || '(none)'
            } is gone and the volume records no encryption attribute.`,
            fix: `Check EBS volume ${
              pv.spec?.csi?.volumeHandle ?? name
            } with aws ec2 describe-volumes (field Encrypted); if it is not encrypted, move its data to a claim of an encrypted class.`,
          }),
        ]);
      }
      return withOwner(
        ebsFindings(
          cluster,
          object,
          ebsEncryptionOf({ ...classParameters(sc), ...attributes }),
          rules,
          `Volume ${name}`,
          'volume',
        ),
      );
    }
    case 'efs':
      return withOwner(
        efsFindings(
          cluster,
          object,
          efsEncryptedInTransit(
            { ...classParameters(sc), ...attributes },
            Array.isArray(pv.spec?.mountOptions) ? pv.spec!.mountOptions! : [],
          ),
          rules,
          `Volume ${name}`,
          'volume',
        ),
      );
    default:
      return [];
  }
}

function ebsFindings(
  cluster: string,
  object: FleetObjectRef,
  encryption: EbsEncryption,
  rules: FleetRules,
  what: string,
  level: 'class' | 'volume',
): FleetFinding[] {
  const ebs = rules.compliance.ebs;
  const findings: FleetFinding[] = [];
  const prefix = level === 'class' ? 'class' : 'volume';
  const fixClass =
    level === 'class'
      ? `Create a replacement class with parameters encrypted: "true"${
          ebs.requireKmsKey ? ' and kmsKeyId: <key ARN>' : ''
        } (class parameters cannot change in place) and move new claims to it.`
      : `Move the data to an encrypted volume: snapshot the claim, restore the snapshot into a claim of an encrypted class (EBS encrypts the copy), switch the workload, then delete this volume.`;
  if (
    !encryption.encrypted &&
    ebs.requireEncryption &&
    !ebs.encryptedByDefault
  ) {
    findings.push(
      fleetFinding('compliance', {
        code: `${prefix}-unencrypted`,
        severity: 'error',
        cluster,
        object,
        field: level === 'class' ? 'parameters.encrypted' : undefined,
        title: `${what} is not encrypted at rest`,
        detail: `The platform requires encrypted EBS volumes; ${
          level === 'class'
            ? 'this class does not set encrypted: "true" (or a kmsKeyId), so its volumes are created unencrypted'
            : 'its class does not set encrypted: "true" (or a kmsKeyId), so EBS created it unencrypted'
        } unless the account encrypts by default.`,
        fix: fixClass,
      }),
    );
    return findings;
  }
  if (ebs.requireKmsKey && !encryption.kmsKeyId) {
    findings.push(
      fleetFinding('compliance', {
        code: `${prefix}-no-kms-key`,
        severity: 'error',
        cluster,
        object,
        field: level === 'class' ? 'parameters.kmsKeyId' : undefined,
        title: `${what} is encrypted with the AWS managed key, not a customer managed KMS key`,
        detail:
          'The platform requires a customer managed key (kmsKeyId), so access to the data can be audited and revoked.',
        fix: fixClass,
      }),
    );
  } else if (
    encryption.kmsKeyId &&
    ebs.allowedKmsKeys &&
    !ebs.allowedKmsKeys.includes(encryption.kmsKeyId)
  ) {
    findings.push(
      fleetFinding('compliance', {
        code: `${prefix}-kms-key-not-allowed`,
        severity: 'error',
        cluster,
        object,
        field: level === 'class' ? 'parameters.kmsKeyId' : undefined,
        title: `${what} uses KMS key ${encryption.kmsKeyId}, which the platform does not allow`,
        detail: `Allowed keys: ${ebs.allowedKmsKeys.join(', ')}.`,
        fix: fixClass.replace(
          'kmsKeyId: <key ARN>',
          `kmsKeyId: ${ebs.allowedKmsKeys[0]}`,
        ),
      }),
    );
  }
  return findings;
}

function efsFindings(
  cluster: string,
  object: FleetObjectRef,
  transit: { encrypted: boolean; conflict: boolean },
  rules: FleetRules,
  what: string,
  level: 'class' | 'volume',
): FleetFinding[] {
  const prefix = level === 'class' ? 'class' : 'volume';
  if (transit.conflict) {
    return [
      fleetFinding('compliance', {
        code: `${prefix}-efs-tls-conflict`,
        severity: 'error',
        cluster,
        object,
        title: `${what} sets encryptInTransit: "false" and the mount option tls`,
        detail:
          'The EFS driver refuses to mount a volume that asks for TLS and turns it off at once, so pods using it cannot start.',
        fix: 'Remove encryptInTransit: "false" (the driver encrypts in transit by default) and the deprecated tls mount option.',
      }),
    ];
  }
  if (!transit.encrypted && rules.compliance.efs.requireTls) {
    return [
      fleetFinding('compliance', {
        code: `${prefix}-efs-no-tls`,
        severity: 'error',
        cluster,
        object,
        field:
          level === 'class'
            ? 'parameters.encryptInTransit'
            : 'spec.csi.volumeAttributes.encryptInTransit',
        title: `${what} mounts EFS without encryption in transit (TLS)`,
        detail:
          'encryptInTransit is "false", so NFS traffic between the nodes and EFS is not encrypted; the platform requires TLS.',
        fix:
          level === 'class'
            ? 'Create a replacement class without encryptInTransit: "false" (the EFS driver then mounts with TLS) and move claims to it.'
            : 'Remove encryptInTransit: "false" from the PersistentVolume (re-create it with the same volumeHandle) and restart the pods that mount it.',
      }),
    ];
  }
  return [];
}
