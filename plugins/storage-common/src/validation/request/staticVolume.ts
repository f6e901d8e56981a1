import { DRIVERS, DriverId } from '../../catalogue';
import { Finding, prop } from '../findings';
import { finding, RuleCode } from '../rules';
import { ValidationContext } from './context';

/** An AWS Availability Zone name, e.g. us-east-1a or us-gov-west-1b. */
const ZONE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+[a-z]$/;
/** The DNS name AWS gives an FSx for Lustre file system. */
const FSX_DNS_NAME =
  /^fs-[0-9a-f]{8,17}\.fsx\.[a-z]{2}(-gov)?-[a-z]+-\d+\.amazonaws\.com(\.cn)?$/;
/** FSx for Lustre mount names: `fsx` for SCRATCH_1, else 8 characters. */
const MOUNT_NAME = /^[a-z0-9]{1,8}$/;

const shown = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : 'it';

/**
 * The free-text fields of a static volume, checked as AWS and Kubernetes
 * would: each is rendered into a PersistentVolume, so nothing unchecked
 * reaches a manifest.
 */
export function checkStaticVolumeFields(
  source: unknown,
  driver: DriverId,
  context: ValidationContext,
): Finding[] {
  return [
    ...checkZone(prop(source, 'zone'), driver, context),
    ...checkFsxAttributes(source, driver),
    ...checkMountOptions(prop(source, 'mountOptions'), driver),
  ];
}

function notUsed(field: string, driver: DriverId): Finding {
  return finding(
    'field-not-used',
    field,
    `${field} is not used by ${DRIVERS[driver].title}`,
    `Remove ${field}.`,
  );
}

function checkZone(
  zone: unknown,
  driver: DriverId,
  context: ValidationContext,
): Finding[] {
  if (zone === undefined) return [];
  if (driver !== 'ebs') return [notUsed('source.zone', driver)];
  if (typeof zone !== 'string' || !ZONE.test(zone)) {
    return [
      finding(
        'invalid-zone',
        'source.zone',
        `source.zone ${shown(zone)} is not an Availability Zone name`,
        "Use the volume's zone as AWS names it, e.g. us-east-1a.",
      ),
    ];
  }
  const zones = context.clusterZones;
  if (zones && zones.length && !zones.includes(zone)) {
    return [
      finding(
        'invalid-zone',
        'source.zone',
        `source.zone ${zone} has no nodes of this cluster: pods could never mount the volume`,
        `Use a zone of the cluster: ${zones.join(
          ', ',
        )}; or move the volume there.`,
      ),
    ];
  }
  return [];
}

function checkFsxAttributes(source: unknown, driver: DriverId): Finding[] {
  const dnsName = prop(source, 'dnsName');
  const mountName = prop(source, 'mountName');
  if (driver !== 'fsx-lustre') {
    return [
      ...(dnsName !== undefined ? [notUsed('source.dnsName', driver)] : []),
      ...(mountName !== undefined ? [notUsed('source.mountName', driver)] : []),
    ];
  }
  return [
    ...checkPattern(
      dnsName,
      FSX_DNS_NAME,
      'invalid-dns-name',
      'source.dnsName',
      'the DNS name of an FSx for Lustre file system',
      'Copy DNSName from `aws fsx describe-file-systems`, e.g. fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com.',
    ),
    ...checkPattern(
      mountName,
      MOUNT_NAME,
      'invalid-mount-name',
      'source.mountName',
      'an FSx for Lustre mount name',
      'Copy LustreConfiguration.MountName from `aws fsx describe-file-systems`, e.g. abcdef12.',
    ),
  ];
}

/** An optional text field that, when given, must match the form AWS gives it. */
function checkPattern(
  value: unknown,
  pattern: RegExp,
  code: RuleCode,
  field: string,
  what: string,
  fix: string,
): Finding[] {
  if (value === undefined) return [];
  if (typeof value === 'string' && pattern.test(value)) return [];
  return [finding(code, field, `${field} ${shown(value)} is not ${what}`, fix)];
}

function checkMountOptions(options: unknown, driver: DriverId): Finding[] {
  if (options === undefined) return [];
  const allowed = DRIVERS[driver].userMountOptions ?? [];
  if (!allowed.length) return [notUsed('source.mountOptions', driver)];
  if (!Array.isArray(options)) {
    return [
      finding(
        'mount-option-not-allowed',
        'source.mountOptions',
        'source.mountOptions must be a list of options',
        `Use e.g. ["${allowed[0].example}"].`,
      ),
    ];
  }
  return options.flatMap((option, index) =>
    typeof option === 'string' &&
    allowed.some(rule => rule.pattern.test(option))
      ? []
      : [
          finding(
            'mount-option-not-allowed',
            `source.mountOptions[${index}]`,
            `Mount option ${shown(
              option,
            )} is not one a requester may set: identities, regions, endpoints and caches come from the offering`,
            `Use only ${allowed
              .map(rule => `"${rule.example}"`)
              .join(
                ', ',
              )}, or ask the platform team for an offering with the option.`,
          ),
        ],
  );
}
