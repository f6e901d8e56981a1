import { EksSim } from '../sim';
import { withSim } from './helpers';

describe('request counting', () => {
  let sim: EksSim;
  beforeAll(async () => {
    sim = await withSim();
  });
  afterAll(() => sim.close());

  it('counts each request by verb and resource, and health checks not at all', async () => {
    const before = sim.requests.snapshot();
    const pvcs = `${sim.url}/api/v1/namespaces/payments/persistentvolumeclaims`;
    await fetch(pvcs);
    await fetch(`${pvcs}?labelSelector=app%3Dx`);
    await fetch(`${sim.url}/api/v1/persistentvolumes/missing`);
    await fetch(`${sim.url}/version`);
    await fetch(`${sim.url}/healthz`);
    const after = sim.requests.snapshot();
    const delta = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
    expect(delta('list persistentvolumeclaims')).toBe(2);
    expect(delta('get persistentvolumes')).toBe(1);
    expect(delta('GET /version')).toBe(1);
    expect(delta('GET /healthz')).toBe(0);
    expect(sim.requests.total()).toBe(
      Object.values(after).reduce((a, b) => a + b, 0),
    );
  });
});
