import { people, useSecuredStorage } from '../__testUtils__/securedStorage';

jest.setTimeout(60_000);

describe('bounded dry runs', () => {
  const { env, as } = useSecuredStorage({
    limits: { maxConcurrentDryRuns: 3, maxConcurrentDryRunsPerUser: 2 },
  });
  const request = (claimName: string) => ({
    operation: 'create',
    entityRef: 'component:default/payments-api',
    cluster: 'eks-dev',
    namespace: 'payments',
    claimName,
    offering: 'ebs-gp3-immediate',
    size: '10Gi',
    accessMode: 'ReadWriteOnce',
  });

  afterEach(() => env.sim.faults.setRequestFaults({ latencyMs: 0 }));

  it('answers 429 with Retry-After beyond the limits, and keeps serving the rest', async () => {
    // A slow cluster keeps every dry run in flight while the next arrive.
    env.sim.faults.setRequestFaults({ latencyMs: 400 });
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        as(people.owner).post('/requests/validate', request(`burst-${i}`)),
      ),
      as(people.otherTeam).post('/requests/validate', {
        ...request('theirs'),
        entityRef: 'component:default/analytics-pipeline',
        namespace: 'analytics',
      }),
      as(people.owner).get('/health'),
    ]);
    const statuses = answers.map(a => a.status);
    const refused = answers.filter(a => a.status === 429);
    expect(statuses.filter(s => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const answer of refused) {
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.body.error.name).toBe('TooManyRequestsError');
    }
    // The health check is no dry run: it is never refused.
    expect(answers[answers.length - 1].status).toBe(200);
  });

  it('admits new dry runs once the earlier ones end', async () => {
    const response = await as(people.owner).post(
      '/requests/validate',
      request('after'),
    );
    expect(response.status).toBe(200);
  });
});
