import type { V1StorageClass } from '@kubernetes/client-node';
import {
  DriverId,
  IN_TREE_PROVISIONERS,
  isInTreeProvisioner,
} from '../catalogue';
import { DEFAULT_STORAGE_CLASS_ANNOTATION } from '../model/annotations';
import {
  ClaimFacts,
  eventTime,
  isoOf,
  latestMatching,
  quote,
  timeOf,
} from './facts';
import { Diagnosis, DiagnosisInput } from './types';

const EKS_ADDONS: Record<string, string> = {
  'ebs.csi.aws.com': 'aws-ebs-csi-driver',
  'efs.csi.aws.com': 'aws-efs-csi-driver',
  'fsx.csi.aws.com': 'aws-fsx-csi-driver',
  's3.csi.aws.com': 'aws-mountpoint-s3-csi-driver',
};

/** The claim's StorageClass among those given. */
export function findClass(
  input: DiagnosisInput,
  name: string,
): V1StorageClass | undefined {
  if (
    input.storageClass?.metadata?.name === name ||
    (input.storageClass && !input.storageClass.metadata?.name)
  )
    return input.storageClass;
  return (input.storageClasses ?? []).find(sc => sc?.metadata?.name === name);
}

/**
 * A claim whose class is missing: no class and no default class, or a class
 * name that does not exist.
 */
export function diagnoseMissingClass(
  input: DiagnosisInput,
  facts: ClaimFacts,
  className: string | undefined | null,
  storageClass: V1StorageClass | undefined,
): Diagnosis | undefined {
  const created = isoOf(timeOf(input.pvc?.metadata?.creationTimestamp));
  if (className === undefined || className === null) {
    const hasDefault = (input.storageClasses ?? []).some(
      sc =>
        sc?.metadata?.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] ===
        'true',
    );
    const noClassEvent = latestMatching(
      facts.claimEvents,
      /no storage class is set/,
    );
    if (noClassEvent || (input.storageClasses && !hasDefault)) {
      return {
        state: 'failed',
        severity: 'error',
        headline: `Claim ${facts.ref} names no StorageClass and the cluster has no default one`,
        explanation:
          `Without spec.storageClassName a claim uses the default StorageClass; newer EKS clusters (1.30 and later) no longer mark gp2 as default, so nothing provisions it. ${quote(
            noClassEvent,
          )}`.trim(),
        fix: 'Re-create the claim with spec.storageClassName set (e.g. gp3), or ask the platform team to mark a class default with the annotation storageclass.kubernetes.io/is-default-class: "true".',
        since: isoOf(eventTime(noClassEvent)) ?? created,
      };
    }
  }
  const missingClassEvent = latestMatching(
    facts.claimEvents,
    /storageclass\.storage\.k8s\.io ".*" not found/,
  );
  if (
    className &&
    (missingClassEvent || (input.storageClasses && !storageClass))
  ) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} asks for StorageClass ${className}, which does not exist`,
      explanation:
        `No StorageClass named ${className} exists in the cluster. ${quote(
          missingClassEvent,
        )}`.trim(),
      fix: `Re-create the claim with one of the existing classes${
        input.storageClasses?.length
          ? ` (${input.storageClasses.map(sc => sc.metadata?.name).join(', ')})`
          : ''
      }; storageClassName cannot be changed in place.`,
      since: isoOf(eventTime(missingClassEvent)) ?? created,
    };
  }
  return undefined;
}

/** A claim waiting for a CSI driver that is not installed or not running. */
export function noDriver(
  facts: ClaimFacts,
  provisioner: string,
  className: string,
  detail: string,
  since?: string,
): Diagnosis {
  return {
    state: 'failed',
    severity: 'error',
    headline: `Claim ${facts.ref} waits for driver ${provisioner}, which is not running in the cluster`,
    explanation:
      `StorageClass ${className} uses provisioner ${provisioner}, but no such CSI driver is installed (or its controller is down), so the claim waits "for a volume to be created by external provisioner" forever. ${detail}`.trim(),
    fix: `Ask the platform team to install the driver (EKS add-on ${
      EKS_ADDONS[provisioner] ?? 'of that driver'
    }) with its IAM role, or pick a class whose driver is installed.`,
    since,
  };
}

/** A class that can never provision: in-tree provisioner, S3, a driver not installed. */
export function diagnoseClassProblem(
  input: DiagnosisInput,
  facts: ClaimFacts,
  className: string,
  provisioner: string,
  driver: DriverId | undefined,
): Diagnosis | undefined {
  const since = isoOf(timeOf(input.pvc?.metadata?.creationTimestamp));
  if (isInTreeProvisioner(provisioner)) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} uses StorageClass ${className} with the retired in-tree provisioner ${provisioner}`,
      explanation: `Since EKS 1.23 the in-tree EBS plugin no longer provisions volumes; claims of this class wait "for a volume to be created by external provisioner ${IN_TREE_PROVISIONERS[provisioner]}" forever unless CSI migration and the EBS CSI driver are in place.`,
      fix: `Use a StorageClass with provisioner ${IN_TREE_PROVISIONERS[provisioner]} (e.g. gp3) and re-create the claim.`,
      since,
    };
  }
  if (driver === 's3') {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} asks Mountpoint for S3 to create a volume, which it cannot do`,
      explanation: `StorageClass ${className} uses s3.csi.aws.com, but Mountpoint for S3 supports static provisioning only: it mounts existing buckets and never creates them.`,
      fix: 'Create a PersistentVolume for the bucket (csi.volumeAttributes.bucketName) and re-create the claim with storageClassName "" and spec.volumeName set to that PV; the storage request form does this for you.',
      since,
    };
  }
  if (
    provisioner &&
    Array.isArray(input.csiDrivers) &&
    !input.csiDrivers.some(d => d?.metadata?.name === provisioner)
  ) {
    return noDriver(
      facts,
      provisioner,
      className,
      `The cluster's CSIDriver objects are ${
        input.csiDrivers.map(d => d.metadata?.name).join(', ') || 'none'
      }.`,
      since,
    );
  }
  return undefined;
}
