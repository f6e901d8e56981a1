import {
  DRIVERS,
  DriverId,
  VolumeMode,
  checkStorageClassParameters,
  driverForProvisioner,
  isInTreeProvisioner,
  IN_TREE_PROVISIONERS,
} from '../catalogue';
import {
  Finding,
  isRecord,
  path,
  prop,
  sortFindings,
  stringArray,
  stringRecord,
} from './findings';
import { driverFinding, finding } from './rules';
import {
  checkAccessModes,
  checkDriverSize,
  checkName,
  checkQuantity,
  checkVolumeMode,
} from './shared';

/** StorageClasses known to the linter (e.g. from the same files), by name. */
export interface ManifestContext {
  storageClasses?: Record<
    string,
    { provisioner?: string; parameters?: Record<string, string> }
  >;
  /** Access modes of claims known to the linter, by name. */
  claims?: Record<string, { accessModes: string[] }>;
}

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

function checkStorageClass(sc: Record<string, unknown>): Finding[] {
  const findings = checkName(
    path(sc, 'metadata.name'),
    'metadata.name',
    'StorageClass',
  );
  const provisioner = typeof sc.provisioner === 'string' ? sc.provisioner : '';
  const parameters = stringRecord(sc.parameters);
  if (isInTreeProvisioner(provisioner)) {
    findings.push(
      finding(
        'in-tree-provisioner',
        'provisioner',
        `provisioner ${provisioner} is the in-tree EBS plugin: on EKS 1.23 and later nothing provisions it, and claims stay Pending "waiting for a volume to be created by external provisioner"`,
        `Use provisioner: ${IN_TREE_PROVISIONERS[provisioner]} (with the EBS CSI driver add-on installed).`,
      ),
    );
    return findings;
  }
  const driver = driverForProvisioner(provisioner);
  if (!driver) {
    findings.push(
      finding(
        'unknown-provisioner',
        'provisioner',
        `provisioner "${provisioner}" is not one of the EKS CSI drivers this linter knows; its parameters are not checked`,
        'Nothing to do if the driver is installed.',
      ),
    );
    return findings;
  }
  if (driver === 's3') {
    findings.push(
      finding(
        's3-dynamic',
        'provisioner',
        'Mountpoint for S3 cannot provision volumes dynamically: claims of this StorageClass stay Pending',
        'Delete the StorageClass; create a PersistentVolume per bucket and PVCs with storageClassName "".',
      ),
    );
    return findings;
  }
  for (const error of checkStorageClassParameters(provisioner, parameters)) {
    findings.push(
      driverFinding(
        error,
        error.key ? `parameters.${error.key}` : 'parameters',
        'Fix the parameter as the driver message says; claims of this class fail to provision until then.',
      ),
    );
  }
  if (
    DRIVERS[driver].topology === 'zonal' &&
    sc.volumeBindingMode !== 'WaitForFirstConsumer'
  ) {
    findings.push(
      finding(
        'immediate-binding-zonal',
        'volumeBindingMode',
        `volumeBindingMode is ${
          typeof sc.volumeBindingMode === 'string'
            ? sc.volumeBindingMode
            : 'Immediate (the default)'
        }: the ${
          DRIVERS[driver].title
        } volume is created in an AZ before the pod is scheduled, which can leave the pod with a "volume node affinity conflict"`,
        'Set volumeBindingMode: WaitForFirstConsumer.',
      ),
    );
  }
  if (sc.allowVolumeExpansion === true && !DRIVERS[driver].expansion) {
    findings.push(
      finding(
        'expansion-not-supported',
        'allowVolumeExpansion',
        `allowVolumeExpansion is true but ${DRIVERS[driver].title} cannot expand volumes; resize requests will hang`,
        'Remove allowVolumeExpansion.',
      ),
    );
  }
  if (sc.reclaimPolicy === 'Retain') {
    findings.push(
      finding(
        'retain-leaves-volume',
        'reclaimPolicy',
        'reclaimPolicy Retain: deleting a claim leaves its volume behind (Released), still billed',
        'Keep Retain only for data that must outlive its claim, and clean up Released volumes.',
      ),
    );
  }
  return findings;
}

function checkPersistentVolume(pv: Record<string, unknown>): Finding[] {
  const findings = checkName(
    path(pv, 'metadata.name'),
    'metadata.name',
    'PersistentVolume',
  );
  const capacity = path(pv, 'spec.capacity.storage');
  const csiDriver = path(pv, 'spec.csi.driver');
  const driver =
    typeof csiDriver === 'string' ? driverForProvisioner(csiDriver) : undefined;
  if (capacity === undefined) {
    findings.push(
      finding(
        'pv-missing-capacity',
        'spec.capacity.storage',
        'spec.capacity.storage: Required value',
        'Set spec.capacity.storage (S3 and EFS ignore it, but Kubernetes needs it), e.g. 1Gi.',
      ),
    );
  } else {
    findings.push(...checkQuantity(capacity, 'spec.capacity.storage').findings);
  }
  const volumeMode = readVolumeMode(path(pv, 'spec.volumeMode'));
  // A pre-existing EBS volume's type is not in the PV: allow what io2 (multi-attach) allows.
  const classParameters =
    driver === 'ebs'
      ? { type: 'io2' }
      : stringRecord(path(pv, 'spec.csi.volumeAttributes'));
  findings.push(
    ...checkModes(
      path(pv, 'spec.accessModes'),
      'spec.accessModes',
      driver,
      volumeMode,
      classParameters,
    ),
  );
  if (!isRecord(path(pv, 'spec.csi'))) {
    findings.push(
      finding(
        'pv-not-csi',
        'spec',
        'This PersistentVolume does not use a CSI driver; the linter does not check it further',
        'Use the CSI driver of the storage (ebs.csi.aws.com, efs.csi.aws.com, …).',
      ),
    );
    return findings;
  }
  if (!driver) return findings;
  findings.push(...checkVolumeMode(volumeMode, 'spec.volumeMode', driver));
  const handle = path(pv, 'spec.csi.volumeHandle');
  const attributes = stringRecord(path(pv, 'spec.csi.volumeAttributes'));
  const rules = DRIVERS[driver];
  if (driver === 's3') {
    if (
      pv.spec &&
      prop(pv.spec, 'storageClassName') !== '' &&
      prop(pv.spec, 'storageClassName') !== undefined
    ) {
      findings.push(
        finding(
          's3-pv-storage-class',
          'spec.storageClassName',
          `spec.storageClassName is "${String(
            prop(pv.spec, 'storageClassName'),
          )}": Mountpoint for S3 volumes are static, so the PV and its PVC must use storageClassName ""`,
          'Set spec.storageClassName: "" on the PV and the PVC.',
        ),
      );
    }
    if (!attributes.bucketName) {
      findings.push(
        finding(
          's3-missing-bucket',
          'spec.csi.volumeAttributes.bucketName',
          'spec.csi.volumeAttributes.bucketName is missing: Mountpoint does not know which bucket to mount',
          'Set spec.csi.volumeAttributes.bucketName to the bucket name.',
        ),
      );
    }
  } else if (
    typeof handle !== 'string' ||
    !rules.volumeHandlePattern.test(handle)
  ) {
    findings.push(
      finding(
        'invalid-volume-id',
        'spec.csi.volumeHandle',
        `spec.csi.volumeHandle "${String(handle ?? '')}" is not a valid ${
          rules.title
        } volume ID`,
        `Use the form ${rules.volumeHandleExample}.`,
      ),
    );
  }
  if (
    driver === 'fsx-lustre' &&
    (!attributes.dnsname || !attributes.mountname)
  ) {
    findings.push(
      finding(
        'fsx-missing-mount-attributes',
        'spec.csi.volumeAttributes',
        'A static FSx for Lustre PV needs spec.csi.volumeAttributes.dnsname and mountname',
        'Copy DNSName and LustreConfiguration.MountName from `aws fsx describe-file-systems`.',
      ),
    );
  }
  if (driver === 'ebs' && !isRecord(path(pv, 'spec.nodeAffinity'))) {
    findings.push(
      finding(
        'ebs-static-without-zone',
        'spec.nodeAffinity',
        'spec.nodeAffinity is missing: pods may be scheduled in another AZ than the EBS volume ("volume node affinity conflict")',
        "Add a nodeAffinity on topology.kubernetes.io/zone with the volume's AZ.",
      ),
    );
  }
  return findings;
}

function readVolumeMode(value: unknown): VolumeMode {
  return value === 'Block' ? 'Block' : 'Filesystem';
}

function checkModes(
  value: unknown,
  field: string,
  driver: DriverId | undefined,
  volumeMode: VolumeMode,
  parameters: Record<string, string>,
): Finding[] {
  const modes = Array.isArray(value) ? value : [];
  if (modes.length === 0) {
    return [
      finding(
        'missing-access-modes',
        field,
        `${field}: Required value: at least 1 access mode is required`,
        'Add an access mode, e.g. ReadWriteOnce.',
      ),
    ];
  }
  return checkAccessModes(modes, field, driver, volumeMode, parameters);
}

function checkClaim(
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

function checkVolumeSnapshot(snapshot: Record<string, unknown>): Finding[] {
  const findings = checkName(
    path(snapshot, 'metadata.name'),
    'metadata.name',
    'VolumeSnapshot',
  );
  const fromClaim = path(snapshot, 'spec.source.persistentVolumeClaimName');
  const fromContent = path(snapshot, 'spec.source.volumeSnapshotContentName');
  if ((fromClaim === undefined) === (fromContent === undefined)) {
    findings.push(
      finding(
        'snapshot-source-invalid',
        'spec.source',
        'spec.source must set exactly one of persistentVolumeClaimName and volumeSnapshotContentName',
        'Set spec.source.persistentVolumeClaimName to the claim to snapshot.',
      ),
    );
  } else if (fromClaim !== undefined) {
    findings.push(
      ...checkName(
        fromClaim,
        'spec.source.persistentVolumeClaimName',
        'PersistentVolumeClaim',
      ),
    );
  }
  if (path(snapshot, 'spec.volumeSnapshotClassName') === undefined) {
    findings.push(
      finding(
        'snapshot-class-missing',
        'spec.volumeSnapshotClassName',
        'spec.volumeSnapshotClassName is not set: the snapshot uses the class annotated snapshot.storage.k8s.io/is-default-class, and fails if there is none',
        'Set spec.volumeSnapshotClassName, e.g. ebs-csi-snapclass.',
      ),
    );
  }
  return findings;
}

function podVolumes(workload: Record<string, unknown>): unknown[] {
  const volumes = path(workload, 'spec.template.spec.volumes');
  return Array.isArray(volumes) ? volumes : [];
}

function checkStatefulSet(
  sts: Record<string, unknown>,
  context: ManifestContext,
): Finding[] {
  const findings: Finding[] = [];
  podVolumes(sts).forEach((volume, index) => {
    if (prop(volume, 'emptyDir') !== undefined) {
      findings.push(
        finding(
          'emptydir-for-stateful',
          `spec.template.spec.volumes[${index}]`,
          `Volume "${String(
            prop(volume, 'name'),
          )}" is an emptyDir: its data is lost whenever the pod is rescheduled`,
          'Move it to spec.volumeClaimTemplates so each replica gets its own persistent volume.',
        ),
      );
    }
  });
  const templates = path(sts, 'spec.volumeClaimTemplates');
  if (Array.isArray(templates)) {
    templates.forEach((template, index) => {
      findings.push(
        ...checkClaim(
          template,
          `spec.volumeClaimTemplates[${index}].`,
          context,
        ),
      );
    });
  }
  return findings;
}

function checkDeployment(
  deployment: Record<string, unknown>,
  context: ManifestContext,
): Finding[] {
  const replicas = path(deployment, 'spec.replicas');
  if (typeof replicas !== 'number' || replicas <= 1) return [];
  const findings: Finding[] = [];
  podVolumes(deployment).forEach((volume, index) => {
    const claimName = path(volume, 'persistentVolumeClaim.claimName');
    if (typeof claimName !== 'string') return;
    const knownModes = context.claims?.[claimName]?.accessModes;
    const singleNode =
      knownModes === undefined ||
      knownModes.some(
        mode => mode === 'ReadWriteOnce' || mode === 'ReadWriteOncePod',
      );
    if (singleNode) {
      findings.push(
        finding(
          'rwo-shared-by-replicas',
          `spec.template.spec.volumes[${index}]`,
          `${replicas} replicas mount claim "${claimName}": if it is ReadWriteOnce (EBS), replicas on other nodes fail with "Multi-Attach error"`,
          'Use a StatefulSet with volumeClaimTemplates (one volume per replica), or an EFS claim with ReadWriteMany.',
        ),
      );
    }
  });
  return findings;
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
