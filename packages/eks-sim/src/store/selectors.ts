/**
 * Label and field selectors with the syntax and the per-kind field support
 * of the real API server.
 */
import {
  labelSelectorOfObject,
  matchesLabelSelector,
  parseLabelSelectorText,
} from '@eks-storage/backstage-plugin-storage-common';
import { K8sObject } from './types';

export type Selector = (object: K8sObject) => boolean;

export class SelectorError extends Error {}

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

/** A label selector as kube-apiserver parses it (storage-common's parser). */
export function parseLabelSelector(text: string | undefined): Selector {
  if (!text || !text.trim()) {
    return () => true;
  }
  const parsed = parseLabelSelectorText(text);
  if ('error' in parsed) {
    throw new SelectorError(parsed.error);
  }
  return object =>
    matchesLabelSelector(parsed.selector, object.metadata.labels);
}

/** Matches a `LabelSelector` object (matchLabels/matchExpressions). */
export function labelSelectorObjectMatches(
  selector: Parameters<typeof labelSelectorOfObject>[0],
  labels: Record<string, string> | undefined,
) {
  return matchesLabelSelector(labelSelectorOfObject(selector), labels);
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
