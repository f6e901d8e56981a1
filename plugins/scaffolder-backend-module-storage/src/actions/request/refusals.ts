import {
  PolicyDecision,
  StorageApiError,
} from '@eks-storage/backstage-plugin-storage-common';
import { StorageInputError, refuseOnErrors } from '../shared/errors';

/**
 * The storage backend's refusals as errors a template author can act on:
 * validation findings name the field and the fix; anything else keeps the
 * backend's message.
 */
export async function withRefusals<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StorageApiError) {
      if (error.findings.length) refuseOnErrors(error.findings);
      if (error.status === 400 || error.status === 409) {
        throw new StorageInputError(
          `The storage request was refused: ${error.message}`,
        );
      }
      if (error.status === 403) {
        throw new Error(
          `The storage backend refused the request for the user who ran the template: ${error.message}`,
        );
      }
    }
    throw error;
  }
}

/** Policy's "deny" as a refusal that says which rule and why. */
export function refuseDenied(decision: {
  rule?: PolicyDecision['rule'];
  reason: string;
}): never {
  const rule = decision.rule ? ` (rule ${decision.rule})` : '';
  throw new StorageInputError(
    `The storage request was refused by policy${rule}: ${decision.reason} (fix: choose another offering, size or cluster, or ask the platform team)`,
  );
}
