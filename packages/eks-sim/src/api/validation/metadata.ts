/** Rules for the metadata every object has: its name, labels and annotations. */
import { K8sObject } from '../../store/types';
import { StatusCause } from '../errors';
import { invalidValue } from './causes';

const SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Names of Namespaces and Services are DNS labels; everything else subdomains. */
export function validateName(kind: string, name: string): StatusCause[] {
  if (kind === 'Namespace' || kind === 'Service') {
    if (name.length > 63 || !LABEL.test(name)) {
      return [
        invalidValue(
          'metadata.name',
          name,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        ),
      ];
    }
    return [];
  }
  if (name.length > 253 || !SUBDOMAIN.test(name)) {
    return [
      invalidValue(
        'metadata.name',
        name,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    ];
  }
  return [];
}

export function validateLabels(object: K8sObject): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [field, map] of [
    ['metadata.labels', object.metadata.labels],
    ['metadata.annotations', object.metadata.annotations],
  ] as const) {
    if (map === undefined) continue;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      causes.push(invalidValue(field, map, 'must be a map of strings'));
      continue;
    }
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== 'string') {
        causes.push(
          invalidValue(`${field}[${key}]`, value, 'must be a string'),
        );
      }
    }
  }
  return causes;
}
