// Drives HTTP load from a worker thread, so the client's own work does not
// run on the event loop of the backend it measures. Plain JS: workers do
// not get the TypeScript loader.
const { parentPort, workerData } = require('node:worker_threads');

/**
 * workerData: { calls: [{ url, method, headers, body }] (used in turn),
 * mode: 'closed' (`viewers` back-to-back clients, `total` calls) or 'open'
 * (`total` calls arriving at `perSecond`, each timed from when it was due,
 * so a slow server's queue counts) }.
 */
async function main() {
  const { calls, mode, viewers = 1, total, perSecond } = workerData;
  const samples = [];
  let bytes = 0;
  let failures = 0;
  const call = async (index, due) => {
    const { url, method = 'GET', headers, body } = calls[index % calls.length];
    const response = await fetch(url, { method, headers, body });
    const data = await response.arrayBuffer();
    bytes += data.byteLength;
    if (!response.ok) failures += 1;
    samples.push(Number(process.hrtime.bigint() - due) / 1e6);
  };
  const started = process.hrtime.bigint();
  if (mode === 'open') {
    const gapNs = BigInt(Math.round(1e9 / perSecond));
    const inFlight = [];
    for (let i = 0; i < total; i++) {
      const due = started + gapNs * BigInt(i);
      const wait = Number(due - process.hrtime.bigint()) / 1e6;
      if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
      inFlight.push(call(i, due));
    }
    await Promise.all(inFlight);
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: viewers }, async () => {
        while (next < total) {
          const index = next++;
          await call(index, process.hrtime.bigint());
        }
      }),
    );
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  parentPort.postMessage({
    samples,
    perSecond: total / seconds,
    bytesPerCall: bytes / total,
    failures,
  });
}

main().catch(error => {
  parentPort.postMessage({ error: String(error && error.stack) });
});
