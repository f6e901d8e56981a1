import {
  APIRequestContext,
  Browser,
  Page,
  TestInfo,
  expect,
  request as apiRequest,
  test,
} from '@playwright/test';

// The platform-team approval flow, with two people in two browser contexts:
// the guest (a developer in team-payments) asks for storage the demo's
// policy sends to the platform team; Priya (platform-team) decides.

const VIEWPORT = { width: 1440, height: 900 };
test.use({ viewport: VIEWPORT });

const TAB = '/catalog/default/component/payments-api/storage';
const BACKEND = `http://127.0.0.1:${process.env.E2E_BACKEND_PORT}`;
const EKS_PROD = `http://127.0.0.1:${process.env.E2E_EKS_PROD_PORT}`;

const USERS = {
  guest: { button: 'Enter as Guest' },
  priya: { button: 'Sign in as Priya Shah' },
} as const;
type User = keyof typeof USERS;

/** A browser context of its own per person, signed in from the sign-in page. */
async function signInAs(
  browser: Browser,
  testInfo: TestInfo,
  user: User,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: VIEWPORT,
  });
  const page = await context.newPage();
  await page.goto('/');
  const catalog = page.getByRole('heading', { name: 'Online shop Catalog' });
  // The first click can land before the sign-in page is interactive.
  await expect(async () => {
    const button = page.getByRole('button', { name: USERS[user].button });
    if (await button.isVisible()) await button.click();
    await expect(catalog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  return page;
}

/** An API client as the README's script does it: a token from the auth backend. */
async function apiAs(user: User): Promise<APIRequestContext> {
  const anonymous = await apiRequest.newContext();
  const res = await anonymous.get(
    user === 'guest'
      ? `${BACKEND}/api/auth/guest/refresh?env=development`
      : `${BACKEND}/api/auth/demo/refresh?env=development`,
    {
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        ...(user !== 'guest' && { 'X-Demo-User': user }),
      },
    },
  );
  expect(res.status(), await res.text()).toBe(200);
  const { backstageIdentity } = await res.json();
  await anonymous.dispose();
  return apiRequest.newContext({
    extraHTTPHeaders: { Authorization: `Bearer ${backstageIdentity.token}` },
  });
}

/** eks-prod's Kubernetes API (eks-sim accepts anonymous callers). */
async function eksProd(): Promise<APIRequestContext> {
  return apiRequest.newContext({ baseURL: EKS_PROD });
}

async function requestStatus(api: APIRequestContext, id: string) {
  const res = await api.get(
    `${BACKEND}/api/storage/requests/${encodeURIComponent(id)}`,
  );
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).request.status as string;
}

/**
 * The guest asks for io2 in eks-prod from the Storage tab; the dialog
 * shows the policy's decision before the request is sent. Answers the
 * request's id.
 */
async function requestIo2(
  page: Page,
  claim: string,
  size: string,
  testInfo: TestInfo,
): Promise<string> {
  await page.goto(TAB);
  await page.getByRole('button', { name: 'Request storage' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Request storage' });
  await dialog.getByRole('button', { name: /^Cluster/ }).click();
  await page.getByRole('option', { name: 'eks-prod' }).click();
  await dialog.getByLabel('Namespace').fill('payments');
  await dialog.getByLabel('Claim name').fill(claim);
  await dialog
    .getByRole('radio', { name: /High-IOPS block storage \(EBS io2\)/ })
    .check();
  await dialog.getByLabel('Size', { exact: true }).fill(size);

  // Before submitting: the policy's decision and the rule that made it.
  await dialog.getByRole('button', { name: 'Check with the cluster' }).click();
  const decision = dialog.getByTestId('storage-request-decision');
  await expect(decision).toContainText('Needs approval by');
  await expect(decision).toContainText('platform-team');
  await expect(decision).toContainText('(rule io2)');
  await page.screenshot({
    path: testInfo.outputPath(`${claim}-decision-preview.png`),
    fullPage: true,
  });

  const submitted = page.waitForResponse(
    res =>
      res.request().method() === 'POST' &&
      new URL(res.url()).pathname === '/api/storage/requests',
  );
  await dialog.getByRole('button', { name: 'Submit request' }).click();
  const response = await submitted;
  expect(response.status(), await response.text()).toBe(201);
  const { request } = await response.json();
  expect(request.status).toBe('pending-approval');
  await expect(dialog.getByRole('status')).toContainText(
    "waits for the platform team's approval",
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  return request.id as string;
}

/** Priya finds the request in Approvals and decides it with a comment. */
async function decide(
  page: Page,
  claim: string,
  kind: 'Approve' | 'Reject',
  comment: string,
  testInfo: TestInfo,
) {
  await page.goto('/storage/approvals');
  const card = page.getByRole('article', {
    name: `Create payments/${claim} on eks-prod`,
  });
  await expect(card).toBeVisible();
  await expect(card).toContainText('io2');
  await expect(card).toContainText('guest');
  await page.screenshot({
    path: testInfo.outputPath(`${claim}-approvals.png`),
    fullPage: true,
  });
  await card.getByRole('button', { name: kind }).click();
  const dialog = page.getByRole('dialog', {
    name: `${kind} payments/${claim}`,
  });
  await dialog
    .getByLabel(
      kind === 'Approve' ? 'Comment (optional)' : 'Reason for rejecting',
    )
    .fill(comment);
  await dialog.getByRole('button', { name: kind, exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(
    kind === 'Approve'
      ? 'Your approval is recorded'
      : 'The request is rejected',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test('the platform team approves a large io2 volume and the developer gets it', async ({
  browser,
}, testInfo) => {
  // Two users' sessions, a decision, and a cluster binding the claim: on a
  // busy two-core machine this journey alone can take two minutes.
  test.slow();
  const claim = 'payments-ledger-io2';
  const developer = await signInAs(browser, testInfo, 'guest');
  const id = await requestIo2(developer, claim, '2Ti', testInfo);

  const platform = await signInAs(browser, testInfo, 'priya');
  await decide(
    platform,
    claim,
    'Approve',
    'Approved for the ledger migration; revisit the size in Q3.',
    testInfo,
  );

  // Applied at once; the claim waits for its first pod (io2 binds
  // WaitForFirstConsumer), so the team deploys one and it binds.
  const api = await apiAs('priya');
  await expect
    .poll(() => requestStatus(api, id), { timeout: 60_000 })
    .toBe('applied');
  const cluster = await eksProd();
  const pod = await cluster.post('/api/v1/namespaces/payments/pods', {
    data: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'payments-ledger-0',
        namespace: 'payments',
        labels: { 'backstage.io/kubernetes-id': 'payments-api' },
      },
      spec: {
        containers: [
          {
            name: 'ledger',
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

  // The developer hears of the decision and sees the claim Bound.
  await developer.goto('/notifications');
  await expect(
    developer.getByText(
      `Storage request approved: create ${claim} in eks-prod/payments`,
    ),
  ).toBeVisible();
  await developer.screenshot({
    path: testInfo.outputPath('approved-notification.png'),
    fullPage: true,
  });
  await developer.goto(TAB);
  const row = developer.getByRole('row').filter({
    has: developer.locator(`a[href$="/storage/eks-prod/payments/${claim}"]`),
  });
  await expect(row).toContainText('Bound');
  await developer.screenshot({
    path: testInfo.outputPath('approved-claim-bound.png'),
    fullPage: true,
  });

  await api.dispose();
  await cluster.dispose();
});

test('a rejected request shows the comment and creates nothing', async ({
  browser,
}, testInfo) => {
  test.slow();
  const claim = 'payments-reports-io2';
  const comment = 'io2 is for the ledger only: use gp3 for reports.';
  const developer = await signInAs(browser, testInfo, 'guest');
  const id = await requestIo2(developer, claim, '1Ti', testInfo);

  const platform = await signInAs(browser, testInfo, 'priya');
  await decide(platform, claim, 'Reject', comment, testInfo);

  // The requester reads the comment on the request's page.
  await developer.goto(`/storage/requests/${encodeURIComponent(id)}`);
  await expect(developer.getByText(comment).first()).toBeVisible();
  await expect(developer.getByText(/rejected/i).first()).toBeVisible();
  await developer.screenshot({
    path: testInfo.outputPath('rejected-request.png'),
    fullPage: true,
  });

  // Nothing reached the cluster.
  const api = await apiAs('guest');
  expect(await requestStatus(api, id)).toBe('rejected');
  const cluster = await eksProd();
  const pvc = await cluster.get(
    `/api/v1/namespaces/payments/persistentvolumeclaims/${claim}`,
  );
  expect(pvc.status()).toBe(404);
  const claims = await cluster.get(
    '/api/v1/namespaces/payments/persistentvolumeclaims',
  );
  const names = (await claims.json()).items.map(
    (c: { metadata: { name: string } }) => c.metadata.name,
  );
  expect(names).not.toContain(claim);

  await api.dispose();
  await cluster.dispose();
});
