import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch } from './strategicMergePatch';
import { serverSideApply, trackUpdate } from './managedFields';

const who = (manager: string) => ({
  manager,
  apiVersion: 'v1',
  time: '2025-01-01T00:00:00Z',
});

describe('merge patch (RFC 7386)', () => {
  it('merges objects, removes nulls and replaces arrays', () => {
    expect(
      applyMergePatch(
        { a: { b: 1, c: 2 }, l: [1, 2] },
        { a: { b: null, d: 3 }, l: [3] },
      ),
    ).toEqual({ a: { c: 2, d: 3 }, l: [3] });
  });
});

describe('strategic merge patch', () => {
  const pod = {
    metadata: { finalizers: ['a'] },
    spec: {
      containers: [
        { name: 'app', image: 'v1' },
        { name: 'side', image: 's1' },
      ],
    },
  };

  it('merges lists by their merge key and finalizers as a set', () => {
    const result = applyStrategicMergePatch('Pod', pod, {
      metadata: { finalizers: ['b', 'a'] },
      spec: { containers: [{ name: 'app', image: 'v2' }] },
    }) as any;
    expect(result.metadata.finalizers).toEqual(['a', 'b']);
    expect(result.spec.containers).toEqual([
      { name: 'app', image: 'v2' },
      { name: 'side', image: 's1' },
    ]);
  });

  it('honours $patch delete/replace and $deleteFromPrimitiveList', () => {
    const result = applyStrategicMergePatch('Pod', pod, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
      spec: { containers: [{ name: 'side', $patch: 'delete' }] },
    }) as any;
    expect(result.metadata.finalizers).toEqual([]);
    expect(result.spec.containers.map((c: any) => c.name)).toEqual(['app']);
    const replaced = applyStrategicMergePatch('Pod', pod, {
      spec: { $patch: 'replace', nodeName: 'n' },
    }) as any;
    expect(replaced.spec).toEqual({ nodeName: 'n' });
  });
});

describe('managed fields', () => {
  it('gives an updater the fields it changed and takes them from others', () => {
    const first = trackUpdate(
      'PersistentVolumeClaim',
      [],
      undefined,
      { metadata: { labels: { a: '1' } } },
      who('one'),
    );
    const second = trackUpdate(
      'PersistentVolumeClaim',
      first,
      { metadata: { labels: { a: '1' } } },
      { metadata: { labels: { a: '2' } } },
      who('two'),
    );
    expect(second.map(e => e.manager)).toEqual(['two']);
    expect(second[0].fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
    });
  });

  it('removes fields an applier stops applying and reports conflicts', () => {
    const first = serverSideApply(
      'ConfigMap',
      undefined,
      [],
      { metadata: { name: 'x' }, data: { a: '1', b: '2' } },
      who('app'),
      false,
    );
    const second = serverSideApply(
      'ConfigMap',
      first.object,
      first.managedFields,
      { metadata: { name: 'x' }, data: { a: '1' } },
      who('app'),
      false,
    );
    expect(second.object.data).toEqual({ a: '1' });
    expect(() =>
      serverSideApply(
        'ConfigMap',
        second.object,
        second.managedFields,
        { data: { a: 'other' } },
        who('intruder'),
        false,
      ),
    ).toThrow('Apply failed with 1 conflict: conflict with "app": .data.a');
    const forced = serverSideApply(
      'ConfigMap',
      second.object,
      second.managedFields,
      { data: { a: 'other' } },
      who('intruder'),
      true,
    );
    expect(forced.managedFields.map(e => e.manager)).toEqual(['intruder']);
  });
});
