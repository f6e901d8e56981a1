import { Route, Routes, useParams } from 'react-router-dom';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ClaimPage } from '../ClaimPage/ClaimPage';
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

/**
 * The entity's Storage tab: every claim of the entity across clusters, and
 * under it each claim's page (`<tab>/:cluster/:namespace/:name`).
 */
export const EntityStorageContent = () => (
  <Routes>
    <Route path="/" element={<StorageOverview />} />
    <Route path="/:cluster/:namespace/:name" element={<EntityClaimPage />} />
  </Routes>
);
