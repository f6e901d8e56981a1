import { ObjectStore } from './objectStore';

const object = (name: string, namespace = 'ns') => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
});

describe('ObjectStore', () => {
  it('bumps the resourceVersion on every write and lists in key order', () => {
    const store = new ObjectStore({ initialResourceVersion: 10 });
    const b = store.put('/things', object('b'));
    const a = store.put('/things', object('a'));
    expect(b.metadata.resourceVersion).toBe('11');
    expect(a.metadata.resourceVersion).toBe('12');
    expect(store.list('/things').map(o => o.metadata.name)).toEqual(['a', 'b']);
    expect(
      store.listFrom('/things', 'ns', 'ns/a').map(o => o.metadata.name),
    ).toEqual(['b']);
  });

  it('keeps key order across writes and deletes between lists', () => {
    const store = new ObjectStore();
    const names = (namespace?: string) =>
      store.list('/things', namespace).map(o => o.metadata.name);
    ['m', 'c', 'x'].forEach(n => store.put('/things', object(n)));
    expect(names()).toEqual(['c', 'm', 'x']);
    store.put('/things', object('a'));
    store.put('/things', object('p', 'other'));
    store.put('/things', object('m'));
    // Keys sort by namespace, then name.
    expect(names()).toEqual(['a', 'c', 'm', 'x', 'p']);
    store.remove('/things', 'ns', 'c');
    store.remove('/things', 'ns', 'missing');
    expect(names('ns')).toEqual(['a', 'm', 'x']);
    expect(names('other')).toEqual(['p']);
  });

  it('replays changes since a version inside the window and expires older ones', () => {
    const store = new ObjectStore({
      initialResourceVersion: 0,
      historySize: 4,
    });
    for (let i = 0; i < 10; i++) store.put('/things', object(`o${i}`));
    expect(store.changesSince(9)).toHaveLength(1);
    expect(store.changesSince(1)).toBe('expired');
    const removed = store.remove('/things', 'ns', 'o9')!;
    expect(store.changesSince(10)).toEqual([
      expect.objectContaining({ type: 'DELETED', object: removed }),
    ]);
    store.compact();
    expect(store.changesSince(store.currentResourceVersion() - 1)).toBe(
      'expired',
    );
  });

  it('delivers events in order even when a listener writes', () => {
    const store = new ObjectStore();
    const seen: number[] = [];
    store.subscribe(e => {
      if (e.object.metadata.name === 'first')
        store.put('/things', object('second'));
    });
    store.subscribe(e => seen.push(e.resourceVersion));
    store.put('/things', object('first'));
    expect(seen).toEqual([...seen].sort());
    expect(seen).toHaveLength(2);
  });
});
