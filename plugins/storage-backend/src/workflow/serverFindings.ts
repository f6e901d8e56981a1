import {
  Finding,
  StorageOffering,
  sortFindings,
  validateRequest,
} from '@eks-storage/backstage-plugin-storage-common';
import { RequestInput } from '../service/requestInput';
import { ExistingClaim } from './claimContext';
import { NamespaceRules } from './namespaceGuard';

/** A finding the server adds to the validator's: always an error. */
export function serverFinding(
  code: string,
  field: string,
  message: string,
  fix: string,
): Finding {
  return { severity: 'error', field, code, message, fix };
}

/**
 * What the input alone shows, with no catalog and no cluster: reported
 * first, since it reveals nothing, and names must be valid before any is
 * read from a cluster.
 */
export function inputFindings(
  input: RequestInput,
  offerings: StorageOffering[],
  namespaceRules: NamespaceRules,
): Finding[] {
  const findings = validateRequest(
    input,
    offerings.find(o => o.id === input.offering),
  );
  if (namespaceRules.deny.has(input.namespace)) {
    findings.push(
      serverFinding(
        'namespace-not-allowed',
        'namespace',
        `Namespace ${input.namespace} is reserved for the cluster`,
        "Use the namespace in the entity's backstage.io/kubernetes-namespace annotation.",
      ),
    );
  }
  // Day-2 requests name no offering: the claim's is found later.
  return sortFindings(
    findings.filter(
      f =>
        !(
          f.code === 'offering-missing' &&
          !['create', 'restore'].includes(input.operation)
        ),
    ),
  );
}

/** A day-2 request on a claim of a class no driver of ours serves. */
export function unsupportedClass(claim: ExistingClaim): Finding {
  const className = claim.pvc.spec?.storageClassName;
  return serverFinding(
    'unsupported-class',
    'claimName',
    `claim ${claim.pvc.metadata?.name} uses ${
      className ? `class ${className}` : 'no class'
    }${
      claim.storageClass?.provisioner
        ? ` of ${claim.storageClass.provisioner}`
        : ''
    }, which this plugin does not manage`,
    'Ask the platform team to move the claim to an offered class, or change it with kubectl.',
  );
}
