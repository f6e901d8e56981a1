import { DryRunLimiter } from './dryRunLimiter';
import { TooManyRequestsError } from './errors';

describe('DryRunLimiter', () => {
  const limiter = new DryRunLimiter({
    maxConcurrent: 2,
    maxConcurrentPerUser: 1,
    retryAfterSeconds: 3,
  });

  it('refuses beyond the per-user and the total bound, and frees slots when work ends', async () => {
    let release!: () => void;
    const blocked = new Promise<void>(resolve => {
      release = resolve;
    });
    const first = limiter.run('user:default/a', () => blocked);
    await expect(limiter.run('user:default/a', async () => 1)).rejects.toEqual(
      expect.objectContaining({
        name: 'TooManyRequestsError',
        retryAfterSeconds: 3,
      }),
    );
    const second = limiter.run('user:default/b', () => blocked);
    await expect(
      limiter.run('user:default/c', async () => 1),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
    release();
    await Promise.all([first, second]);
    await expect(limiter.run('user:default/a', async () => 'ok')).resolves.toBe(
      'ok',
    );
  });

  it('frees the slot when the work fails', async () => {
    await expect(
      limiter.run('user:default/d', async () => {
        throw new Error('cluster down');
      }),
    ).rejects.toThrow('cluster down');
    await expect(limiter.run('user:default/d', async () => 'ok')).resolves.toBe(
      'ok',
    );
  });
});
