import { eventually } from '../__testUtils__/storageBackend';
import { hostileCases } from './hostileInputs';
import { people, useSecuredStorage } from '../__testUtils__/securedStorage';

jest.setTimeout(120_000);

/**
 * The hostile-input corpus against the real router, a real database and a
 * simulated cluster, as a team member: every answer is a 4xx naming the
 * field (the validate route answers its findings: 200 with an error finding
 * naming the field), never a 5xx or a stack, and nothing is written to the
 * database or the cluster.
 */
describe('hostile inputs', () => {
  const { as, databaseRows, clusterObjects } = useSecuredStorage();
  const tally = {
    cases: 0,
    status4xx: 0,
    findings200: 0,
    status5xx: 0,
    writes: 0,
  };

  beforeAll(async () => {
    const create = {
      operation: 'create',
      cluster: 'eks-dev',
      offering: 'ebs-gp3-immediate',
      size: '10Gi',
      accessMode: 'ReadWriteOnce',
    };
    await as(people.owner).post('/requests', {
      ...create,
      entityRef: 'component:default/payments-api',
      namespace: 'payments',
      claimName: 'orders',
    });
    await as(people.otherTeam).post('/requests', {
      ...create,
      entityRef: 'component:default/analytics-pipeline',
      namespace: 'analytics',
      claimName: 'features',
    });
    await eventually(async () => {
      const [orders, features] = await Promise.all([
        as(people.owner).get('/claims/eks-dev/payments/orders'),
        as(people.otherTeam).get('/claims/eks-dev/analytics/features'),
      ]);
      return orders.status === 200 && features.status === 200;
    }, 'both claims in the tracker');
    // Nothing may move in the database while the corpus runs.
    await eventually(async () => {
      const { body } = await as(people.platform).get('/requests');
      return body.items?.every(
        (r: { status: string }) => r.status === 'applied',
      );
    }, 'both requests applied');
  });

  afterAll(() => {
    // The figures the security issue's note quotes.
    process.stdout.write(`hostile-input corpus: ${JSON.stringify(tally)}\n`);
  });

  it('has at least 500 cases', () => {
    expect(hostileCases.length).toBeGreaterThanOrEqual(500);
  });

  it.each(hostileCases.map(c => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const rowsBefore = await databaseRows();
      const objectsBefore = await clusterObjects();
      const client = as(people.owner);
      const response =
        c.method === 'get'
          ? await client.get(c.path)
          : await client.post(
              c.path,
              typeof c.body === 'string' ? c.body : c.body,
            );
      tally.cases += 1;
      const text = JSON.stringify(response.body ?? {});
      if (response.status >= 500) tally.status5xx += 1;
      expect(response.status).toBeLessThan(500);
      expect(text).not.toMatch(/\s+at\s+\S+\s+\(|\.(ts|js):\d+/);

      const errorFields: string[] = (response.body?.findings ?? [])
        .filter((f: { severity: string }) => f.severity === 'error')
        .map((f: { field: string }) => f.field);
      const message: string = response.body?.error?.message ?? '';
      // The validate route answers with its findings; every other, a 4xx.
      const answeredWithFindings =
        response.status === 200 && c.path === '/requests/validate';
      const named = answeredWithFindings
        ? errorFields.some(f => f.startsWith(c.names))
        : response.status >= 400 &&
          `${message} ${errorFields.join(' ')}`.includes(c.names);
      tally[answeredWithFindings ? 'findings200' : 'status4xx'] += 1;
      expect({ status: response.status, message, errorFields, named }).toEqual(
        expect.objectContaining({ named: true }),
      );

      const rowsAfter = await databaseRows();
      const objectsAfter = await clusterObjects();
      if (
        rowsAfter !== rowsBefore ||
        objectsAfter.join() !== objectsBefore.join()
      ) {
        tally.writes += 1;
      }
      expect(rowsAfter).toBe(rowsBefore);
      expect(objectsAfter).toEqual(objectsBefore);
    },
  );
});
