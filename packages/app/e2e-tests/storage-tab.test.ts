import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

test('a guest finds the example components and their Storage tab', async ({
  page,
}, testInfo) => {
  await page.goto('/');

  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  // The guest belongs to team-payments, so the catalog opens on the two
  // components that team owns; "All" adds the data team's one.
  await expect(
    page.getByRole('heading', { name: 'Online shop Catalog' }),
  ).toBeVisible();
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

  await page.getByRole('tab', { name: 'Storage' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/payments-api\/storage$/,
  );
  await expect(page.getByText('No storage yet')).toBeVisible();
  await expect(
    page.getByText(
      'Looking for claims labelled backstage.io/kubernetes-id=payments-api in namespace payments.',
    ),
  ).toBeVisible();

  await page.screenshot({
    path: testInfo.outputPath('storage-tab.png'),
    fullPage: true,
  });
});
