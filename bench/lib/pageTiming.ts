/**
 * Timings taken inside the page (performance.now(), so the browser's own
 * clock): each resolves once the change is on screen, i.e. after the DOM
 * changed and the next frame was drawn.
 */
import { Page } from 'playwright-core';

/** A claim row of the Storage tab's table. */
export const CLAIM_ROW = 'table tbody tr a[href*="/storage/"]';

/**
 * Clicks the link to the tab and times the first claim row on screen, and
 * when the page is interactive: the end of the last long task (≥ 50 ms of
 * main thread) before half a second without one.
 */
export function openTab(page: Page, link: string) {
  return page.evaluate(
    ({ link: linkSelector, row }) =>
      new Promise<{
        firstRowMs: number;
        interactiveMs: number;
        requestStartMs: number;
        answerMs: number;
        answerKB: number;
        renderMs: number;
      }>((resolve, reject) => {
        const failed = setTimeout(
          () => reject(new Error('no claim row within 30 s')),
          30_000,
        );
        const busyUntil: number[] = [];
        const longTasks = new PerformanceObserver(list =>
          list
            .getEntries()
            .forEach(task => busyUntil.push(task.startTime + task.duration)),
        );
        longTasks.observe({ type: 'longtask' });
        const start = performance.now();
        const rows = new MutationObserver(() => {
          if (!document.querySelector(row)) return;
          rows.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const shown = performance.now();
              const quiet = () => {
                const lastBusy = Math.max(shown, ...busyUntil);
                if (performance.now() - lastBusy < 500) {
                  setTimeout(quiet, 100);
                  return;
                }
                longTasks.disconnect();
                clearTimeout(failed);
                // Where the wait went: until the claims were asked
                // for, their answer, and rendering it.
                const claims = performance
                  .getEntriesByType('resource')
                  .find(
                    entry =>
                      entry.name.includes('/api/storage/claims') &&
                      entry.startTime >= start,
                  ) as PerformanceResourceTiming | undefined;
                resolve({
                  firstRowMs: shown - start,
                  interactiveMs: lastBusy - start,
                  requestStartMs: claims ? claims.startTime - start : NaN,
                  answerMs: claims ? claims.duration : NaN,
                  answerKB: claims ? claims.encodedBodySize / 1024 : NaN,
                  renderMs: claims ? shown - claims.responseEnd : NaN,
                });
              };
              quiet();
            }),
          );
        });
        rows.observe(document.body, { childList: true, subtree: true });
        (document.querySelector(linkSelector) as HTMLElement).click();
      }),
    { link, row: CLAIM_ROW },
  );
}

/**
 * Clicks the element and times the table's rows changing on screen (their
 * text, so a re-render that changes nothing does not count).
 */
export function timeTableChange(page: Page, target: string) {
  return page.evaluate(
    selector =>
      new Promise<number>((resolve, reject) => {
        const rows = () =>
          [...document.querySelectorAll('table tbody tr')]
            .map(row => row.textContent)
            .join('\n');
        const before = rows();
        const start = performance.now();
        const timeout = setTimeout(
          () => reject(new Error(`no change of the rows after ${selector}`)),
          20_000,
        );
        const changes = new MutationObserver(() => {
          if (rows() === before) return;
          changes.disconnect();
          clearTimeout(timeout);
          requestAnimationFrame(() =>
            setTimeout(() => resolve(performance.now() - start)),
          );
        });
        changes.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
        });
        (document.querySelector(selector) as HTMLElement).click();
      }),
    target,
  );
}

/**
 * Records (in the page, from its first script on) when each websocket
 * message arrives, so a change on screen can be split into the signal's
 * arrival, the tab's request for the claims, and rendering. Call before
 * the page loads.
 */
export async function recordSignalArrivals(page: Page) {
  await page.addInitScript(() => {
    // Room for every claims request of a run (250 by default).
    performance.setResourceTimingBufferSize(100_000);
    const arrivals: number[] = [];
    (window as any).benchSignalArrivals = arrivals;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', () =>
          arrivals.push(performance.timeOrigin + performance.now()),
        );
      }
    };
  });
}

/** When a change reached the screen, and where its time went (ms since the epoch). */
export interface RowShown {
  shownAt: number;
  /** The first websocket message after the watch began (NaN: none). */
  signalAt: number;
  /** The claims request that brought it (NaN unknown). */
  requestStartAt: number;
  responseEndAt: number;
}

/**
 * Starts watching (in the page) for the claim's row to show the state
 * `text` (its status chip); the
 * returned function resolves with when it was on screen, in ms since the
 * epoch (performance.timeOrigin + performance.now(), comparable with
 * Node's), and with the signal and the request before it (see
 * recordSignalArrivals). Start it before the change, so nothing is missed.
 */
export async function watchRow(
  page: Page,
  claimHref: string,
  text: string,
): Promise<() => Promise<RowShown>> {
  await page.evaluate(
    ({ href, expected }) => {
      const since = performance.timeOrigin + performance.now();
      (window as any).benchRowShown = new Promise<RowShown>(resolve => {
        // The state's chip in the claim's row.
        const done = () =>
          [
            ...(document
              .querySelector(`a[href$="${href}"]`)
              ?.closest('tr')
              ?.querySelectorAll('.MuiChip-label') ?? []),
          ].some(chip => chip.textContent === expected);
        const changes = new MutationObserver(() => {
          if (!done()) return;
          changes.disconnect();
          const changedAt = performance.timeOrigin + performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const shownAt = performance.timeOrigin + performance.now();
              const signals: number[] = (
                (window as any).benchSignalArrivals ?? []
              ).filter((at: number) => at >= since && at <= changedAt);
              const signalAt = signals.length ? signals[0] : NaN;
              // The last claims request that ended before the change.
              const request = (
                performance.getEntriesByType(
                  'resource',
                ) as PerformanceResourceTiming[]
              )
                .filter(
                  entry =>
                    entry.name.includes('/api/storage/claims') &&
                    performance.timeOrigin + entry.responseEnd <= changedAt,
                )
                .pop();
              const fromOrigin = (ms?: number) =>
                ms === undefined ? NaN : performance.timeOrigin + ms;
              const requestStartAt = fromOrigin(request?.startTime);
              resolve({
                shownAt,
                signalAt,
                requestStartAt: requestStartAt >= since ? requestStartAt : NaN,
                responseEndAt:
                  requestStartAt >= since
                    ? fromOrigin(request?.responseEnd)
                    : NaN,
              });
            }),
          );
        });
        changes.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      });
    },
    { href: claimHref, expected: text },
  );
  return () => page.evaluate(() => (window as any).benchRowShown);
}
