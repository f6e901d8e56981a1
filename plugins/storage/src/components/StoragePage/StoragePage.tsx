import { Route, Routes, useParams } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { ClaimPage } from '../ClaimPage/ClaimPage';
import { StorageConsole } from '../ConsolePage';

const ClaimRoute = () => {
  const { cluster = '', namespace = '', name = '' } = useParams();
  return (
    <Content>
      <ClaimPage
        claim={{ cluster, namespace, name }}
        backTo=".."
        backLabel="Storage console"
      />
    </Content>
  );
};

/**
 * The storage page: the platform console (overview, claims, waste, class
 * health, compliance, usage, backups, expiry) and, for links from
 * notifications and approvals, each claim at
 * `<mount path>/claims/:cluster/:namespace/:name`.
 */
export const StoragePage = () => (
  <Page themeId="tool">
    <Header
      title="Storage"
      subtitle="The platform's Kubernetes storage: claims, cost, waste and risks"
    />
    <Routes>
      <Route
        path="/claims/:cluster/:namespace/:name"
        element={<ClaimRoute />}
      />
      <Route path="/*" element={<StorageConsole />} />
    </Routes>
  </Page>
);
