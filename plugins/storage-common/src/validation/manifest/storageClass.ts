import {
  DRIVERS,
  IN_TREE_PROVISIONERS,
  checkStorageClassLimits,
  checkStorageClassParameters,
  driverForProvisioner,
  isInTreeProvisioner,
} from '../../catalogue';
import { Finding, stringRecord } from '../findings';
import { driverFinding, finding } from '../rules';
import { checkObjectName } from './fields';

/** A StorageClass: provisioner, the driver's parameter rules, binding mode, expansion, reclaim policy. */
export function checkStorageClass(sc: Record<string, unknown>): Finding[] {
  const findings = checkObjectName(sc, 'StorageClass');
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
  for (const problem of checkStorageClassLimits(provisioner, parameters)) {
    findings.push({
      ...driverFinding(
        problem,
        problem.key ? `parameters.${problem.key}` : 'parameters',
        problem.severity === 'error'
          ? 'Fix the parameter as the message says; claims of this class fail to provision until then.'
          : 'Set the parameter within the limit, so the class promises what volumes get.',
      ),
      severity: problem.severity,
    });
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
