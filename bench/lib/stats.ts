/** Latency figures of a set of samples (milliseconds), nearest-rank percentiles. */
export interface Latency {
  n: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}

/** Milliseconds since `started` (a process.hrtime.bigint()). */
export function since(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Runs `fn` and returns its value with the milliseconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return [value, since(started)];
}

/**
 * `viewers` clients, each doing `fn` back to back until `total` calls are
 * done: the latency of each call, and the calls per second of the whole.
 */
export async function closedLoop(
  viewers: number,
  total: number,
  fn: (call: number) => Promise<void>,
): Promise<{ samples: number[]; perSecond: number }> {
  const samples: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      while (next < total) {
        const call = next++;
        const callStarted = process.hrtime.bigint();
        await fn(call);
        samples.push(since(callStarted));
      }
    }),
  );
  return { samples, perSecond: (total / since(started)) * 1000 };
}

export interface HttpCall {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  samples: number[];
  perSecond: number;
  bytesPerCall: number;
  failures: number;
}

/** Runs HTTP load from a worker thread (see loadWorker.js). */
export function runLoad(options: {
  calls: HttpCall[];
  mode: 'open' | 'closed';
  viewers?: number;
  total: number;
  perSecond?: number;
}): Promise<LoadResult> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Worker } = require('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(require.resolve('./loadWorker.js'), {
      workerData: options,
    });
    worker.once('message', (message: LoadResult & { error?: string }) => {
      worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}
