/**
 * A subscriber to the backend's signals over its real websocket
 * (`/api/signals`), as the browser's SignalClient is: the user's token as
 * the websocket protocol, then `{ action: 'subscribe', channel }`.
 */
export interface SignalSubscriber {
  /** Resolves with the time (ms since the epoch) the next message on the channel arrives. */
  next(): Promise<number>;
  close(): void;
}

/** Sub-millisecond time since the epoch, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();

export async function subscribeToSignals(
  backendUrl: string,
  channel: string,
  token: string,
): Promise<SignalSubscriber> {
  const url = `${backendUrl.replace(/^http/, 'ws')}/api/signals`;
  // The signals backend starts listening for upgrades at the first one it
  // sees; like the browser client, try again.
  let socket: WebSocket | undefined;
  for (let attempt = 0; !socket && attempt < 20; attempt++) {
    socket = await new Promise<WebSocket | undefined>(resolve => {
      const candidate = new WebSocket(url, token);
      // The first upgrade only wakes the backend's listener up: no answer.
      const timer = setTimeout(() => {
        candidate.close();
        resolve(undefined);
      }, 1000);
      candidate.onopen = () => {
        clearTimeout(timer);
        resolve(candidate);
      };
      candidate.onerror = () => {
        clearTimeout(timer);
        resolve(undefined);
      };
    });
    if (!socket) await new Promise(resolve => setTimeout(resolve, 100));
  }
  if (!socket) throw new Error(`could not open ${url}`);
  const arrivals: number[] = [];
  const waiting: Array<(at: number) => void> = [];
  socket.onmessage = event => {
    const at = now();
    const message = JSON.parse(String(event.data));
    if (message.channel !== channel) return;
    const resolve = waiting.shift();
    if (resolve) resolve(at);
    else arrivals.push(at);
  };
  socket.send(JSON.stringify({ action: 'subscribe', channel }));
  // Let the subscription land before anything is measured.
  await new Promise(resolve => setTimeout(resolve, 200));
  return {
    next: () =>
      arrivals.length
        ? Promise.resolve(arrivals.shift()!)
        : new Promise(resolve => waiting.push(resolve)),
    close: () => socket!.close(),
  };
}
