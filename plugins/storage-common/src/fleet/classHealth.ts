/**
 * Class health, "will this bind?": every StorageClass of a cluster checked
 * against the driver catalogue (through the linter's own StorageClass check)
 * and against what the cluster has (CSI drivers, default classes) and what
 * the platform offers.
 */
import type { V1StorageClass } from '@kubernetes/client-node';
import {
  DRIVERS,
  IN_TREE_PROVISIONERS,
  driverForProvisioner,
  isInTreeProvisioner,
} from '../catalogue';
import {
  STATIC_STORAGE_CLASS,
  StorageOffering,
  offeringCapabilities,
} from '../model/offering';
import { Finding } from '../validation/findings';
import { checkStorageClass } from '../validation/manifest/storageClass';
import { VALIDATION_RULES } from '../validation/rules';
import { versionAtLeast } from './kubernetesVersion';
import {
  classNamed,
  classParameters,
  createdMs,
  driverOfProvisioner,
  fleetFinding,
  isDefaultClass,
  nameOf,
  objectsOf,
} from './objects';
import { ClusterStorage, FleetFinding } from './types';

/** Provisioners that create nothing and need no driver. */
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

const EKS_ADDONS: Record<string, string> = {
  'ebs.csi.aws.com': 'aws-ebs-csi-driver',
  'efs.csi.aws.com': 'aws-efs-csi-driver',
  'fsx.csi.aws.com': 'aws-fsx-csi-driver',
  's3.csi.aws.com': 'aws-mountpoint-s3-csi-driver',
};

function installFix(provisioner: string): string {
  const addon = EKS_ADDONS[provisioner];
  return addon
    ? `Install the EKS add-on ${addon} (with its IAM role), or point the class at a driver the cluster has.`
    : `Install the CSI driver ${provisioner}, or point the class at a driver the cluster has.`;
}

/** Every problem of the cluster's StorageClasses and of the offerings that use them. */
export function checkClassHealth(
  storage: ClusterStorage,
  offerings: readonly StorageOffering[] = [],
): FleetFinding[] {
  if (!Array.isArray(storage?.storageClasses)) return [];
  const classes = objectsOf(storage.storageClasses);
  return [
    ...classes.flatMap(sc => checkOneClass(storage, sc)),
    ...checkDefaultClasses(storage.cluster, classes),
    ...objectsOf(offerings).flatMap(offering =>
      checkOfferingClass(storage.cluster, offering, classes),
    ),
  ];
}

function checkOneClass(
  storage: ClusterStorage,
  sc: V1StorageClass,
): FleetFinding[] {
  const cluster = storage.cluster;
  const name = nameOf(sc);
  const object = { kind: 'StorageClass' as const, name };
  const provisioner = typeof sc.provisioner === 'string' ? sc.provisioner : '';
  const installed = Array.isArray(storage.csiDrivers)
    ? new Set(objectsOf(storage.csiDrivers).map(nameOf))
    : undefined;
  const findings: FleetFinding[] = [];

  if (isInTreeProvisioner(provisioner)) {
    findings.push(inTreeFinding(storage, sc, installed));
  } else if (
    provisioner !== NO_PROVISIONER &&
    installed &&
    !installed.has(provisioner)
  ) {
    findings.push(
      fleetFinding('class-health', {
        code: 'class-driver-not-installed',
        severity: 'error',
        cluster,
        object,
        field: 'provisioner',
        title: `StorageClass ${name} needs CSI driver ${provisioner}, which is not installed`,
        detail: `The cluster has no CSIDriver object named ${provisioner}, so nothing provisions claims of this class: they wait "for a volume to be created by external provisioner ${provisioner}" forever.`,
        fix: installFix(provisioner),
      }),
    );
  } else if (storage.csiControllers?.[provisioner] === false) {
    findings.push(
      fleetFinding('class-health', {
        code: 'class-driver-controller-down',
        severity: 'error',
        cluster,
        object,
        field: 'provisioner',
        title: `StorageClass ${name}: the controller of CSI driver ${provisioner} is not running`,
        detail: `The driver is registered, but its controller (which creates, expands and snapshots volumes) is down, so new claims of this class stay Pending.`,
        fix: `Check the driver's controller Deployment in kube-system (its pods, their logs and its IAM role) and bring it back.`,
      }),
    );
  }

  for (const lint of checkStorageClass(
    sc as unknown as Record<string, unknown>,
  )) {
    // The fleet reports these itself, with what the cluster says.
    if (lint.code === 'in-tree-provisioner') continue;
    if (lint.code === 'unknown-provisioner' && installed?.has(provisioner))
      continue;
    if (lint.code === 'invalid-name' || lint.code === 'missing-field') continue;
    findings.push(lintFinding(cluster, name, provisioner, lint));
  }
  return findings;
}

function inTreeFinding(
  storage: ClusterStorage,
  sc: V1StorageClass,
  installed: Set<string> | undefined,
): FleetFinding {
  const name = nameOf(sc);
  const provisioner = sc.provisioner;
  const target = IN_TREE_PROVISIONERS[provisioner];
  const base = {
    code: 'in-tree-provisioner',
    cluster: storage.cluster,
    object: { kind: 'StorageClass' as const, name },
    field: 'provisioner',
    fix: `Create a class with provisioner ${target} (type gp3, volumeBindingMode WaitForFirstConsumer) and move new claims to it; existing volumes keep working.`,
  };
  if (!versionAtLeast(storage.kubernetesVersion, 1, 23)) {
    return fleetFinding('class-health', {
      ...base,
      severity: 'info',
      title: `StorageClass ${name} uses the in-tree provisioner ${provisioner}, which stops working on EKS 1.23`,
      detail: `This cluster (${storage.kubernetesVersion}) still runs the in-tree plugin; from EKS 1.23 on claims of this class are served only through CSI migration by ${target}.`,
    });
  }
  if (installed?.has(target)) {
    return fleetFinding('class-health', {
      ...base,
      severity: 'warning',
      title: `StorageClass ${name} uses the retired in-tree provisioner ${provisioner}`,
      detail: `CSI migration hands its claims to ${target}, which is installed, so they bind; but the class cannot use the driver's own parameters (gp3, iops, throughput, tags).`,
    });
  }
  return fleetFinding('class-health', {
    ...base,
    severity: 'error',
    title: `StorageClass ${name} uses the retired in-tree provisioner ${provisioner}: its claims never bind`,
    detail: `Since EKS 1.23 the in-tree EBS plugin no longer provisions volumes and CSI migration needs ${target}, which ${
      installed ? 'is not installed' : 'may not be installed'
    }: claims wait "for a volume to be created by external provisioner ${target}" forever.`,
    fix: `${installFix(
      target,
    )} Then ${base.fix[0].toLowerCase()}${base.fix.slice(1)}`,
  });
}

function lintFinding(
  cluster: string,
  name: string,
  provisioner: string,
  lint: Finding,
): FleetFinding {
  const driver = driverForProvisioner(provisioner);
  const summary = (VALIDATION_RULES as Record<string, { summary: string }>)[
    lint.code
  ]?.summary;
  let detail = summary;
  if (!detail) {
    detail =
      lint.severity === 'error'
        ? `${
            driver ? DRIVERS[driver].title : 'The driver'
          } refuses claims of this class when it creates their volumes.`
        : `${
            driver ? DRIVERS[driver].title : 'The driver'
          } accepts the class but does not give volumes what it asks for.`;
  }
  return fleetFinding('class-health', {
    code: lint.code,
    severity: lint.severity,
    cluster,
    object: { kind: 'StorageClass', name },
    field: lint.field,
    title: `StorageClass ${name}: ${lint.message}`,
    detail,
    fix: lint.fix,
  });
}

/** The class to suggest as default: an EBS CSI class binding WaitForFirstConsumer, gp3 first. */
function defaultCandidate(classes: V1StorageClass[]): string {
  const ebs = classes.filter(
    sc =>
      driverForProvisioner(sc.provisioner) === 'ebs' &&
      sc.volumeBindingMode === 'WaitForFirstConsumer',
  );
  const gp3 = ebs.find(sc => (classParameters(sc).type ?? 'gp3') === 'gp3');
  const pick = gp3 ?? ebs[0];
  return pick ? nameOf(pick) : '<name>';
}

function checkDefaultClasses(
  cluster: string,
  classes: V1StorageClass[],
): FleetFinding[] {
  const defaults = classes.filter(isDefaultClass);
  const object = { kind: 'Cluster' as const, name: cluster };
  if (defaults.length === 0) {
    return [
      fleetFinding('class-health', {
        code: 'no-default-class',
        severity: 'warning',
        cluster,
        object,
        title: `Cluster ${cluster} has no default StorageClass`,
        detail:
          'Claims without spec.storageClassName (Helm charts, operators, StatefulSet templates) stay Pending: EKS clusters since 1.30 no longer mark gp2 as default.',
        fix: `Mark one class default: kubectl annotate storageclass ${defaultCandidate(
          classes,
        )} storageclass.kubernetes.io/is-default-class=true`,
      }),
    ];
  }
  if (defaults.length > 1) {
    const newest = [...defaults].sort(
      (a, b) => (createdMs(b) ?? 0) - (createdMs(a) ?? 0),
    )[0];
    return [
      fleetFinding('class-health', {
        code: 'several-default-classes',
        severity: 'warning',
        cluster,
        object,
        title: `Cluster ${cluster} has ${
          defaults.length
        } default StorageClasses: ${defaults.map(nameOf).join(', ')}`,
        detail: `Claims without a class get the newest default (${nameOf(
          newest,
        )}), which may not be the one the platform means.`,
        fix: `Keep one default: remove the annotation storageclass.kubernetes.io/is-default-class from the others (kubectl annotate storageclass <name> storageclass.kubernetes.io/is-default-class-).`,
      }),
    ];
  }
  return [];
}

function checkOfferingClass(
  cluster: string,
  offering: StorageOffering,
  classes: V1StorageClass[],
): FleetFinding[] {
  if (offering.storageClassName === STATIC_STORAGE_CLASS) return [];
  const className = offering.storageClassName;
  const sc = classNamed(classes, className);
  if (!sc) {
    return [
      fleetFinding('class-health', {
        code: 'offering-class-missing',
        severity: 'error',
        cluster,
        object: { kind: 'Offering', name: offering.id },
        field: 'storageClassName',
        title: `Offering "${offering.title}" uses StorageClass ${className}, which cluster ${cluster} does not have`,
        detail: `Claims requested from this offering in ${cluster} stay Pending: "storageclass.storage.k8s.io \\"${className}\\" not found".`,
        fix: `Create StorageClass ${className} in ${cluster} (provisioner ${
          DRIVERS[offering.driver].provisioners[0]
        }), or change the offering's storageClassName.`,
      }),
    ];
  }
  const findings: FleetFinding[] = [];
  const object = { kind: 'StorageClass' as const, name: className };
  const driver = driverOfProvisioner(sc.provisioner);
  if (driver !== offering.driver) {
    findings.push(
      fleetFinding('class-health', {
        code: 'offering-driver-mismatch',
        severity: 'error',
        cluster,
        object,
        field: 'provisioner',
        title: `StorageClass ${className} uses ${
          sc.provisioner
        }, but offering "${offering.title}" promises ${
          DRIVERS[offering.driver].title
        }`,
        detail:
          'Requests are validated, priced and explained for the offering’s driver, so what a claim gets differs from what the form said.',
        fix: `Point the offering at a class of ${
          DRIVERS[offering.driver].provisioners[0]
        }, or correct its driver.`,
      }),
    );
  }
  if (
    offeringCapabilities(offering).expansion &&
    sc.allowVolumeExpansion !== true
  ) {
    findings.push(
      fleetFinding('class-health', {
        code: 'offering-expansion-not-allowed',
        severity: 'error',
        cluster,
        object,
        field: 'allowVolumeExpansion',
        title: `StorageClass ${className} does not allow expansion, but offering "${offering.title}" promises resize`,
        detail:
          'Resize requests for its claims are refused by the API server: "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize".',
        fix: `Set allowVolumeExpansion: true on StorageClass ${className} (the field may be changed in place), or set allowVolumeExpansion: false on the offering.`,
      }),
    );
  }
  const classParams = classParameters(sc);
  const differing = Object.entries(offering.parameters).filter(
    ([key, value]) => classParams[key] !== value,
  );
  if (differing.length > 0) {
    findings.push(
      fleetFinding('class-health', {
        code: 'offering-parameters-differ',
        severity: 'warning',
        cluster,
        object,
        field: 'parameters',
        title: `StorageClass ${className} differs from what offering "${
          offering.title
        }" records: ${differing
          .map(
            ([key, value]) =>
              `${key} is ${
                classParams[key] === undefined
                  ? 'unset'
                  : `"${classParams[key]}"`
              }, not "${value}"`,
          )
          .join('; ')}`,
        detail:
          'The validator and the cost estimate read the offering’s parameters, so they judge another volume than the class creates.',
        fix: `Make the offering's parameters match the class (or the class match the offering).`,
      }),
    );
  }
  return findings;
}
