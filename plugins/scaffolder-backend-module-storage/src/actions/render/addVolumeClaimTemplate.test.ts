import { parse } from 'yaml';
import { addVolumeClaimTemplate } from './addVolumeClaimTemplate';

const template = {
  metadata: { name: 'data', labels: { 'backstage.io/kubernetes-id': 'db' } },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '20Gi' } },
    storageClassName: 'gp3',
  },
};

const statefulSet = `# The database
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db # headless
  replicas: 3
`;

describe('addVolumeClaimTemplate', () => {
  it('adds the entry and keeps the comments', () => {
    expect(addVolumeClaimTemplate(statefulSet, template, { file: 'sts.yaml' }))
      .toBe(`# The database
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db # headless
  replicas: 3
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          backstage.io/kubernetes-id: db
      spec:
        accessModes:
          - ReadWriteOnce
        resources:
          requests:
            storage: 20Gi
        storageClassName: gp3
`);
  });

  it('replaces an entry of the same name and keeps the others', () => {
    const once = addVolumeClaimTemplate(
      statefulSet,
      {
        metadata: { name: 'logs' },
        spec: { ...template.spec, resources: { requests: { storage: '1Gi' } } },
      },
      { file: 'sts.yaml' },
    );
    const twice = addVolumeClaimTemplate(
      addVolumeClaimTemplate(once, template, { file: 'sts.yaml' }),
      {
        ...template,
        spec: {
          ...template.spec,
          resources: { requests: { storage: '40Gi' } },
        },
      },
      { file: 'sts.yaml' },
    );
    expect(
      parse(twice).spec.volumeClaimTemplates.map(
        (t: any) => `${t.metadata.name} ${t.spec.resources.requests.storage}`,
      ),
    ).toEqual(['logs 1Gi', 'data 40Gi']);
  });

  it('finds the StatefulSet among other documents, by name when asked', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n---\n${statefulSet}---\n${statefulSet.replace(
      'name: db',
      'name: replica',
    )}`;
    const result = addVolumeClaimTemplate(text, template, {
      file: 'all.yaml',
      statefulSetName: 'replica',
    });
    const [service, first, second] = result.split(/^---$/m);
    expect(service).toContain('kind: Service');
    expect(first).not.toContain('volumeClaimTemplates');
    expect(second).toContain('volumeClaimTemplates');
  });

  it.each([
    ['no StatefulSet', 'apiVersion: v1\nkind: Service\n', /has 0 StatefulSet/],
    [
      'two StatefulSets',
      `${statefulSet}---\n${statefulSet}`,
      /has 2 StatefulSet/,
    ],
    ['broken YAML', 'kind: [StatefulSet', /is not valid YAML/],
  ])('refuses %s, naming the statefulSet input', (_, text, message) => {
    expect(() =>
      addVolumeClaimTemplate(text, template, { file: 'sts.yaml' }),
    ).toThrow(message);
    expect(() =>
      addVolumeClaimTemplate(text, template, { file: 'sts.yaml' }),
    ).toThrow(/^statefulSet: sts.yaml /);
  });
});
