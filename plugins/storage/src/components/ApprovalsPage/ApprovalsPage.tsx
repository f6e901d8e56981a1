import { useState } from 'react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { Content, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { storageApiRef } from '../../api';
import { ApprovalHistory } from './ApprovalHistory';
import { PendingApprovals } from './PendingApprovals';

/** The approval queue and its history, without the page around it. */
export const ApprovalsContent = () => {
  const api = useApi(storageApiRef);
  const pending = useAsyncRetry(
    () => api.listApprovals({ view: 'pending' }),
    [api],
  );
  const [tab, setTab] = useState<'pending' | 'history'>('pending');
  const approver = !!pending.value?.approver;
  return (
    <>
      {approver && (
        <Tabs
          value={tab}
          onChange={(_, value) => setTab(value)}
          indicatorColor="primary"
          textColor="primary"
          aria-label="Approvals"
          style={{ marginBottom: 16 }}
        >
          <Tab
            value="pending"
            label="Pending"
            id="storage-approvals-tab-pending"
          />
          <Tab
            value="history"
            label="History"
            id="storage-approvals-tab-history"
          />
        </Tabs>
      )}
      {approver && tab === 'history' ? (
        <ApprovalHistory />
      ) : (
        <PendingApprovals
          value={pending.value}
          loading={pending.loading}
          error={pending.error}
          retry={pending.retry}
        />
      )}
    </>
  );
};

/**
 * Storage approvals: for approvers, the requests waiting for their decision
 * (with rule, cost, warnings and manifests) and the decided ones; for
 * everyone else, their own pending requests and who approves them.
 */
export const ApprovalsPage = () => (
  <Page themeId="tool">
    <Header
      title="Storage approvals"
      subtitle="Storage requests that policy sends to the platform team"
    />
    <Content>
      <ApprovalsContent />
    </Content>
  </Page>
);
