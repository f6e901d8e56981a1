import { TemplateAction } from '@backstage/plugin-scaffolder-node';

/** Every scaffolder action this module provides. */
export function createStorageActions(): TemplateAction<any, any, any>[] {
  return [];
}
