/**
 * Applies a JSON, merge or strategic merge patch to an object's document;
 * server-side apply lives in patch/managedFields.
 */
import { applyPatch as applyJsonPatch, Operation } from 'fast-json-patch';
import { ResourceKind } from '../kinds';
import { K8sObject } from '../store/types';
import { errors } from './errors';
import { clone } from './patch/json';
import { applyMergePatch } from './patch/mergePatch';
import {
  applyStrategicMergePatch,
  PatchError,
} from './patch/strategicMergePatch';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export function patchDocument(
  kind: ResourceKind,
  existing: K8sObject,
  patchType: PatchType,
  patch: unknown,
) {
  switch (patchType) {
    case 'json':
      if (!Array.isArray(patch)) {
        throw errors.badRequest(
          'json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
        );
      }
      return applyJsonPatch(clone(existing), patch as Operation[], true, true)
        .newDocument;
    case 'merge':
      return applyMergePatch(existing, patch);
    default:
      if (kind.custom) {
        throw errors.unsupportedMediaType(true);
      }
      return applyStrategicMergePatch(kind.kind, existing, patch);
  }
}

export function patchErrorMessage(error: unknown) {
  if (error instanceof PatchError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0];
  return 'invalid patch';
}
