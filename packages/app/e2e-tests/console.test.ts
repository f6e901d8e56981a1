import { Locator, Page, expect, test } from '@playwright/test';

// The platform console as the platform team uses it: Priya (platform-team)
// cleans up the demo's Released volume, and finds the broken class and the
// nearly full claim with what to do about each.

test.use({ viewport: { width: 1440, height: 900 } });

/** Priya signs in from the demo's sign-in page. */
async function signInAsPriya(page: Page) {
  await page.goto('/');
  const catalog = page.getByRole('heading', { name: 'Online shop Catalog' });
  // The first click can land before the sign-in page is interactive.
  await expect(async () => {
    const button = page.getByRole('button', { name: 'Sign in as Priya Shah' });
    if (await button.isVisible()) await button.click();
    await expect(catalog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** "$21.25/mo" → 21.25. */
function dollars(text: string | null): number {
  const match = /\$([\d,]+\.\d\d)/.exec(text ?? '');
  if (!match) throw new Error(`No amount in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

/** A row of the section's table, by the words it holds. */
function rowWith(page: Page, ...texts: string[]): Locator {
  return texts.reduce(
    (rows, text) => rows.filter({ hasText: text }),
    page.getByRole('row'),
  );
}

test('the platform team deletes a Released volume and sees the waste go', async ({
  page,
}, testInfo) => {
  await signInAsPriya(page);
  await page.getByRole('link', { name: 'Storage', exact: true }).click();
  await expect(page).toHaveURL(/\/storage$/);
  const sections = page.getByRole('navigation', { name: 'Console sections' });
  await expect(sections.getByRole('link', { name: /^Waste:/ })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('console-overview.png'),
    fullPage: true,
  });

  await page.getByRole('tab', { name: 'Waste' }).click();
  await expect(page).toHaveURL(/\/storage\/waste$/);
  const total = page.getByTestId('storage-waste-total');
  await expect(total).toHaveText(/\$\d/);

  // The demo's reports volume, left Released by Retain in eks-dev, with
  // what it costs a month.
  const released = rowWith(
    page,
    'PersistentVolume in eks-dev',
    'analytics/analytics-reports-2023',
  );
  await expect(released).toHaveCount(1);
  await expect(released).toContainText('left behind');
  const cost = released.getByTestId(/^waste-cost-/);
  await expect(cost).toHaveText(/^\$\d+\.\d\d\/mo$/);
  const volumeCost = dollars(await cost.textContent());
  expect(volumeCost).toBeGreaterThan(0);
  const before = dollars(await total.textContent());
  await page.screenshot({
    path: testInfo.outputPath('console-waste.png'),
    fullPage: true,
  });

  await released.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete volume / });
  const title = await dialog.getByRole('heading').first().textContent();
  const volume = /^Delete volume (\S+)$/.exec(title ?? '')?.[1];
  expect(volume, `the dialog names the volume: "${title}"`).toBeTruthy();
  const submit = dialog.getByRole('button', { name: 'Delete volume' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('Volume name').fill(volume!);
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(dialog.getByRole('status')).toContainText(`Delete of`);
  await page.screenshot({
    path: testInfo.outputPath('console-delete-outcome.png'),
    fullPage: true,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Once the cluster confirms, the row goes and the total drops by its cost.
  await expect(released).toHaveCount(0, { timeout: 60_000 });
  await expect
    .poll(async () => dollars(await total.textContent()), { timeout: 30_000 })
    .toBeCloseTo(before - volumeCost, 2);
  await page.screenshot({
    path: testInfo.outputPath('console-waste-after.png'),
    fullPage: true,
  });
});

test('the platform team finds the class that will not bind, the claim filling up and the unowned claims, each with what to do', async ({
  page,
}, testInfo) => {
  await signInAsPriya(page);

  // The demo's ONTAP class names a CSI driver the clusters do not have.
  await page.goto('/storage/classes');
  const broken = rowWith(page, 'eks-dev', 'ontap-nas');
  await expect(broken).toHaveCount(1);
  await expect(broken).toContainText('Will not bind');
  await expect(broken).toContainText('csi.trident.netapp.io');
  await expect(broken).toContainText(/Fix: .+/);
  await page.screenshot({
    path: testInfo.outputPath('console-class-health.png'),
    fullPage: true,
  });

  // The payments ledger is above 80% and should grow.
  await page.getByRole('tab', { name: 'Usage' }).click();
  const ledger = page.getByRole('row').filter({
    has: page.locator(
      'a[href$="/storage/claims/eks-dev/payments/payments-ledger"]',
    ),
  });
  await expect(ledger).toHaveCount(1);
  const used = ledger.getByRole('progressbar');
  await expect(used).toHaveAttribute('aria-label', /^(8[1-9]|9\d|100)% used/);
  await expect(ledger).toContainText(/Resize from 100Gi to \d+Gi/);
  await page.screenshot({
    path: testInfo.outputPath('console-usage.png'),
    fullPage: true,
  });

  // Overview's count of unowned claims leads to them, each with a way to
  // tell its owner.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('link', { name: /^Unowned claims:/ })
    .click();
  await expect(page).toHaveURL(/\/storage\/claims\?owned=false$/);
  const unowned = page.getByRole('row').filter({ hasText: 'Unowned' });
  await expect(unowned.first()).toBeVisible();
  await expect(
    unowned.first().getByRole('button', { name: /^Copy the label command/ }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('console-unowned-claims.png'),
    fullPage: true,
  });
});
