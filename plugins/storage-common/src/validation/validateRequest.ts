import { StorageOffering } from '../model/offering';
import { REQUEST_OPERATIONS, storageRequestSchema } from '../model/request';
import { Finding, isRecord, sortFindings } from './findings';
import { finding } from './rules';
import { ValidationContext } from './request/context';
import { checkNewClaim } from './request/create';
import { checkDelete } from './request/delete';
import { checkIdentity, usableOffering } from './request/fields';
import { checkResize } from './request/resize';
import { checkSnapshot } from './request/snapshot';

export type { ValidationContext } from './request/context';

const OPERATIONS: readonly string[] = REQUEST_OPERATIONS;

/**
 * Validates a storage request against its offering. Returns findings (errors
 * first); never throws, whatever the input.
 */
export function validateRequest(
  request: unknown,
  offering: StorageOffering | undefined,
  context: ValidationContext = {},
): Finding[] {
  try {
    return sortFindings(
      dedupe(collectFindings(request, offering, context ?? {})),
    );
  } catch (error) {
    // A safety net: the checks are written to be total, so this should never run.
    return [
      finding(
        'request-invalid',
        '',
        `The request could not be validated: ${String(error)}`,
        'Check the request against the schema.',
      ),
    ];
  }
}

function collectFindings(
  request: unknown,
  offering: StorageOffering | undefined,
  context: ValidationContext,
): Finding[] {
  if (!isRecord(request)) {
    return [
      finding(
        'request-invalid',
        '',
        'The request must be an object',
        'Send a JSON object with an "operation" field.',
      ),
    ];
  }
  const operation = request.operation;
  if (typeof operation !== 'string' || !OPERATIONS.includes(operation)) {
    return [
      finding(
        'request-invalid',
        'operation',
        `operation must be one of ${OPERATIONS.join(
          ', ',
        )}, got ${JSON.stringify(operation ?? null)}`,
        'Set operation to create to ask for new storage.',
      ),
    ];
  }
  const findings = checkIdentity(request);
  const validOffering = usableOffering(offering);
  if (operation === 'create' || operation === 'restore') {
    findings.push(...checkNewClaim(request, validOffering, offering, context));
  } else if (operation === 'resize') {
    findings.push(...checkResize(request, validOffering, context));
  } else if (operation === 'snapshot') {
    findings.push(...checkSnapshot(request, validOffering, context));
  } else {
    findings.push(...checkDelete(context));
  }
  findings.push(...schemaFindings(request, findings));
  return findings;
}

/** Schema problems that the specific rules above did not already report. */
function schemaFindings(
  request: Record<string, unknown>,
  already: Finding[],
): Finding[] {
  const result = storageRequestSchema.safeParse(request);
  if (result.success) return [];
  const reported = new Set(already.map(f => f.field));
  const findings: Finding[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (
      [...reported].some(
        done =>
          done === field ||
          field.startsWith(`${done}.`) ||
          done.startsWith(`${field}.`),
      ) ||
      (field === 'snapshotName' && reported.has('source'))
    )
      continue;
    reported.add(field);
    findings.push(
      finding(
        'invalid-field',
        field,
        `${field || 'request'}: ${issue.message}`,
        'Correct the field as the message says.',
      ),
    );
  }
  return findings;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter(f => {
    const key = `${f.code}|${f.field}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
