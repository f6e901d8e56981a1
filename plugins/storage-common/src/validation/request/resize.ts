import { DRIVERS, fsxLustreExpansionProblem } from '../../catalogue';
import { StorageOffering, offeringCapabilities } from '../../model/offering';
import { GIB, formatQuantity, parseQuantity } from '../../quantity';
import { Finding, stringRecord } from '../findings';
import { finding } from '../rules';
import { checkDriverSize, checkQuantity } from '../shared';
import { ValidationContext } from './context';
import { checkOfferingBounds, claimDriver } from './fields';

/** Checks a resize of an existing claim: bound, expandable, growing, and a size the driver accepts. */
export function checkResize(
  request: Record<string, unknown>,
  offering: StorageOffering | undefined,
  context: ValidationContext,
): Finding[] {
  const size = checkQuantity(request.size, 'size');
  const findings = [...size.findings];
  const driver = claimDriver(offering, context);
  const title = driver ? DRIVERS[driver].title : 'This storage';

  if (context.claim?.phase && context.claim.phase !== 'Bound') {
    findings.push(
      finding(
        'resize-claim-not-bound',
        'claimName',
        `persistentvolumeclaims "${String(
          request.claimName,
        )}" is forbidden: Only bound persistent volume claims can be expanded (it is ${
          context.claim.phase
        })`,
        'Wait until the claim is Bound, then resize.',
      ),
    );
  }
  const expandable =
    (driver ? DRIVERS[driver].expansion : true) &&
    (offering ? offeringCapabilities(offering).expansion : true) &&
    context.storageClass?.allowVolumeExpansion !== false;
  if (!expandable) {
    findings.push(
      finding(
        'resize-not-supported',
        'size',
        driver && !DRIVERS[driver].expansion
          ? `${title} volumes cannot be expanded${
              driver === 'efs' || driver === 's3'
                ? ' (and need not be: they grow as you write)'
                : ''
            }`
          : 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
        driver === 'efs' || driver === 's3'
          ? 'Nothing to do: write more data; you are billed by use.'
          : 'Create a larger claim and copy the data, or ask the platform team to set allowVolumeExpansion: true on the StorageClass.',
      ),
    );
  }
  if (size.bytes === undefined || size.bytes <= 0) return findings;

  const current = parseQuantity(context.claim?.size ?? context.claim?.capacity);
  if (current !== undefined && size.bytes < current) {
    findings.push(
      finding(
        'resize-below-current',
        'size',
        `spec.resources.requests.storage: Forbidden: field can not be less than previous value (${formatQuantity(
          current,
        )}); asked for ${formatQuantity(size.bytes)}`,
        `Volumes cannot shrink: ask for ${formatQuantity(
          current,
        )} or more, or create a smaller claim and copy the data.`,
      ),
    );
  } else if (current !== undefined && size.bytes === current) {
    findings.push(
      finding(
        'resize-no-change',
        'size',
        `size ${formatQuantity(
          size.bytes,
        )} is the current size; nothing would change`,
        'Ask for a larger size.',
      ),
    );
  }
  if (offering) findings.push(...checkOfferingBounds(size.bytes, offering));
  const parameters =
    offering?.parameters ?? stringRecord(context.storageClass?.parameters);
  if (driver === 'fsx-lustre' && expandable) {
    const problem = fsxLustreExpansionProblem(
      parameters.deploymentType ?? 'SCRATCH_1',
      size.bytes / GIB,
      parameters.storageType,
      Number(parameters.perUnitStorageThroughput) || undefined,
    );
    if (problem) {
      const fix =
        problem.suggestedGiB !== undefined
          ? `Ask for ${problem.suggestedGiB} GiB.`
          : 'Create a new file system of the size you need and copy the data.';
      findings.push(finding('fsx-resize-step', 'size', problem.message, fix));
    }
  }
  if (driver === 'ebs') {
    findings.push(...checkDriverSize('ebs', parameters, size.bytes, 'size'));
  }
  return findings;
}
