import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { SecretsContextProvider } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { Entity } from '@backstage/catalog-model';
import { storageApiRef } from '../../api';
import { storageClient } from '../../__testUtils__/server';
import { paymentsApiEntity } from '../../__testUtils__/paymentsApiEntity';
import { storageFieldDefinitions } from '../definitions';

/** The fields as a legacy app registers them. */
export const extensions = Object.values(storageFieldDefinitions).map(f => ({
  ...f,
  schema: f.schema.schema,
}));

/**
 * One step of a template in the scaffolder's own form (the Stepper with
 * react-jsonschema-form and the async validators), with the storage
 * fields registered, the storage client against msw and a catalog of
 * payments-api.
 */
export async function renderForm(options: {
  properties: Record<string, any>;
  required?: string[];
  initialState?: Record<string, any>;
  entities?: Entity[];
  /** How long the catalog takes to answer for an entity. */
  catalogDelayMs?: number;
}) {
  const catalog = catalogApiMock({
    entities: options.entities ?? [paymentsApiEntity],
  });
  if (options.catalogDelayMs) {
    const getEntityByRef = catalog.getEntityByRef.bind(catalog);
    catalog.getEntityByRef = async (...args) => {
      await new Promise(r => setTimeout(r, options.catalogDelayMs));
      return getEntityByRef(...args);
    };
  }
  // The Stepper scrolls to the top of each step; jsdom has no scrolling.
  jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  const onCreate = jest.fn(async (_values: Record<string, any>) => {});
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [storageApiRef, storageClient],
        [catalogApiRef, catalog],
      ]}
    >
      <SecretsContextProvider>
        <Stepper
          manifest={{
            title: 'Request storage',
            steps: [
              {
                title: 'Storage',
                schema: {
                  type: 'object',
                  required: options.required ?? [],
                  properties: options.properties,
                },
              },
            ],
          }}
          extensions={extensions}
          initialState={{
            entityRef: 'component:default/payments-api',
            ...options.initialState,
          }}
          onCreate={onCreate}
        />
      </SecretsContextProvider>
    </TestApiProvider>,
  );
  return { onCreate };
}
