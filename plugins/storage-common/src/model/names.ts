/** Name rules of Kubernetes objects and Backstage entity references. */
import {
  makeValidator,
  parseEntityRef as parseCatalogEntityRef,
} from '@backstage/catalog-model';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** DNS-1123 label: namespaces and most names (≤ 63 characters). */
export function isDns1123Label(value: unknown): boolean {
  return (
    typeof value === 'string' && value.length <= 63 && DNS1123_LABEL.test(value)
  );
}

/** DNS-1123 subdomain: PVC, PV, StorageClass and snapshot names (≤ 253 characters). */
export function isDns1123Subdomain(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 253 &&
    value.split('.').every(part => DNS1123_LABEL.test(part))
  );
}

/** A Kubernetes label value (≤ 63 characters, may be empty). */
export function isLabelValue(value: unknown): boolean {
  return (
    typeof value === 'string' && value.length <= 63 && LABEL_VALUE.test(value)
  );
}

/** Why a name is not a DNS-1123 subdomain, in the API server's words. */
export function dns1123SubdomainProblem(value: string): string {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 253) return 'must be no more than 253 characters';
  return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')";
}

/** Turns any text into a valid DNS-1123 subdomain (for fix suggestions). */
export function toDns1123Subdomain(value: string): string {
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .replace(/\.(?=[^a-z0-9])|(?<=[^a-z0-9])\./g, '')
    .slice(0, 253)
    .replace(/[^a-z0-9]+$/, '');
  return cleaned || 'data';
}

export interface ParsedEntityRef {
  kind: string;
  namespace: string;
  name: string;
}

const entityRefValidator = makeValidator();

/**
 * Parses `kind:namespace/name` (kind and namespace optional: component,
 * default) as the catalog does, and checks each part against the catalog's
 * rules. The kind is lower-cased.
 */
export function parseEntityRef(ref: unknown): ParsedEntityRef | undefined {
  if (typeof ref !== 'string') return undefined;
  let parsed: ParsedEntityRef;
  try {
    parsed = parseCatalogEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
  if (
    !entityRefValidator.isValidKind(parsed.kind) ||
    !entityRefValidator.isValidNamespace(parsed.namespace) ||
    !entityRefValidator.isValidEntityName(parsed.name)
  ) {
    return undefined;
  }
  return { ...parsed, kind: parsed.kind.toLowerCase() };
}
