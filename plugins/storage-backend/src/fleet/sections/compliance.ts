import {
  FleetRules,
  checkCompliance,
} from '@eks-storage/backstage-plugin-storage-common';
import { FleetComplianceRule, FleetFinding } from '../api';
import { FleetSnapshot, findingView } from '../snapshot';

/** The configured compliance rules, in plain words (storage.fleet.compliance). */
export function complianceRules(rules: FleetRules): FleetComplianceRule[] {
  const { ebs, efs } = rules.compliance;
  return [
    {
      id: 'ebs-encryption',
      description: ebs.encryptedByDefault
        ? 'EBS classes and volumes are encrypted (the accounts encrypt new volumes by default)'
        : 'EBS classes and volumes set encrypted: "true"',
      enabled: ebs.requireEncryption,
    },
    {
      id: 'ebs-kms-key',
      description: ebs.allowedKmsKeys?.length
        ? `EBS classes and volumes name one of the allowed KMS keys (${ebs.allowedKmsKeys.length})`
        : 'EBS classes and volumes name a customer managed KMS key (kmsKeyId)',
      enabled: ebs.requireKmsKey || Boolean(ebs.allowedKmsKeys?.length),
    },
    {
      id: 'efs-tls',
      description: 'EFS mounts are encrypted in transit (TLS)',
      enabled: efs.requireTls,
    },
  ];
}

/** Every compliance finding of every cluster (storage-common's checkCompliance). */
export function complianceFindings(snapshot: FleetSnapshot): FleetFinding[] {
  return snapshot.clusters.flatMap(({ storage }) =>
    checkCompliance(storage, snapshot.rules).map(finding =>
      findingView(finding, { entities: snapshot.entities }),
    ),
  );
}
