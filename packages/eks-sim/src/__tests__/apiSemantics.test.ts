/**
 * Request parsing and list semantics at the HTTP level, where the three
 * clients of the conformance suite do not reach: every spelling of a
 * boolean, resourceVersion/resourceVersionMatch rules, expired continue
 * tokens, content negotiation, and the kubelet's volume stats.
 */
import { EksSim } from '../sim';
import { eventually, pvcManifest, withSim } from './helpers';

async function firstLine(response: Response) {
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes('\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  return text.split('\n')[0];
}

describe('API request semantics', () => {
  let sim: EksSim;
  let url: string;
  const post = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    sim = await withSim();
    url = `${sim.url}/api/v1/namespaces/checkout/persistentvolumeclaims`;
    for (const name of ['s-a', 's-b', 's-c']) {
      await post(
        '/api/v1/namespaces/checkout/persistentvolumeclaims',
        pvcManifest(name, 'gp3'),
      );
    }
  });
  afterAll(() => sim.close());

  it('treats every watch value but 0 and false (any case) as true, as apimachinery decodes booleans', async () => {
    // k8s.io/apimachinery/pkg/apis/meta/v1/conversion.go Convert_Slice_string_To_bool.
    for (const value of ['true', 'True', '1', 'yes', '']) {
      const response = await fetch(`${url}?watch=${value}&timeoutSeconds=1`);
      expect(JSON.parse(await firstLine(response)).type).toBe('ADDED');
    }
    for (const value of ['false', 'False', 'FALSE', '0']) {
      const response = await fetch(`${url}?watch=${value}`);
      expect((await response.json()).kind).toBe('PersistentVolumeClaimList');
    }
  });

  it('validates ListOptions with 422s and serves Exact, NotOlderThan and too-new versions as the API server does', async () => {
    const forbidden = await fetch(`${url}?resourceVersionMatch=Exact`);
    expect(forbidden.status).toBe(422);
    expect((await forbidden.json()).message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
    const badLimit = await fetch(`${url}?limit=ten`);
    expect(badLimit.status).toBe(400);

    const listed = await (await fetch(url)).json();
    const rv = listed.metadata.resourceVersion;
    await post(
      '/api/v1/namespaces/checkout/persistentvolumeclaims',
      pvcManifest('s-later', 'gp3'),
    );
    const exact = await (
      await fetch(`${url}?resourceVersion=${rv}&resourceVersionMatch=Exact`)
    ).json();
    expect(exact.metadata.resourceVersion).toBe(rv);
    expect(exact.items.map((i: any) => i.metadata.name)).not.toContain(
      's-later',
    );
    const notOlder = await (
      await fetch(
        `${url}?resourceVersion=${rv}&resourceVersionMatch=NotOlderThan`,
      )
    ).json();
    expect(notOlder.items.map((i: any) => i.metadata.name)).toContain(
      's-later',
    );
    const future = await fetch(`${url}?resourceVersion=99999999`);
    expect(future.status).toBe(504);
    expect((await future.json()).message).toMatch(
      /^Too large resource version: 99999999, current: \d+$/,
    );
    // A watch from there (a client that knew a server before it lost its
    // state) gets the same Status as an ERROR event, and the stream ends.
    const watch = await fetch(`${url}?watch=true&resourceVersion=99999999`);
    const events = (await watch.text())
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          code: 504,
          reason: 'Timeout',
          details: expect.objectContaining({
            causes: [
              expect.objectContaining({ reason: 'ResourceVersionTooLarge' }),
            ],
          }),
        }),
      },
    ]);
  });

  it('answers 410 Expired with an inconsistent-continue token once the first page is compacted', async () => {
    const first = await (await fetch(`${url}?limit=1`)).json();
    sim.faults.restart();
    const expired = await fetch(
      `${url}?limit=1&continue=${encodeURIComponent(first.metadata.continue)}`,
    );
    expect(expired.status).toBe(410);
    const status = await expired.json();
    expect(status.reason).toBe('Expired');
    expect(status.message).toMatch(
      /^The provided continue parameter is too old to display a consistent list result\./,
    );
    // storage/etcd3 handleCompactedErrorForPaging: the Status carries a
    // token that continues at the latest version.
    const rest = await fetch(
      `${url}?limit=10&continue=${encodeURIComponent(
        status.metadata.continue,
      )}`,
    );
    expect(rest.status).toBe(200);
    expect((await rest.json()).items.length).toBeGreaterThan(0);
  });

  it('negotiates JSON and YAML and refuses what it cannot encode or decode', async () => {
    const yaml = await fetch(`${url}/s-a`, {
      headers: { Accept: 'application/yaml' },
    });
    expect(yaml.headers.get('content-type')).toBe('application/yaml');
    expect(await yaml.text()).toMatch(
      /^apiVersion: v1\nkind: PersistentVolumeClaim/,
    );
    const protobufOnly = await fetch(`${url}/s-a`, {
      headers: { Accept: 'application/vnd.kubernetes.protobuf' },
    });
    expect(protobufOnly.status).toBe(406);
    const protobufBody = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf' },
      body: Buffer.from('k8s\u0000'),
    });
    expect(protobufBody.status).toBe(415);
  });

  it('drops unknown fields with a warning, refuses them under Strict, and validates fieldValidation', async () => {
    const body = {
      ...pvcManifest('fv-1', 'gp3'),
      spec: { ...pvcManifest('fv-1', 'gp3').spec, sizeHint: 'big' },
    };
    const warned = await post(
      '/api/v1/namespaces/checkout/persistentvolumeclaims',
      body,
    );
    expect(warned.status).toBe(201);
    expect(warned.headers.get('warning')).toBe(
      '299 - "unknown field \\"spec.sizeHint\\""',
    );
    expect((await warned.json()).spec.sizeHint).toBeUndefined();
    const strict = await post(
      '/api/v1/namespaces/checkout/persistentvolumeclaims?fieldValidation=Strict',
      { ...body, metadata: { name: 'fv-2' } },
    );
    expect(strict.status).toBe(400);
    expect((await strict.json()).message).toBe(
      'strict decoding error: unknown field "spec.sizeHint"',
    );
    const bad = await post(
      '/api/v1/namespaces/checkout/persistentvolumeclaims?fieldValidation=strict',
      { ...body, metadata: { name: 'fv-3' } },
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"',
    );
  });

  it('returns 200 with the object for a delete pending on finalizers and a Status for kinds that do not return it', async () => {
    const held = await fetch(`${url}/s-b`, { method: 'DELETE' });
    expect(held.status).toBe(200);
    expect((await held.json()).metadata.deletionTimestamp).toBeDefined();
    await post('/apis/storage.k8s.io/v1/csidrivers', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIDriver',
      metadata: { name: 'example.csi.k8s.io' },
      spec: {},
    });
    const driver = await fetch(
      `${sim.url}/apis/storage.k8s.io/v1/csidrivers/example.csi.k8s.io`,
      { method: 'DELETE' },
    );
    expect(driver.status).toBe(200);
    expect(await driver.json()).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: {
        name: 'example.csi.k8s.io',
        group: 'storage.k8s.io',
        kind: 'csidrivers',
      },
    });
  });
});

describe('kubelet volume stats', () => {
  let sim: EksSim;
  beforeAll(async () => {
    sim = await withSim({ scenario: 'demo' });
  });
  afterAll(() => sim.close());

  async function volumes() {
    const nodes = await (await fetch(`${sim.url}/api/v1/nodes`)).json();
    const all: any[] = [];
    for (const node of nodes.items) {
      const summary = await (
        await fetch(
          `${sim.url}/api/v1/nodes/${node.metadata.name}/proxy/stats/summary`,
        )
      ).json();
      for (const pod of summary.pods) all.push(...pod.volume);
    }
    return all;
  }

  it('reports per pod volume capacity, usage and inodes with the claim, some nearly full, some nearly empty, growing over time', async () => {
    const stats = await eventually(async () => {
      const found = await volumes();
      return found.length >= 3 && found;
    });
    const ledger = stats.find(v => v.pvcRef.name === 'payments-ledger');
    expect(ledger).toMatchObject({
      pvcRef: { name: 'payments-ledger', namespace: 'payments' },
      capacityBytes: 100 * 1024 ** 3,
      name: 'data-0',
    });
    expect(ledger.usedBytes + ledger.availableBytes).toBe(ledger.capacityBytes);
    expect(ledger.inodesUsed + ledger.inodesFree).toBe(ledger.inodes);
    const share = (v: any) => v.usedBytes / v.capacityBytes;
    expect(stats.some(v => share(v) > 0.8)).toBe(true);
    expect(stats.some(v => share(v) < 0.2)).toBe(true);

    sim.clock.advance(24 * 3600 * 1000);
    const later = (await volumes()).find(
      v => v.pvcRef.name === 'payments-ledger',
    );
    expect(later.usedBytes).toBeGreaterThan(ledger.usedBytes);

    const missing = await fetch(
      `${sim.url}/api/v1/nodes/nope/proxy/stats/summary`,
    );
    expect(missing.status).toBe(404);
  });
});
