import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { paymentsApiEntity as entity } from '../../__testUtils__/paymentsApiEntity';
import { claimsResponse, offerings } from '../../__testUtils__/fixtures';
import {
  HttpResponse,
  StorageApis,
  http,
  server,
  url,
} from '../../__testUtils__/server';
import { createFromTemplateRouteRef } from '../../routes';
import { EntityStorageContent } from './EntityStorageContent';

jest.setTimeout(30_000);
registerMswTestHooks(server);

const TEMPLATE_ROUTE = '/create/templates/:namespace/:templateName';

function render(
  props: Parameters<typeof EntityStorageContent>[0] = {},
  bound = true,
) {
  server.use(
    http.get(url('/offerings'), () => HttpResponse.json({ items: offerings })),
    http.get(url('/claims'), () => HttpResponse.json(claimsResponse)),
    http.get(url('/requests/:id'), () =>
      HttpResponse.json({}, { status: 404 }),
    ),
  );
  return renderInTestApp(
    <StorageApis>
      <EntityProvider entity={entity}>
        <EntityStorageContent {...props} />
      </EntityProvider>
    </StorageApis>,
    bound
      ? { mountedRoutes: { [TEMPLATE_ROUTE]: createFromTemplateRouteRef } }
      : {},
  );
}

const prefilled = (template: string) =>
  `/create/templates/default/${template}?${new URLSearchParams({
    formData: JSON.stringify({ entityRef: 'component:default/payments-api' }),
  })}`;

describe('the Storage tab’s ways to ask for storage', () => {
  it('opens the storage template prefilled with the entity, beside the dialog', async () => {
    await render();
    const link = await screen.findByRole('button', { name: 'Use a template' });
    expect(link).toHaveAttribute('href', prefilled('request-storage'));

    // A link, styled as a button.
    expect(link.tagName).toBe('A');
    // The dialog stays.
    await userEvent.click(
      screen.getByRole('button', { name: 'Request storage' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Request storage' }),
    ).toBeInTheDocument();
  });

  it('opens another template when the app names one', async () => {
    await render({ requestTemplate: 'template:default/team-volume' });
    expect(
      await screen.findByRole('button', { name: 'Use a template' }),
    ).toHaveAttribute('href', prefilled('team-volume'));
  });

  it('hides the template link when the app says so', async () => {
    await render({ requestTemplate: false });
    await screen.findByRole('button', { name: 'Request storage' });
    expect(screen.queryByRole('button', { name: 'Use a template' })).toBeNull();
  });

  it('hides the template link when the scaffolder is not linked', async () => {
    await render({}, false);
    await screen.findByRole('button', { name: 'Request storage' });
    expect(screen.queryByRole('button', { name: 'Use a template' })).toBeNull();
  });
});
