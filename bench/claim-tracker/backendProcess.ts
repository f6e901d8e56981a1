/**
 * A storage backend in a process of its own, so its memory is its own:
 * started by the memory benchmark with the clusters' URLs, it waits until
 * every claim is tracked, collects garbage, and reports its memory.
 */
import { startBenchBackend, waitForSync } from '../lib/backend';

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
  process.send!({
    claims: synced.reduce((sum, c) => sum + c.claims, 0),
    syncMs,
    heapUsed: memory.heapUsed,
    heapTotal: memory.heapTotal,
    rss: memory.rss,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    // KiB, the most this process held at once (the sync's peak).
    maxRssKiB: process.resourceUsage().maxRSS,
  });
  process.once('message', async () => {
    await backend.stop();
    process.exit(0);
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
