import type {
  CoreV1Event,
  V1PersistentVolume,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';
import {
  DRIVERS,
  DriverId,
  driverForProvisioner,
  IN_TREE_PROVISIONERS,
  isInTreeProvisioner,
} from '../catalogue';
import { formatQuantity, parseQuantity } from '../quantity';
import {
  ClaimFacts,
  eventTime,
  gatherFacts,
  isoOf,
  latest,
  latestMatching,
  minutesBetween,
  podName,
  quote,
  timeOf,
} from './facts';
import {
  diagnoseProvisioningFailure,
  efsMountTimeout,
} from './provisioningFailure';
import { Diagnosis, DiagnosisInput } from './types';

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** How long a claim may wait on an external provisioner before we suspect no driver runs. */
const NO_DRIVER_SUSPICION_MINUTES = 10;
/** How long a controller-side resize may take before we call it stuck. */
const RESIZE_STUCK_MINUTES = 60;

/**
 * Explains the state of one claim in plain words with the fix. Pure and
 * total: partial or missing objects give a less specific answer, never an error.
 */
export function diagnose(input: DiagnosisInput): Diagnosis {
  try {
    const safeInput = input ?? {};
    const facts = gatherFacts(safeInput);
    if (!safeInput.pvc) return diagnoseVolumeOnly(safeInput.pv, facts);
    if (safeInput.pvc.metadata?.deletionTimestamp)
      return diagnoseTerminating(safeInput, facts);
    switch (safeInput.pvc.status?.phase) {
      case 'Bound':
        return diagnoseBound(safeInput, facts);
      case 'Lost':
        return {
          state: 'lost',
          severity: 'error',
          headline: `Claim ${facts.ref} lost its volume ${
            safeInput.pvc.spec?.volumeName ?? ''
          }`.trim(),
          explanation:
            'The PersistentVolume this claim was bound to no longer exists; the data on it cannot be reached through this claim.',
          fix: 'Restore from a snapshot into a new claim, or delete this claim and create a new one.',
        };
      default:
        return diagnosePending(safeInput, facts);
    }
  } catch (error) {
    return {
      state: 'provisioning',
      severity: 'warning',
      headline: 'The claim could not be diagnosed',
      explanation: `The objects given were not in the expected shape (${String(
        error,
      )}).`,
      fix: 'Check the claim with kubectl describe pvc.',
    };
  }
}

function classNameOf(input: DiagnosisInput): string | undefined | null {
  return input.pvc?.spec?.storageClassName;
}

function sizeOf(pv: V1PersistentVolume | undefined, fallback?: string): string {
  const bytes = parseQuantity(pv?.spec?.capacity?.storage ?? fallback);
  return bytes === undefined ? '' : formatQuantity(bytes);
}

function diagnoseVolumeOnly(
  pv: V1PersistentVolume | undefined,
  facts: ClaimFacts,
): Diagnosis {
  const name = pv?.metadata?.name ?? 'unknown';
  if (pv?.status?.phase === 'Released') {
    return {
      state: 'released',
      severity: 'warning',
      headline: `Volume ${name} was left behind after claim ${facts.ref} was deleted, and is still billed`,
      explanation: `Its reclaim policy is ${
        pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain'
      }, so deleting the claim kept the volume (${sizeOf(
        pv,
      )}) and its data. A Released volume is not bound again automatically.`,
      fix: `If the data is no longer needed, delete PersistentVolume ${name} and then the cloud volume (${
        pv.spec?.csi?.volumeHandle ?? 'its volume handle'
      }). To reuse it, remove spec.claimRef from the PV and bind a new claim with spec.volumeName: ${name}.`,
    };
  }
  return {
    state: pv?.status?.phase === 'Failed' ? 'failed' : 'bound',
    severity: pv?.status?.phase === 'Failed' ? 'error' : 'info',
    headline: `Volume ${name} is ${pv?.status?.phase ?? 'in an unknown state'}`,
    explanation: pv?.status?.message ?? 'No claim was given for this volume.',
    fix:
      pv?.status?.phase === 'Failed'
        ? 'Check the volume with kubectl describe pv.'
        : '',
  };
}

function activePods(facts: ClaimFacts) {
  return facts.pods.filter(
    pod => !['Succeeded', 'Failed'].includes(pod.status?.phase ?? ''),
  );
}

function diagnoseTerminating(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis {
  const since = isoOf(timeOf(input.pvc?.metadata?.deletionTimestamp));
  const users = activePods(facts).map(pod => pod.metadata?.name);
  if (users.length > 0) {
    return {
      state: 'terminating',
      severity: 'warning',
      headline: `Claim ${facts.ref} is being deleted but pod ${users.join(
        ', ',
      )} still uses it`,
      explanation:
        'Kubernetes keeps a claim (finalizer kubernetes.io/pvc-protection) until no pod uses it, so the data is not pulled from under a running app.',
      fix: `Delete or scale down ${
        users.length > 1 ? 'the pods' : `pod ${users[0]}`
      } (its Deployment or StatefulSet); the claim goes away afterwards.`,
      since,
    };
  }
  return {
    state: 'terminating',
    severity: 'info',
    headline: `Claim ${facts.ref} is being deleted`,
    explanation: `No pod uses it; Kubernetes is removing it${
      input.pv?.spec?.persistentVolumeReclaimPolicy === 'Retain'
        ? ' and will keep its volume (Retain)'
        : ' and its volume'
    }.`,
    fix: '',
    since,
  };
}

/** Zone(s) a PV is pinned to by its node affinity. */
function volumeZones(pv: V1PersistentVolume | undefined): string[] {
  const terms = pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  return terms.flatMap(term =>
    (term.matchExpressions ?? [])
      .filter(expr => /zone/.test(expr.key ?? ''))
      .flatMap(expr => expr.values ?? []),
  );
}

function nodeZones(input: DiagnosisInput): string[] {
  const zones = (input.nodes ?? [])
    .map(node => node.metadata?.labels?.['topology.kubernetes.io/zone'])
    .filter((zone): zone is string => !!zone);
  return [...new Set(zones)].sort();
}

const ZONE_KEYS =
  /^(topology\.kubernetes\.io\/zone|topology\.ebs\.csi\.aws\.com\/zone|failure-domain\.beta\.kubernetes\.io\/zone)$/;

/** The zones a pod is pinned to by its nodeSelector or required node affinity. */
function podZones(pod: V1Pod | undefined): string[] {
  const selected = Object.entries(pod?.spec?.nodeSelector ?? {})
    .filter(([key]) => ZONE_KEYS.test(key))
    .map(([, zone]) => zone);
  const required =
    pod?.spec?.affinity?.nodeAffinity
      ?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const fromAffinity = required.flatMap(term =>
    (term.matchExpressions ?? [])
      .filter(expr => ZONE_KEYS.test(expr.key ?? '') && expr.operator === 'In')
      .flatMap(expr => expr.values ?? []),
  );
  return [...new Set([...selected, ...fromAffinity])].sort();
}

function driverOf(input: DiagnosisInput): DriverId | undefined {
  return (
    driverForProvisioner(input.pv?.spec?.csi?.driver ?? '') ??
    driverForProvisioner(input.storageClass?.provisioner ?? '') ??
    driverForProvisioner(
      input.pvc?.metadata?.annotations?.[
        'volume.kubernetes.io/storage-provisioner'
      ] ?? '',
    )
  );
}

function diagnoseBound(input: DiagnosisInput, facts: ClaimFacts): Diagnosis {
  const pvc = input.pvc!;
  const resize = diagnoseResize(input, facts);
  if (resize) return resize;
  const podProblem = diagnosePodProblems(input, facts);
  if (podProblem) return podProblem;
  const volume =
    pvc.spec?.volumeName ?? input.pv?.metadata?.name ?? 'its volume';
  const retain = input.pv?.spec?.persistentVolumeReclaimPolicy === 'Retain';
  return {
    state: 'bound',
    severity: 'ok',
    headline: `Claim ${facts.ref} is bound to ${volume}${describeVolume(
      sizeOf(input.pv, pvc.status?.capacity?.storage),
      pvc.spec?.storageClassName,
    )}`,
    explanation: `The volume is ready for pods to use.${
      retain
        ? ' Its reclaim policy is Retain: deleting the claim keeps the volume, which is still billed until someone deletes it.'
        : ''
    }`,
    fix: '',
    since: isoOf(
      eventTime(
        latest(facts.claimEvents, 'ProvisioningSucceeded') ??
          ({} as CoreV1Event),
      ),
    ),
  };
}

/** " (20Gi, class gp3)", or less when not known. */
function describeVolume(size: string, className: string | undefined): string {
  const parts = [size, className ? `class ${className}` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function diagnoseResize(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis | undefined {
  const pvc = input.pvc!;
  const conditions = pvc.status?.conditions ?? [];
  const condition = (type: string) => conditions.find(c => c.type === type);
  const allocated = pvc.status?.allocatedResourceStatuses?.storage;
  const requested = parseQuantity(pvc.spec?.resources?.requests?.storage);
  const capacity = parseQuantity(pvc.status?.capacity?.storage);
  const target =
    requested !== undefined ? formatQuantity(requested) : 'the new size';

  const pending = condition('FileSystemResizePending');
  if (pending || allocated === 'NodeResizePending') {
    const users = activePods(facts).map(pod => pod.metadata?.name);
    return {
      state: 'resize-pending-restart',
      severity: 'warning',
      headline: `Claim ${
        facts.ref
      }: the volume has grown to ${target}; restart ${
        users.length ? `pod ${users.join(', ')}` : 'the pod that uses it'
      } to finish`,
      explanation:
        'The cloud volume is already larger, but the file system on it is grown only when a pod mounts the volume again ("Waiting for user to (re-)start a pod to finish file system resize of volume on node.").',
      fix: users.length
        ? `Restart pod ${users.join(
            ', ',
          )} (kubectl delete pod, or a rollout restart of its workload).`
        : 'Start a pod that uses the claim.',
      since: isoOf(timeOf(pending?.lastTransitionTime)),
    };
  }
  const failedEvent = latest(facts.claimEvents, 'VolumeResizeFailed');
  const errorCondition =
    condition('ControllerResizeError') ?? condition('NodeResizeError');
  const infeasible =
    allocated === 'ControllerResizeInfeasible' ||
    allocated === 'NodeResizeInfeasible';
  if (
    failedEvent &&
    /VolumeModificationRateExceeded|rate exceeded|modification rate/i.test(
      failedEvent.message ?? '',
    )
  ) {
    return {
      state: 'resizing',
      severity: 'warning',
      headline: `Claim ${facts.ref}: the resize to ${target} waits for EBS to allow another modification`,
      explanation: `EBS allows one modification per volume every 6 hours; this volume was modified recently. The resizer keeps retrying. ${quote(
        failedEvent,
      )}`,
      fix: 'Wait: the resize completes on its own once the 6-hour window has passed. Ask for the final size at once next time.',
      since: isoOf(eventTime(failedEvent)),
    };
  }
  if (infeasible || errorCondition || failedEvent) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref}: the resize to ${target} failed`,
      explanation: `${
        errorCondition?.message
          ? `"${errorCondition.message}"`
          : quote(failedEvent) ||
            'The driver reported the new size cannot be reached.'
      }`,
      fix: infeasible
        ? 'Ask for a size the volume type allows; you can lower spec.resources.requests.storage back to a size above the current capacity to recover.'
        : 'Fix what the message names (size bounds, permissions), then the resizer retries.',
      since: isoOf(
        eventTime(failedEvent ?? ({} as CoreV1Event)) ??
          timeOf(errorCondition?.lastTransitionTime),
      ),
    };
  }
  const resizing = condition('Resizing') ?? condition('ModifyingVolume');
  const growing =
    requested !== undefined && capacity !== undefined && requested > capacity;
  if (
    resizing ||
    allocated === 'ControllerResizeInProgress' ||
    allocated === 'NodeResizeInProgress' ||
    growing
  ) {
    const start =
      timeOf(resizing?.lastTransitionTime) ??
      eventTime(latest(facts.claimEvents, 'Resizing') ?? ({} as CoreV1Event));
    const minutes = minutesBetween(start, facts.now);
    const stuck = minutes !== undefined && minutes > RESIZE_STUCK_MINUTES;
    return {
      state: 'resizing',
      severity: stuck ? 'warning' : 'info',
      headline: stuck
        ? `Claim ${facts.ref} has been resizing to ${target} for ${Math.round(
            minutes!,
          )} minutes`
        : `Claim ${facts.ref} is being resized to ${target}`,
      explanation: stuck
        ? 'The external resizer has not finished. Common causes: AWS API throttling, EBS still optimizing a previous modification, or a resizer sidecar that is not running.'
        : `The driver is growing the volume${
            capacity !== undefined ? ` from ${formatQuantity(capacity)}` : ''
          }; the claim stays usable meanwhile.`,
      fix: stuck
        ? 'Check the csi-resizer container of the driver controller (kubectl logs) and the volume modification state in the EC2 console.'
        : '',
      since: isoOf(start),
    };
  }
  return undefined;
}

function diagnosePodProblems(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis | undefined {
  const multiAttach = latestMatching(facts.podEvents, /Multi-Attach error/i);
  if (multiAttach) {
    const driver = driverOf(input);
    return {
      state: 'bound',
      severity: 'error',
      headline: `Pod ${podName(multiAttach)} cannot start: claim ${
        facts.ref
      } is still attached to another node`,
      explanation: `The volume is ReadWriteOnce${
        driver ? ` (${DRIVERS[driver].title})` : ''
      }: it attaches to one node at a time. This happens during rolling updates (the new pod lands on another node while the old one still holds the volume) and after a node is lost. ${quote(
        multiAttach,
      )}`,
      fix: 'Use the Recreate strategy (or maxSurge: 0) for Deployments with a ReadWriteOnce claim, or a StatefulSet. After a node loss the volume is force-detached after about 6 minutes. If several pods must write at once, use an EFS claim (ReadWriteMany).',
      since: isoOf(eventTime(multiAttach)),
    };
  }
  const affinity = latestMatching(
    facts.podEvents,
    /volume node affinity conflict/i,
  );
  if (affinity) {
    const zones = volumeZones(input.pv);
    const nodes = nodeZones(input);
    const volume = input.pv?.metadata?.name ?? `of claim ${facts.ref}`;
    const pod = (input.pods ?? []).find(
      p => p.metadata?.name === podName(affinity),
    );
    const pinned = podZones(pod);
    if (pinned.length && zones.length && !pinned.some(z => zones.includes(z))) {
      return {
        state: 'bound',
        severity: 'error',
        headline: `Pod ${podName(affinity)} is pinned to ${pinned.join(
          ', ',
        )} but its volume ${volume} is in ${zones.join(', ')}`,
        explanation: `An EBS volume lives in one Availability Zone and can only attach to nodes in that zone; the pod's nodeSelector or node affinity keeps it out of that zone. ${quote(
          affinity,
        )}`,
        fix: `Remove the pod's zone constraint (or allow ${zones.join(
          ', ',
        )}), or move the data: snapshot the volume and restore it into a new claim used from ${pinned.join(
          ', ',
        )}.`,
        since: isoOf(eventTime(affinity)),
      };
    }
    return {
      state: 'bound',
      severity: 'error',
      headline: `Pod ${podName(
        affinity,
      )} cannot be scheduled: volume ${volume} is in ${
        zones.length ? `zone ${zones.join(', ')}` : 'another zone'
      }${
        nodes.length
          ? `, where no node can take it (nodes are in ${nodes.join(', ')})`
          : ''
      }`,
      explanation: `An EBS volume lives in one Availability Zone and can only attach to nodes in that zone. No schedulable node is in the volume's zone. ${quote(
        affinity,
      )}`,
      fix: `Add nodes in ${
        zones.join(', ') || "the volume's zone"
      } (a node group or Karpenter NodePool covering it), or snapshot the volume and restore it in a zone with nodes. Use volumeBindingMode: WaitForFirstConsumer so new volumes follow the pod.`,
      since: isoOf(eventTime(affinity)),
    };
  }
  const mountFailure = latest(
    facts.podEvents,
    'FailedMount',
    'FailedAttachVolume',
  );
  if (mountFailure) {
    if (
      driverOf(input) === 'efs' &&
      /timed out|timeout|Connection refused/i.test(mountFailure.message ?? '')
    ) {
      return efsMountTimeout(mountFailure, facts);
    }
    return {
      state: 'bound',
      severity: 'warning',
      headline: `Pod ${podName(mountFailure)} cannot mount claim ${facts.ref}`,
      explanation: quote(mountFailure),
      fix: 'Read the message above: it names the node-side problem (driver node plugin not running, permissions, file system errors). kubectl describe pod shows the rest.',
      since: isoOf(eventTime(mountFailure)),
    };
  }
  return undefined;
}

function findClass(
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

function diagnosePending(input: DiagnosisInput, facts: ClaimFacts): Diagnosis {
  const pvc = input.pvc!;
  const className = classNameOf(input);
  const created = isoOf(timeOf(pvc.metadata?.creationTimestamp));
  const warning = [...facts.claimEvents]
    .reverse()
    .find(e => e.type === 'Warning');

  if (className === '') return diagnoseStaticPending(input, facts, warning);
  if (className === undefined || className === null) {
    const hasDefault = (input.storageClasses ?? []).some(
      sc => sc?.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true',
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
        since: isoOf(eventTime(noClassEvent ?? ({} as CoreV1Event))) ?? created,
      };
    }
  }
  const name = className ?? '(default)';
  const storageClass = className ? findClass(input, className) : undefined;
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
      since:
        isoOf(eventTime(missingClassEvent ?? ({} as CoreV1Event))) ?? created,
    };
  }
  const provisioner =
    storageClass?.provisioner ??
    pvc.metadata?.annotations?.['volume.kubernetes.io/storage-provisioner'] ??
    pvc.metadata?.annotations?.[
      'volume.beta.kubernetes.io/storage-provisioner'
    ] ??
    '';
  const driver = driverForProvisioner(provisioner);
  const classProblem = diagnoseClassProblem(
    input,
    facts,
    name,
    provisioner,
    driver,
  );
  if (classProblem) return classProblem;

  const failure = latest(facts.claimEvents, 'ProvisioningFailed');
  const success = latest(facts.claimEvents, 'ProvisioningSucceeded');
  if (
    failure &&
    (!success || (eventTime(success) ?? 0) < (eventTime(failure) ?? 0))
  ) {
    return diagnoseProvisioningFailure(failure, facts, driver, name);
  }
  const restore = diagnoseRestoreSource(input, facts);
  if (restore) return restore;

  const selectedNode =
    pvc.metadata?.annotations?.['volume.kubernetes.io/selected-node'];
  const waitsForConsumer =
    storageClass?.volumeBindingMode === 'WaitForFirstConsumer' ||
    !!latest(facts.claimEvents, 'WaitForFirstConsumer', 'WaitForPodScheduled');
  if (waitsForConsumer && !selectedNode)
    return diagnoseWaitingForConsumer(facts, name);

  const started = latest(facts.claimEvents, 'Provisioning');
  const external = latest(facts.claimEvents, 'ExternalProvisioning');
  if (!started && external) {
    const minutes = minutesBetween(
      timeOf(external.firstTimestamp) ?? eventTime(external),
      facts.now,
    );
    if (minutes !== undefined && minutes > NO_DRIVER_SUSPICION_MINUTES) {
      return noDriver(
        facts,
        provisioner,
        name,
        `It has waited ${Math.round(
          minutes,
        )} minutes and no driver has started. ${quote(external)}`,
        isoOf(timeOf(external.firstTimestamp) ?? eventTime(external)),
      );
    }
  }
  if (driver === 'fsx-lustre' && started) {
    const minutes = minutesBetween(
      eventTime(
        facts.claimEvents.find(e => e.reason === 'Provisioning') ?? started,
      ),
      facts.now,
    );
    if (minutes !== undefined && minutes > 5) {
      return {
        state: 'provisioning',
        severity: 'info',
        headline: `Claim ${
          facts.ref
        }: FSx for Lustre has been creating the file system for ${Math.round(
          minutes,
        )} minutes`,
        explanation:
          'FSx for Lustre file systems take 5–20 minutes to create, longer than most volumes. The claim binds when the file system is AVAILABLE.',
        fix: 'Wait. If it takes more than 30 minutes, check the file system in the FSx console.',
        since: isoOf(eventTime(started)),
      };
    }
  }
  if (warning && warning.reason !== 'ProvisioningFailed') {
    return {
      state: 'provisioning',
      severity: 'warning',
      headline: `Claim ${facts.ref} is Pending and Kubernetes reports a problem`,
      explanation: quote(warning),
      fix: 'Read the message above; kubectl describe pvc shows the full history.',
      since: isoOf(eventTime(warning)),
    };
  }
  return {
    state: 'provisioning',
    severity: 'info',
    headline: `Claim ${facts.ref} is being provisioned${
      driver ? ` by ${DRIVERS[driver].title}` : ''
    }${selectedNode ? ` for node ${selectedNode}` : ''}`,
    explanation: `The ${
      provisioner || 'storage'
    } driver is creating the volume for StorageClass ${name}.`,
    fix: '',
    since:
      isoOf(eventTime(started ?? external ?? ({} as CoreV1Event))) ?? created,
  };
}

const EKS_ADDONS: Record<string, string> = {
  'ebs.csi.aws.com': 'aws-ebs-csi-driver',
  'efs.csi.aws.com': 'aws-efs-csi-driver',
  'fsx.csi.aws.com': 'aws-fsx-csi-driver',
  's3.csi.aws.com': 'aws-mountpoint-s3-csi-driver',
};

function noDriver(
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

function diagnoseClassProblem(
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

function diagnoseStaticPending(
  input: DiagnosisInput,
  facts: ClaimFacts,
  warning: CoreV1Event | undefined,
): Diagnosis {
  const volumeName = input.pvc?.spec?.volumeName;
  if (volumeName && input.pv?.metadata?.name !== volumeName) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} waits for PersistentVolume ${volumeName}, which does not exist`,
      explanation:
        'The claim uses static binding (storageClassName "") and names a volume that has not been created.',
      fix: `Create PersistentVolume ${volumeName} for the existing volume or bucket (the storage request form renders it).`,
      since: isoOf(timeOf(input.pvc?.metadata?.creationTimestamp)),
    };
  }
  return {
    state: 'failed',
    severity: warning ? 'error' : 'warning',
    headline: `Claim ${facts.ref} has no PersistentVolume to bind to`,
    explanation:
      `With storageClassName "" nothing is provisioned: the claim binds only to a pre-created PV whose size, access modes and class match. ${quote(
        warning,
      )}`.trim(),
    fix: 'Create the PersistentVolume for the existing volume (for S3: csi.volumeAttributes.bucketName, storageClassName "") and set spec.volumeName on the claim, or use a StorageClass to provision a new volume.',
    since: isoOf(eventTime(warning ?? ({} as CoreV1Event))),
  };
}

function diagnoseWaitingForConsumer(
  facts: ClaimFacts,
  className: string,
): Diagnosis {
  const pods = activePods(facts);
  const scheduling = latest(facts.podEvents, 'FailedScheduling');
  if (pods.length === 0) {
    const event = latest(facts.claimEvents, 'WaitForFirstConsumer');
    return {
      state: 'waiting-for-consumer',
      severity: 'info',
      headline: `Claim ${facts.ref} waits for a pod to use it — this is normal`,
      explanation: `StorageClass ${className} uses volumeBindingMode WaitForFirstConsumer: the volume is created only when a pod that uses the claim is scheduled, so it lands in that pod's Availability Zone.`,
      fix: 'Nothing to fix. Deploy the workload that mounts the claim and it will bind.',
      since: isoOf(eventTime(event ?? ({} as CoreV1Event))),
    };
  }
  const pod = pods[0].metadata?.name ?? 'the pod';
  if (scheduling) {
    return {
      state: 'waiting-for-consumer',
      severity: 'warning',
      headline: `Claim ${facts.ref} waits for pod ${podName(
        scheduling,
      )}, which cannot be scheduled`,
      explanation: `The volume is created once the pod has a node, and the scheduler finds none. ${quote(
        scheduling,
      )}`,
      fix: 'Fix what stops the pod from scheduling (resources, node selectors, taints); the claim follows.',
      since: isoOf(eventTime(scheduling)),
    };
  }
  return {
    state: 'waiting-for-consumer',
    severity: 'info',
    headline: `Claim ${facts.ref} waits for pod ${pod} to be scheduled`,
    explanation: `The volume is created in the zone of the node pod ${pod} gets (volumeBindingMode WaitForFirstConsumer).`,
    fix: '',
    since: isoOf(
      eventTime(
        latest(
          facts.claimEvents,
          'WaitForPodScheduled',
          'WaitForFirstConsumer',
        ) ?? ({} as CoreV1Event),
      ),
    ),
  };
}

function diagnoseRestoreSource(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis | undefined {
  const source = input.pvc?.spec?.dataSource;
  if (source?.kind !== 'VolumeSnapshot' || !Array.isArray(input.snapshots))
    return undefined;
  const snapshot = input.snapshots.find(
    s =>
      (s as { metadata?: { name?: string; namespace?: string } })?.metadata
        ?.name === source.name &&
      ((s as { metadata?: { namespace?: string } }).metadata?.namespace ??
        facts.namespace) === facts.namespace,
  ) as
    | { status?: { readyToUse?: boolean; error?: { message?: string } } }
    | undefined;
  if (!snapshot) {
    return {
      state: 'failed',
      severity: 'error',
      headline: `Claim ${facts.ref} restores from VolumeSnapshot ${source.name}, which does not exist`,
      explanation: `The claim's dataSource names snapshot ${source.name} in namespace ${facts.namespace}, and there is no such snapshot.`,
      fix: 'Re-create the claim from an existing snapshot (kubectl get volumesnapshot).',
    };
  }
  if (snapshot.status?.readyToUse !== true) {
    return {
      state: 'provisioning',
      severity: snapshot.status?.error ? 'error' : 'info',
      headline: `Claim ${facts.ref} waits for VolumeSnapshot ${source.name} to be ready`,
      explanation: snapshot.status?.error?.message
        ? `The snapshot failed: "${snapshot.status.error.message}"`
        : 'The volume is restored once the snapshot is ready to use.',
      fix: snapshot.status?.error
        ? 'Take a new snapshot, then restore from it.'
        : '',
    };
  }
  return undefined;
}
