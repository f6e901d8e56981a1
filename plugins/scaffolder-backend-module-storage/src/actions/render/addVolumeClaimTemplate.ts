import { renderVolumeClaimTemplate } from '@eks-storage/backstage-plugin-storage-common';
import { Document, isMap, isSeq, parseAllDocuments } from 'yaml';
import { StorageInputError } from '../shared/errors';

type VolumeClaimTemplate = NonNullable<
  ReturnType<typeof renderVolumeClaimTemplate>
>;

/**
 * Adds a volumeClaimTemplates entry to the StatefulSet in a multi-document
 * YAML text (replacing an entry of the same name), keeping the rest of the
 * text (comments, other documents, order) as it was. Refuses, naming the
 * input, when the text has no StatefulSet or more than one.
 */
export function addVolumeClaimTemplate(
  yamlText: string,
  template: VolumeClaimTemplate,
  where: { file: string; statefulSetName?: string },
): string {
  const documents = parseAllDocuments(yamlText);
  if (!Array.isArray(documents) || documents.some(d => d.errors.length)) {
    throw new StorageInputError(
      `statefulSet: ${where.file} is not valid YAML (fix: point statefulSet at a StatefulSet manifest)`,
    );
  }
  const statefulSets = documents.filter(
    d =>
      d.get('kind') === 'StatefulSet' &&
      (!where.statefulSetName ||
        d.getIn(['metadata', 'name']) === where.statefulSetName),
  );
  if (statefulSets.length !== 1) {
    throw new StorageInputError(
      `statefulSet: ${where.file} has ${statefulSets.length} StatefulSet(s)${
        where.statefulSetName ? ` named ${where.statefulSetName}` : ''
      }, expected one (fix: point statefulSet at the file of one StatefulSet)`,
    );
  }
  const [statefulSet] = statefulSets;
  const name = template.metadata?.name;
  const entries = statefulSet.getIn(['spec', 'volumeClaimTemplates']);
  const node = statefulSet.createNode(template);
  if (isSeq(entries)) {
    const index = entries.items.findIndex(
      item => isMap(item) && item.getIn(['metadata', 'name']) === name,
    );
    if (index >= 0) entries.items[index] = node;
    else entries.items.push(node);
  } else {
    statefulSet.setIn(
      ['spec', 'volumeClaimTemplates'],
      statefulSet.createNode([template]),
    );
  }
  return documents.map((doc, i) => documentText(doc, i)).join('');
}

/** A document's text; every document after the first starts with `---`. */
function documentText(doc: Document, index: number): string {
  const text = doc.toString({ lineWidth: 0 });
  return index === 0 || text.startsWith('---') ? text : `---\n${text}`;
}
