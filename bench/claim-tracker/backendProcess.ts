/**
 * A storage backend in a process of its own, so its memory is its own:
 * started by the memory benchmark with the clusters' URLs, it waits until
 * every claim is tracked, collects garbage, and reports its memory.
 */
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { startBenchBackend, waitForSync } from '../lib/backend';
import { memoryMap } from './memoryMap';

async function main() {
  const clusters = JSON.parse(process.argv[2]);
  const started = Date.now();
  const backend = await startBenchBackend({ clusters, entities: [] });
  const synced = await waitForSync(backend.url);
  const syncMs = Date.now() - started;
  // Twice: the second frees what the first finalised.
  global.gc?.();
  global.gc?.();
  const memory = process.memoryUsage();
  const figures = {
    claims: synced.reduce((sum, c) => sum + c.claims, 0),
    syncMs,
    heapUsed: memory.heapUsed,
    heapTotal: memory.heapTotal,
    rss: memory.rss,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    // KiB, the most this process held at once (the sync's peak).
    maxRssKiB: process.resourceUsage().maxRSS,
    // Where the resident memory is (MiB), and V8's committed spaces.
    rssByMapping: memoryMap(),
    v8CommittedMiB: Object.fromEntries(
      getHeapSpaceStatistics().map(space => [
        space.space_name,
        Math.round((space.physical_space_size / 2 ** 20) * 10) / 10,
      ]),
    ),
  };
  // BENCH_HEAP_SNAPSHOT=<dir>: a heap snapshot of the synced backend there,
  // for a profiler (Chrome DevTools' Memory tab), after the figures.
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT;
  const snapshot =
    snapshotDir &&
    writeHeapSnapshot(
      `${snapshotDir}/backend-${process.pid}-${Date.now()}.heapsnapshot`,
    );
  if (snapshot) console.log(`heap snapshot: ${snapshot}`);
  process.send!(figures);
  process.once('message', async () => {
    await backend.stop();
    process.exit(0);
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
