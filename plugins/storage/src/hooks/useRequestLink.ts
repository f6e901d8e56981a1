import { useMemo } from 'react';
import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';
import { requestRouteRef, rootRouteRef } from '../routes';

/** Where a request's page is when the app does not mount it elsewhere; notifications link here too. */
export const DEFAULT_REQUEST_PATH = '/storage/requests';

export const defaultRequestLink = (id: string) =>
  `${DEFAULT_REQUEST_PATH}/${encodeURIComponent(id)}`;

/** A route's link function, or undefined where the app does not mount it. */
function useOptionalRoute(
  ref: RouteRef<any>,
): ((params?: Record<string, string>) => string) | undefined {
  try {
    // useRouteRef calls its hooks before it throws for an unmounted route,
    // so catching keeps the hook order stable.
    return useRouteRef(ref) as any;
  } catch {
    return undefined;
  }
}

/**
 * The link to a request's page: the app's mount point of StorageRequestPage,
 * or `/storage/requests/<id>` (where notifications point) when the app does
 * not mount it.
 */
export function useRequestLink(): (id: string) => string {
  const route = useOptionalRoute(requestRouteRef);
  return useMemo(
    () => (route ? (id: string) => route({ id }) : defaultRequestLink),
    [route],
  );
}

/** Where the stand-alone storage page is: the app's mount point, `/storage` by default. */
function useStorageBase(): string {
  const route = useOptionalRoute(rootRouteRef);
  return route ? route().replace(/\/$/, '') : '/storage';
}

/** The link to a claim's stand-alone page (StoragePage), `/storage/claims/…` by default. */
export function useClaimLink(): (claim: {
  cluster: string;
  namespace: string;
  name: string;
}) => string {
  const base = useStorageBase();
  return ({ cluster, namespace, name }) =>
    `${base}/claims/${[cluster, namespace, name]
      .map(encodeURIComponent)
      .join('/')}`;
}

/**
 * The link to a section of the platform console (`/storage/waste`, …),
 * with filters as query parameters.
 */
export function useConsoleLink(): (
  section: string,
  query?: Record<string, string>,
) => string {
  const base = useStorageBase();
  return (section, query) => {
    const search = query ? new URLSearchParams(query).toString() : '';
    return `${base}/${section}${search ? `?${search}` : ''}`;
  };
}
