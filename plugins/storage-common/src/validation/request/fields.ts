import { DRIVERS, DriverId, driverForProvisioner } from '../../catalogue';
import { StorageOffering } from '../../model/offering';
import { isDns1123Label, parseEntityRef } from '../../model/names';
import { formatQuantity, parseQuantity } from '../../quantity';
import { Finding, isRecord, stringRecord } from '../findings';
import { finding } from '../rules';
import { checkName } from '../shared';
import { ValidationContext } from './context';

/** Field checks every operation shares: who owns the claim, where, and its name. */
export function checkIdentity(request: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const { entityRef, cluster, namespace, claimName } = request;
  if (entityRef === undefined) {
    findings.push(
      finding(
        'missing-field',
        'entityRef',
        'entityRef is required: the catalog entity that owns the storage',
        'Set entityRef, e.g. component:default/payments.',
      ),
    );
  } else if (!parseEntityRef(entityRef)) {
    findings.push(
      finding(
        'invalid-entity-ref',
        'entityRef',
        `entityRef "${String(entityRef).slice(
          0,
          80,
        )}" is not an entity reference`,
        'Use kind:namespace/name, e.g. component:default/payments.',
      ),
    );
  }
  if (typeof cluster !== 'string' || cluster === '') {
    findings.push(
      finding(
        'missing-field',
        'cluster',
        'cluster is required: the cluster the claim lives in',
        'Pick one of the configured clusters.',
      ),
    );
  }
  if (namespace === undefined || namespace === '') {
    findings.push(
      finding(
        'missing-field',
        'namespace',
        'namespace is required',
        "Set namespace to the component's namespace.",
      ),
    );
  } else if (!isDns1123Label(namespace)) {
    findings.push(
      finding(
        'invalid-namespace',
        'namespace',
        `namespace "${String(namespace).slice(
          0,
          80,
        )}" is not a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters)`,
        'Use an existing namespace name such as "payments".',
      ),
    );
  }
  findings.push(...checkName(claimName, 'claimName', 'PersistentVolumeClaim'));
  return findings;
}

/** The offering when it names a driver this catalogue knows, with defaults for missing lists. */
export function usableOffering(
  offering: StorageOffering | undefined,
): StorageOffering | undefined {
  return isRecord(offering) &&
    typeof offering.driver === 'string' &&
    offering.driver in DRIVERS
    ? {
        ...offering,
        parameters: stringRecord(offering.parameters),
        accessModes: Array.isArray(offering.accessModes)
          ? offering.accessModes
          : [],
        volumeModes: Array.isArray(offering.volumeModes)
          ? offering.volumeModes
          : ['Filesystem'],
        recommendedFor: Array.isArray(offering.recommendedFor)
          ? offering.recommendedFor
          : [],
        size: isRecord(offering.size) ? offering.size : { default: '1Gi' },
      }
    : undefined;
}

/** The size against the offering's minimum and maximum (create, restore and resize). */
export function checkOfferingBounds(
  bytes: number,
  offering: StorageOffering,
): Finding[] {
  const min = parseQuantity(offering.size.min);
  const max = parseQuantity(offering.size.max);
  // One wording for both bounds, so create, restore and resize read alike.
  const outside = (
    code: 'size-below-minimum' | 'size-above-maximum',
    bound: string,
    limit: string | undefined,
    fix: string,
  ) => [
    finding(
      code,
      'size',
      `size ${formatQuantity(bytes)} is ${bound} of "${
        offering.title
      }" (${limit})`,
      fix,
    ),
  ];
  if (min !== undefined && bytes < min) {
    return outside(
      'size-below-minimum',
      'below the minimum',
      offering.size.min,
      `Ask for at least ${offering.size.min}.`,
    );
  }
  if (max !== undefined && bytes > max) {
    return outside(
      'size-above-maximum',
      'above the maximum',
      offering.size.max,
      `Ask for at most ${offering.size.max}, or talk to the platform team about a larger offering.`,
    );
  }
  return [];
}

/** The driver of an existing claim: from its offering, else from its StorageClass. */
export function claimDriver(
  offering: StorageOffering | undefined,
  context: ValidationContext,
): DriverId | undefined {
  return (
    offering?.driver ??
    driverForProvisioner(context.storageClass?.provisioner ?? '')
  );
}
