/**
 * Label and field selectors with the syntax and the per-kind field support
 * of the real API server.
 */
import { K8sObject } from './types';

export type Selector = (object: K8sObject) => boolean;

export class SelectorError extends Error {}

interface Requirement {
  key: string;
  operator: 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

/** Splits on commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms.map(t => t.trim()).filter(t => t.length > 0);
}

const LABEL_KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const LABEL_VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function checkKey(key: string) {
  if (!LABEL_KEY.test(key)) {
    throw new SelectorError(
      `unable to parse requirement: invalid label key "${key}"`,
    );
  }
}

function checkValue(value: string) {
  if (value.length > 63 || !LABEL_VALUE.test(value)) {
    throw new SelectorError(
      `unable to parse requirement: invalid label value: "${value}"`,
    );
  }
}

function parseLabelTerm(term: string): Requirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (setMatch) {
    const values = setMatch[3]
      .split(',')
      .map(v => v.trim())
      .filter(v => v.length > 0);
    checkKey(setMatch[1]);
    values.forEach(checkValue);
    return {
      key: setMatch[1],
      operator: setMatch[2] as 'in' | 'notin',
      values,
    };
  }
  const eqMatch = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (eqMatch) {
    checkKey(eqMatch[1]);
    checkValue(eqMatch[3]);
    return {
      key: eqMatch[1],
      operator: eqMatch[2] === '!=' ? 'notin' : 'in',
      values: [eqMatch[3]],
    };
  }
  if (term.startsWith('!')) {
    const key = term.slice(1).trim();
    checkKey(key);
    return { key, operator: '!', values: [] };
  }
  checkKey(term);
  return { key: term, operator: 'exists', values: [] };
}

function matches(
  requirement: Requirement,
  labels: Record<string, string> | undefined,
) {
  const has = labels !== undefined && requirement.key in labels;
  const value = has ? labels![requirement.key] : undefined;
  switch (requirement.operator) {
    case 'in':
      return has && requirement.values.includes(value!);
    case 'notin':
      return !has || !requirement.values.includes(value!);
    case 'exists':
      return has;
    default:
      return !has;
  }
}

export function parseLabelSelector(text: string | undefined): Selector {
  if (!text || !text.trim()) {
    return () => true;
  }
  const requirements = splitTerms(text).map(parseLabelTerm);
  return object => requirements.every(r => matches(r, object.metadata.labels));
}

/** Matches a `LabelSelector` object (matchLabels/matchExpressions). */
export function labelSelectorObjectMatches(
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: Array<{
      key: string;
      operator: string;
      values?: string[];
    }>;
  },
  labels: Record<string, string> | undefined,
) {
  const fromLabels = Object.entries(selector.matchLabels ?? {}).map(
    ([key, value]): Requirement => ({ key, operator: 'in', values: [value] }),
  );
  const fromExpressions = (selector.matchExpressions ?? []).map(
    (e): Requirement => ({
      key: e.key,
      operator:
        ({ In: 'in', NotIn: 'notin', Exists: 'exists' } as const)[
          e.operator as 'In'
        ] ?? '!',
      values: e.values ?? [],
    }),
  );
  return [...fromLabels, ...fromExpressions].every(r => matches(r, labels));
}

type FieldGetter = (object: K8sObject) => string | undefined;

const COMMON_FIELDS: Record<string, FieldGetter> = {
  'metadata.name': o => o.metadata.name,
  'metadata.namespace': o => o.metadata.namespace ?? '',
};

const KIND_FIELDS: Record<string, Record<string, FieldGetter>> = {
  Pod: {
    'spec.nodeName': o => o.spec?.nodeName ?? '',
    'spec.restartPolicy': o => o.spec?.restartPolicy,
    'spec.schedulerName': o => o.spec?.schedulerName,
    'spec.serviceAccountName': o => o.spec?.serviceAccountName,
    'status.phase': o => o.status?.phase,
    'status.podIP': o => o.status?.podIP ?? '',
    'status.nominatedNodeName': o => o.status?.nominatedNodeName ?? '',
  },
  Event: {
    'involvedObject.kind': o => o.involvedObject?.kind,
    'involvedObject.namespace': o => o.involvedObject?.namespace ?? '',
    'involvedObject.name': o => o.involvedObject?.name,
    'involvedObject.uid': o => o.involvedObject?.uid,
    'involvedObject.apiVersion': o => o.involvedObject?.apiVersion,
    'involvedObject.resourceVersion': o =>
      o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': o => o.involvedObject?.fieldPath ?? '',
    reason: o => o.reason,
    reportingComponent: o => o.reportingComponent ?? '',
    source: o => o.source?.component ?? '',
    type: o => o.type,
  },
  Namespace: { 'status.phase': o => o.status?.phase },
  Node: { 'spec.unschedulable': o => String(Boolean(o.spec?.unschedulable)) },
};

export function parseFieldSelector(
  text: string | undefined,
  kind: string,
): Selector {
  if (!text || !text.trim()) {
    return () => true;
  }
  const fields = { ...COMMON_FIELDS, ...(KIND_FIELDS[kind] ?? {}) };
  const terms = splitTerms(text).map(term => {
    const match = /^([^=!]+)(==|=|!=)(.*)$/.exec(term);
    if (!match) {
      throw new SelectorError(
        `invalid selector: '${text}'; can't understand '${term}'`,
      );
    }
    const getter = fields[match[1].trim()];
    if (!getter) {
      const label = match[1].trim();
      // Kinds with their own field label conversion (pkg/apis/core/v1/conversion.go)
      // answer "field label not supported"; the rest use apimachinery's
      // DefaultMetaV1FieldSelectorConversion.
      throw new SelectorError(
        KIND_FIELDS[kind] || kind === 'Service'
          ? `field label not supported: ${label}`
          : `${JSON.stringify(
              label,
            )} is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    }
    return { getter, negate: match[2] === '!=', value: match[3].trim() };
  });
  return object =>
    terms.every(t => (t.getter(object) === t.value) !== t.negate);
}
