import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import storagePlugin, {
  storageScaffolderFieldsModule,
  storageScaffolderFormFields,
} from './alpha';

describe('the storage fields for the new frontend system', () => {
  it('is a module of the scaffolder plugin', () => {
    expect(storageScaffolderFieldsModule.pluginId).toBe('scaffolder');
    expect(storageScaffolderFormFields).toHaveLength(7);
  });

  it('loads each field under the name templates use', async () => {
    const names: string[] = [];
    for (const extension of storageScaffolderFormFields) {
      // The seven definitions differ only in their names.
      const loader = createExtensionTester(
        extension as Parameters<typeof createExtensionTester>[0],
      ).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ) as () => Promise<unknown>;
      // A FormField is opaque; its name is what `ui:field` refers to.
      const field = (await loader()) as unknown as { name: string };
      names.push(field.name);
    }
    expect(names).toEqual([
      'StorageOfferingPicker',
      'StorageSizePicker',
      'StorageAccessModePicker',
      'StorageClusterNamespacePicker',
      'StorageSnapshotPicker',
      'StorageExistingVolumePicker',
      'StorageJustificationField',
    ]);
  });

  it('links the Storage tab to the scaffolder’s template page', () => {
    expect(Object.keys(storagePlugin.externalRoutes)).toEqual([
      'createFromTemplate',
    ]);
  });
});
