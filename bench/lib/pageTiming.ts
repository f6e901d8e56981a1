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
 * Starts watching (in the page) for the claim's row to show the state
 * `text` (its status chip); the
 * returned function resolves with when it was on screen, in ms since the
 * epoch (performance.timeOrigin + performance.now(), comparable with
 * Node's). Start it before the change, so nothing is missed.
 */
export async function watchRow(
  page: Page,
  claimHref: string,
  text: string,
): Promise<() => Promise<number>> {
  await page.evaluate(
    ({ href, expected }) => {
      (window as any).benchRowShown = new Promise<number>(resolve => {
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
          requestAnimationFrame(() =>
            setTimeout(() =>
              resolve(performance.timeOrigin + performance.now()),
            ),
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
