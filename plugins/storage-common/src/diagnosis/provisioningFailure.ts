import type { CoreV1Event } from '@kubernetes/client-node';
import {
  DRIVERS,
  DriverId,
  EFS_ACCESS_POINT_LIMIT,
  EFS_NFS_PORT,
  FSX_DRIVER_TIMEOUT_SECONDS,
} from '../catalogue';
import { ClaimFacts, eventTime, isoOf, quote } from './facts';
import { Diagnosis } from './types';

const IAM_ROLE_POLICY: Partial<Record<DriverId, string>> = {
  ebs: 'AmazonEBSCSIDriverPolicy',
  efs: 'AmazonEFSCSIDriverPolicy',
  'fsx-lustre': 'AmazonFSxFullAccess (or a scoped FSx policy)',
  s3: 'a policy allowing s3:ListBucket and s3:GetObject/PutObject on the bucket',
};

/** Turns a ProvisioningFailed event into a diagnosis a developer can act on. */
export function diagnoseProvisioningFailure(
  event: CoreV1Event,
  facts: ClaimFacts,
  driver: DriverId | undefined,
  className: string,
): Diagnosis {
  const message = event.message ?? '';
  const since = isoOf(eventTime(event));
  const quoted = quote(event);
  const title = driver ? DRIVERS[driver].title : 'The storage driver';

  if (
    /UnauthorizedOperation|AccessDenied|Access Denied|right AWS permissions|not authorized to perform|AssumeRoleWithWebIdentity/i.test(
      message,
    )
  ) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} cannot be provisioned: the ${title} driver is not allowed to create volumes`,
      explanation: `The driver's controller called AWS without the IAM permissions it needs (missing IRSA or Pod Identity role, or a role without the policy). ${quoted}`,
      fix: `Ask the platform team to give the driver's controller service account an IAM role with ${
        IAM_ROLE_POLICY[driver ?? 'ebs'] ?? 'the driver policy'
      } (check the role's trust policy allows sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider), then restart the controller.`,
      since,
    };
  }
  if (
    /AccessPointLimitExceeded|access ?points? limit|maximum number of access points|too many access points/i.test(
      message,
    )
  ) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} cannot be provisioned: the EFS file system of class ${className} has no access points left`,
      explanation: `Every dynamically provisioned EFS claim uses one access point, and a file system allows ${EFS_ACCESS_POINT_LIMIT.toLocaleString(
        'en-US',
      )}. ${quoted}`,
      fix: 'Delete unused claims and Released volumes (Retain keeps their access points), or ask the platform team for a StorageClass on another EFS file system.',
      since,
    };
  }
  if (
    driver === 'fsx-lustre' &&
    /DeadlineExceeded|deadline exceeded|timed out|timeout/i.test(message)
  ) {
    return {
      state: 'provisioning',
      severity: 'warning',
      headline: `Claim ${facts.ref}: FSx for Lustre is still creating the file system`,
      explanation: `Creating an FSx for Lustre file system often takes longer than the driver's ${
        FSX_DRIVER_TIMEOUT_SECONDS / 60
      }-minute timeout (10–20 minutes for large ones); the driver times out and retries while AWS keeps creating it. ${quoted}`,
      fix: 'Wait: the claim binds when the file system is AVAILABLE. If it stays Pending for more than 30 minutes, check the file system in the FSx console.',
      since,
    };
  }
  if (
    driver === 'fsx-lustre' &&
    /FAILED|failed to create|Misconfigured/i.test(message)
  ) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} failed: AWS could not create the FSx for Lustre file system`,
      explanation: `The file system ended in a FAILED state (often the subnet, security group or S3 import path of class ${className}); the claim stays Pending. ${quoted}`,
      fix: `Ask the platform team to check the subnetId, securityGroupIds (Lustre needs TCP 988 and 1018–1023 between the nodes and the file system) and s3ImportPath of class ${className}, then delete and re-create the claim.`,
      since,
    };
  }
  if (/InsufficientVolumeCapacity|insufficient capacity/i.test(message)) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} cannot be provisioned: AWS has no capacity for this volume type in that Availability Zone`,
      explanation: quoted,
      fix: 'Retry later, or use another volume type or zone.',
      since,
    };
  }
  if (
    /infeasible|InvalidArgument|Invalid parameter|InvalidParameter|not supported|Missing .* parameter|must be greater/i.test(
      message,
    )
  ) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} cannot be provisioned: StorageClass ${className} has settings the driver rejects`,
      explanation: `The driver refused to create the volume because of the class's parameters or the claim's size or access mode. ${quoted}`,
      fix: `Fix StorageClass ${className} as the message says (run \`yarn eks-storage lint\` on it), or pick another class; then delete and re-create the claim.`,
      since,
    };
  }
  if (/storageclass\.storage\.k8s\.io ".*" not found/.test(message)) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} asks for StorageClass ${className}, which does not exist`,
      explanation: quoted,
      fix: "Use one of the cluster's StorageClasses (`kubectl get storageclass`) and re-create the claim: storageClassName cannot be changed in place.",
      since,
    };
  }
  return {
    state: 'failed',
    severity: 'error',
    headline: `Claim ${facts.ref} cannot be provisioned`,
    explanation: `${title} failed to create the volume. ${quoted}`,
    fix: 'Read the message above; if it names a permission, a quota or a parameter, fix that and the driver retries on its own.',
    since,
  };
}

/** The mount failure of an EFS volume that times out: nearly always the network path. */
export function efsMountTimeout(
  event: CoreV1Event,
  facts: ClaimFacts,
): Diagnosis {
  return {
    state: 'bound',
    severity: 'error',
    headline: `Pod ${event.involvedObject?.name ?? ''} cannot mount EFS claim ${
      facts.ref
    }: the mount times out`,
    explanation: `The node cannot reach the EFS mount target over NFS. ${quote(
      event,
    )}`,
    fix: `Allow inbound TCP ${EFS_NFS_PORT} (NFS) from the nodes' security group on the mount targets' security group, and make sure the file system has a mount target in every AZ with nodes.`,
    since: isoOf(eventTime(event)),
  };
}
