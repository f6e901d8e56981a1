import { Route, Routes, useParams } from 'react-router-dom';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ClaimPage } from '../ClaimPage/ClaimPage';
import { DEFAULT_REQUEST_TEMPLATE } from '../../hooks/useTemplateLink';
import { StorageOverview } from './StorageOverview';

const EntityClaimPage = () => {
  const { entity } = useEntity();
  const { cluster = '', namespace = '', name = '' } = useParams();
  return (
    <ClaimPage
      claim={{ cluster, namespace, name }}
      backTo=".."
      backLabel={`Storage of ${entity.metadata.name}`}
    />
  );
};

/** Options of the Storage tab. */
export interface EntityStorageContentProps {
  /**
   * The scaffolder template "Use a template" opens, prefilled with the
   * entity (default `template:default/request-storage`); `false` hides it.
   */
  requestTemplate?: string | false;
}

/**
 * The entity's Storage tab: every claim of the entity across clusters, and
 * under it each claim's page (`<tab>/:cluster/:namespace/:name`).
 */
export const EntityStorageContent = (props: EntityStorageContentProps) => (
  <Routes>
    <Route
      path="/"
      element={
        <StorageOverview
          requestTemplate={
            props.requestTemplate === false
              ? undefined
              : props.requestTemplate ?? DEFAULT_REQUEST_TEMPLATE
          }
        />
      }
    />
    <Route path="/:cluster/:namespace/:name" element={<EntityClaimPage />} />
  </Routes>
);
