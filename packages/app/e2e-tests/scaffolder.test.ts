import {
  APIRequestContext,
  Locator,
  Page,
  expect,
  request as apiRequest,
  test,
} from '@playwright/test';

// The storage request template in the demo: the guest opens it from
// payments-api's Storage tab ("Use a template", the entity filled in),
// fills the storage fields and runs it.

test.use({ viewport: { width: 1440, height: 900 } });

const TAB = '/catalog/default/component/payments-api/storage';
const EKS_DEV = `http://127.0.0.1:${process.env.E2E_EKS_DEV_PORT}`;

async function signIn(page: Page) {
  await page.goto('/');
  const catalog = page.getByRole('heading', { name: 'Online shop Catalog' });
  // The first click can land before the sign-in page is interactive.
  await expect(async () => {
    const enter = page.getByRole('button', { name: 'Enter as Guest' });
    if (await enter.isVisible()) await enter.click();
    await expect(catalog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** From the Storage tab to the template's storage step, workload "database". */
async function openTemplate(page: Page) {
  await page.goto(TAB);
  await page.getByRole('button', { name: 'Use a template' }).click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/request-storage/);
  await expect(
    page.getByRole('heading', { name: 'Request persistent storage' }),
  ).toBeVisible();
  // The entity comes filled in from the tab.
  await expect(
    page.getByRole('textbox', { name: 'Component', exact: true }),
  ).toHaveValue(/payments-api/);
  await page.getByRole('button', { name: /^Workload/ }).click();
  await page.getByRole('option', { name: 'Database' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  // The recommended offering for a database comes first.
  const gp3 = page.getByRole('radio', { name: /Block storage \(EBS gp3\)/ });
  await expect(gp3.locator('xpath=ancestor::label')).toContainText(
    'Recommended',
  );
  await gp3.check();
}

/** Sets the size field: a number and a unit. */
async function setSize(page: Page, amount: string, unit: 'Gi' | 'Ti') {
  await page.getByRole('button', { name: /^Unit/ }).click();
  await page.getByRole('option', { name: unit, exact: true }).click();
  await page.getByRole('textbox', { name: 'Size', exact: true }).fill(amount);
}

async function fillPlacement(page: Page, claim: string) {
  await page.getByRole('button', { name: /^Cluster/ }).click();
  await page.getByRole('option', { name: 'eks-dev' }).click();
  await expect(page.getByRole('textbox', { name: 'Namespace' })).toHaveValue(
    'payments',
  );
  await page.getByRole('textbox', { name: 'Claim name' }).fill(claim);
}

/** Review, create, and wait for the task to finish; answers its output card. */
async function runTemplate(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/create\/tasks\//);
  const requestLink = page.getByRole('link', { name: 'Storage request' });
  await expect(requestLink).toBeVisible({ timeout: 90_000 });
  return page.locator('main');
}

/**
 * Follows an output link of the task. The action's links are absolute
 * (the app's base URL), which the scaffolder opens in a new tab; here
 * the same tab goes there.
 */
async function followLink(page: Page, name: string) {
  const href = await page.getByRole('link', { name }).getAttribute('href');
  expect(href).toBeTruthy();
  await page.goto(href!);
}

/** eks-dev's Kubernetes API (eks-sim accepts anonymous callers). */
function eksDev(): Promise<APIRequestContext> {
  return apiRequest.newContext({ baseURL: EKS_DEV });
}

test('a database volume from the template ends Bound on the Storage tab', async ({
  page,
}, testInfo) => {
  const claim = 'payments-orders-db';
  await signIn(page);
  await openTemplate(page);
  await setSize(page, '20', 'Gi');
  await expect(
    page.getByText(/Estimated monthly cost: \$1\.60\/mo/),
  ).toBeVisible();
  // Policy's decision for this size, before anything is sent.
  await expect(
    page.getByText(/Applied at once: .*\(rule dev-small-gp3\)/),
  ).toBeVisible();
  await expect(
    page.getByRole('radio', { name: /ReadWriteOnce \(RWO\)/ }),
  ).toBeChecked();
  await fillPlacement(page, claim);
  // Auto-approved: no justification asked.
  await expect(
    page.getByRole('textbox', { name: /Justification/ }),
  ).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('template-storage-step.png'),
    fullPage: true,
  });

  const output = await runTemplate(page);
  // gp3 binds once a pod mounts it: the task ends when the claim waits for one.
  await expect(output).toContainText(
    `payments/${claim} in eks-dev binds when the first pod mounts it`,
  );
  await page.screenshot({
    path: testInfo.outputPath('template-task-applied.png'),
    fullPage: true,
  });

  // The team deploys the database; the claim binds in eks-sim.
  const cluster = await eksDev();
  const pod = await cluster.post('/api/v1/namespaces/payments/pods', {
    data: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'payments-orders-db-0',
        namespace: 'payments',
        labels: { 'backstage.io/kubernetes-id': 'payments-api' },
      },
      spec: {
        containers: [
          {
            name: 'db',
            image: 'postgres:16',
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql' }],
          },
        ],
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: claim } },
        ],
      },
    },
  });
  expect(pod.status(), await pod.text()).toBe(201);
  await expect
    .poll(
      async () => {
        const res = await cluster.get(
          `/api/v1/namespaces/payments/persistentvolumeclaims/${claim}`,
        );
        return res.ok() ? (await res.json()).status?.phase : res.status();
      },
      { timeout: 60_000 },
    )
    .toBe('Bound');
  const pvc = await (
    await cluster.get(
      `/api/v1/namespaces/payments/persistentvolumeclaims/${claim}`,
    )
  ).json();
  expect(pvc.spec.storageClassName).toBe('gp3');
  expect(pvc.spec.resources.requests.storage).toBe('20Gi');
  expect(pvc.spec.accessModes).toEqual(['ReadWriteOnce']);
  await cluster.dispose();

  // The task's link ends on the entity's Storage tab, with the claim Bound.
  await followLink(page, 'Storage tab of the component');
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/payments-api\/storage$/,
  );
  const row = page.getByRole('row').filter({
    has: page.locator(`a[href$="/storage/eks-dev/payments/${claim}"]`),
  });
  await expect(row).toContainText('Bound');
  await page.screenshot({
    path: testInfo.outputPath('template-claim-bound.png'),
    fullPage: true,
  });
});

test('an invalid size shows the field error before anything is submitted', async ({
  page,
}, testInfo) => {
  await signIn(page);
  await openTemplate(page);
  let submitted = false;
  page.on('request', req => {
    if (
      req.method() === 'POST' &&
      req.url().includes('/api/scaffolder/v2/tasks')
    ) {
      submitted = true;
    }
  });
  await setSize(page, '3', 'Ti');
  const error =
    /size 3Ti is above the maximum of "Block storage \(EBS gp3\)" \(2Ti\)/;
  // As typed, under the field.
  await expect(
    page.getByRole('textbox', { name: 'Size', exact: true }),
  ).toHaveAccessibleDescription(error);
  await fillPlacement(page, 'payments-too-big');
  // The step refuses to go on and says why.
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(error).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath('template-invalid-size.png'),
    fullPage: true,
  });
  expect(submitted).toBe(false);
});

test('a request above the approval threshold finishes waiting for approval, with a link to the request', async ({
  page,
}, testInfo) => {
  const claim = 'payments-ledger-history';
  await signIn(page);
  await openTemplate(page);
  await setSize(page, '800', 'Gi');
  await expect(
    page
      .getByText(
        /Needs approval by platform-team: Volumes over 500 GiB.*\(rule large-volume\)/,
      )
      .first(),
  ).toBeVisible();
  await fillPlacement(page, claim);

  // Policy asks for approval: the justification appears and is required.
  const justification = page.getByRole('textbox', { name: /Justification/ });
  await expect(justification).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(
    page.getByText(/The platform team approves this request/).first(),
  ).toBeVisible();
  await justification.fill('Ledger history kept for seven years of audits.');
  await page.screenshot({
    path: testInfo.outputPath('template-needs-approval.png'),
    fullPage: true,
  });

  const output = await runTemplate(page);
  await expect(output).toContainText(/waiting for approval/i);
  await expect(output).toContainText('rule large-volume');
  await page.screenshot({
    path: testInfo.outputPath('template-task-pending.png'),
    fullPage: true,
  });

  // The link opens the request's page, waiting for the platform team.
  await followLink(page, 'Storage request');
  await expect(page).toHaveURL(/\/storage\/requests\/[^/]+$/);
  await expect(
    page.getByText(/Waiting for approval by platform-team/).first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('template-request-page.png'),
    fullPage: true,
  });
});
