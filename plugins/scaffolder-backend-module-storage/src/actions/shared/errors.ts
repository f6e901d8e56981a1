import { Finding } from '@eks-storage/backstage-plugin-storage-common';

/**
 * A refusal of what the template asked for. Named InputError, as Backstage's
 * error handlers read the name, so the dry-run API answers 400 with it.
 */
export class StorageInputError extends Error {
  constructor(message: string, readonly findings: Finding[] = []) {
    super(message);
    this.name = 'InputError';
  }
}

const sentence = (text: string) => text.trim().replace(/[.;\s]+$/, '');

/** Each error finding: the field, what is wrong and the fix. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .filter(f => f.severity === 'error')
    .map(f => {
      const field = f.field || 'request';
      // Some messages already start with their field.
      const message = f.message.startsWith(`${field}:`)
        ? sentence(f.message)
        : `${field}: ${sentence(f.message)}`;
      return `${message} (fix: ${sentence(f.fix)})`;
    })
    .join('; ');
}

/** Throws when any finding is an error, naming each field and its fix. */
export function refuseOnErrors(
  findings: readonly Finding[],
  refused = 'The storage request was refused',
) {
  if (findings.some(f => f.severity === 'error')) {
    throw new StorageInputError(`${refused}: ${describeFindings(findings)}`, [
      ...findings,
    ]);
  }
}
