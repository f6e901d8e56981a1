import { Locator, Page, expect, test } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

const TAB = '/catalog/default/component/payments-api/storage';

async function signIn(page: Page) {
  await page.goto('/');
  const catalog = page.getByRole('heading', { name: 'Online shop Catalog' });
  // The first click can land before the sign-in page is interactive.
  await expect(async () => {
    const enter = page.getByRole('button', { name: 'Enter' });
    if (await enter.isVisible()) await enter.click();
    await expect(catalog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** The link to a claim in eks-dev (the demo runs in both clusters). */
function claimLink(
  scope: Page | Locator,
  claim: string,
  namespace = 'payments',
) {
  return scope.locator(`a[href$="/storage/eks-dev/${namespace}/${claim}"]`);
}

/** The row of the claims table of a claim in eks-dev. */
function row(page: Page, claim: string) {
  return page.getByRole('row').filter({ has: claimLink(page, claim) });
}

test('a guest finds the example components and their storage', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await expect(page.getByText('Owned Components (2)')).toBeVisible();
  await page.getByRole('menuitem', { name: /^All/ }).click();
  await expect(page.getByText('All Components (3)')).toBeVisible();
  for (const title of ['Payments API', 'Checkout web', 'Analytics pipeline']) {
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }

  await page.getByRole('link', { name: 'Payments API' }).click();
  await expect(
    page.getByRole('heading', { name: 'Payments API' }),
  ).toBeVisible();

  // The overview card counts the claims and names the broken one.
  const card = page.getByRole('list', { name: 'Claims' });
  await expect(claimLink(card, 'payments-cache')).toBeVisible();

  await page.getByRole('tab', { name: 'Storage' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/payments-api\/storage$/,
  );

  // Every claim of the demo scenario, with its state and headline.
  await expect(row(page, 'data-payments-db-0')).toContainText('Bound');
  await expect(row(page, 'payments-ledger')).toContainText('Bound');
  await expect(row(page, 'payments-archive')).toContainText(
    'Waiting for a pod',
  );
  const cache = row(page, 'payments-cache');
  await expect(cache).toContainText(
    /Pod payments-cache-0 is pinned to us-east-1\w but its volume/,
  );
  await expect(cache).toContainText('Fix:');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();

  await page.screenshot({
    path: testInfo.outputPath('storage-tab.png'),
    fullPage: true,
  });

  // The broken claim's page explains the problem and the fix.
  await claimLink(page, 'payments-cache').click();
  await expect(
    page.getByRole('heading', { name: 'payments-cache' }),
  ).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('What to do');
  await expect(page.getByRole('table', { name: 'Consumers' })).toContainText(
    'payments-cache-0',
  );
  await page.screenshot({
    path: testInfo.outputPath('claim-broken.png'),
    fullPage: true,
  });

  const checkout = page.waitForURL(/\/storage$/);
  await page.getByRole('link', { name: 'Storage of payments-api' }).click();
  await checkout;
});

test('resize and snapshot a claim from its page', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.goto(`${TAB}/eks-dev/payments/data-payments-db-0`);
  await expect(
    page.getByRole('heading', { name: 'data-payments-db-0' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Volume' })).toContainText(
    'us-east-1',
  );

  // Resize: the dialog explains EBS's six-hour window and the pod restart.
  await page.getByRole('button', { name: 'Resize' }).click();
  const resize = page.getByRole('dialog', {
    name: 'Resize data-payments-db-0',
  });
  await expect(resize).toContainText('six hours');
  await resize.getByLabel('New size').fill('10Gi');
  await expect(resize).toContainText('Volumes cannot shrink');
  await expect(
    resize.getByRole('button', { name: 'Request resize' }),
  ).toBeDisabled();
  await resize.getByLabel('New size').fill('40Gi');
  await resize.getByRole('button', { name: 'Request resize' }).click();
  await expect(resize.getByRole('status')).toContainText(
    'Resize of data-payments-db-0',
  );
  await page.screenshot({
    path: testInfo.outputPath('resize-requested.png'),
    fullPage: true,
  });
  await resize.getByRole('button', { name: 'Close' }).click();
  // The volume grows in the cluster; the page follows by signals.
  await expect(page.getByRole('table', { name: 'Volume' })).toContainText(
    '40Gi',
  );

  // Snapshot: it appears in the list and becomes ready.
  await page.getByRole('button', { name: 'Snapshot', exact: true }).click();
  const snapshot = page.getByRole('dialog', {
    name: 'Snapshot data-payments-db-0',
  });
  await snapshot.getByLabel('Snapshot name').fill('data-payments-db-0-e2e');
  await snapshot.getByRole('button', { name: 'Request snapshot' }).click();
  await expect(snapshot.getByRole('status')).toContainText(
    'Snapshot of data-payments-db-0',
  );
  await snapshot.getByRole('button', { name: 'Close' }).click();
  const snapshots = page.getByRole('table', { name: 'Snapshots' });
  await expect(
    snapshots.getByRole('row').filter({ hasText: 'data-payments-db-0-e2e' }),
  ).toContainText('Ready');
  await page.screenshot({
    path: testInfo.outputPath('snapshot-ready.png'),
    fullPage: true,
  });
});

test('delete a claim with the typed confirmation', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.goto(`${TAB}/eks-dev/payments/payments-archive`);
  await expect(
    page.getByRole('heading', { name: 'payments-archive' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete payments-archive' });
  await expect(dialog).toContainText('The claim has no volume yet');
  const submit = dialog.getByRole('button', { name: 'Delete claim' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('Claim name').fill('payments-archiv');
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('Claim name').fill('payments-archive');
  await page.screenshot({
    path: testInfo.outputPath('delete-confirmation.png'),
    fullPage: true,
  });
  await submit.click();
  const outcome = dialog.getByRole('status');
  await expect(outcome).toContainText(
    'Delete of payments-archive was approved',
  );
  // The backend states what happens to the data.
  await expect(dialog).toContainText('no data is lost');
  await page.screenshot({
    path: testInfo.outputPath('delete-requested.png'),
    fullPage: true,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The claim leaves the tab once the cluster has deleted it.
  await page.goto(TAB);
  await expect(row(page, 'data-payments-db-0')).toBeVisible();
  await expect(claimLink(page, 'payments-archive')).toHaveCount(0);
});
