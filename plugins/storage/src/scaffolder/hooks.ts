import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  OfferingListItem,
  ValidationResponse,
} from '@eks-storage/backstage-plugin-storage-common';
import { storageApiRef } from '../api';
import { useOfferings } from '../hooks/useOfferings';
import {
  StorageAnswers,
  StorageFieldNames,
  fieldNames,
  readAnswers,
} from './formData';
import { checkWithBackend } from './policy';
import type { StorageFieldUiOptions } from './schemas';

/** What every storage field reads: the other answers and the chosen offering. */
export function useStorageForm(props: {
  formContext?: { formData?: Record<string, unknown> };
  uiSchema?: object;
}): {
  names: StorageFieldNames;
  answers: StorageAnswers;
  offerings: OfferingListItem[];
  offering?: OfferingListItem;
  loading: boolean;
  error?: Error;
} {
  const options = (
    props.uiSchema as { 'ui:options'?: StorageFieldUiOptions } | undefined
  )?.['ui:options'];
  const names = useMemo(() => fieldNames(options), [options]);
  const answers = readAnswers(props.formContext?.formData, names);
  const { offerings, loading, error } = useOfferings();
  const offering = offerings.find(o => o.id === answers.offering);
  return { names, answers, offerings, offering, loading, error };
}

/** The catalog entity the storage is for, once its reference is known. */
export function useCatalogEntity(entityRef: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(
    async (): Promise<Entity | undefined> =>
      entityRef ? catalogApi.getEntityByRef(entityRef) : undefined,
    [catalogApi, entityRef],
  );
}

/**
 * The entity's claims and the clusters the backend looks in for them;
 * nothing until the entity is known.
 */
export function useEntityClaims(entityRef: string | undefined) {
  const api = useApi(storageApiRef);
  return useAsync(
    async () => (entityRef ? api.listClaims(entityRef) : undefined),
    [api, entityRef],
  );
}

/** A value that follows another one after it has stopped changing for `ms`. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The backend's answer for a request (policy's decision, findings, cost),
 * asked once the request has stopped changing for a moment.
 */
export function useBackendCheck(request: Record<string, unknown> | undefined): {
  answer?: ValidationResponse;
  loading: boolean;
  error?: Error;
} {
  const api = useApi(storageApiRef);
  const key = request ? JSON.stringify(request) : '';
  const settledKey = useSettled(key, 400);
  const state = useAsync(
    async () =>
      settledKey ? checkWithBackend(api, JSON.parse(settledKey)) : undefined,
    [api, settledKey],
  );
  return {
    answer: settledKey === key ? state.value : undefined,
    loading: !!key && (settledKey !== key || state.loading),
    error: settledKey === key ? state.error : undefined,
  };
}
