import { Route, Routes, useParams } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ClaimPage } from '../ClaimPage/ClaimPage';

const ClaimRoute = () => {
  const { cluster = '', namespace = '', name = '' } = useParams();
  return (
    <ClaimPage
      claim={{ cluster, namespace, name }}
      backTo="/catalog"
      backLabel="Catalog"
    />
  );
};

/**
 * A stand-alone page for claims, for links from notifications and approvals:
 * `<mount path>/claims/:cluster/:namespace/:name`.
 */
export const StoragePage = () => (
  <Page themeId="tool">
    <Header title="Storage" subtitle="Self-service Kubernetes storage" />
    <Content>
      <Routes>
        <Route
          path="/claims/:cluster/:namespace/:name"
          element={<ClaimRoute />}
        />
        <Route
          path="*"
          element={
            <Typography variant="body1">
              Open a component in the catalog and choose its Storage tab to see
              its claims.
            </Typography>
          }
        />
      </Routes>
    </Content>
  </Page>
);
