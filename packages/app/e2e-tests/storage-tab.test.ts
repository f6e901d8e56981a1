import { expect, test } from '@playwright/test';

test('a guest finds the example components and their Storage tab', async ({
  page,
}, testInfo) => {
  await page.goto('/');

  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  // The catalog lists the example components of both teams.
  await expect(page.getByRole('heading', { name: /Catalog/ })).toBeVisible();
  for (const name of ['payments-api', 'checkout-web', 'analytics-pipeline']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: 'payments-api', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: 'payments-api' }),
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
