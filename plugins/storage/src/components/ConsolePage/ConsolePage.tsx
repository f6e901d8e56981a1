import { TabbedLayout } from '@backstage/core-components';
import { BackupsSection } from './BackupsSection';
import { ClaimsSection } from './ClaimsSection';
import { ClassHealthSection } from './ClassHealthSection';
import { ComplianceSection } from './ComplianceSection';
import { ExpirySection } from './ExpirySection';
import { OverviewSection } from './OverviewSection';
import { UsageSection } from './UsageSection';
import { WasteSection } from './WasteSection';

/** The console's tabs: path under the page, title, and content. */
const SECTIONS: Array<
  [path: string, title: string, Section: () => JSX.Element]
> = [
  ['/', 'Overview', OverviewSection],
  ['/claims', 'Claims', ClaimsSection],
  ['/waste', 'Waste', WasteSection],
  ['/classes', 'Class health', ClassHealthSection],
  ['/compliance', 'Compliance', ComplianceSection],
  ['/usage', 'Usage', UsageSection],
  ['/backups', 'Backups', BackupsSection],
  ['/expiry', 'Expiry', ExpirySection],
];

/**
 * The platform storage console: the whole fleet's claims, cost, waste and
 * risks, a tab per section (`/storage/<section>`). Everyone may look; each
 * action is a storage request the backend authorizes.
 */
export const StorageConsole = () => (
  <TabbedLayout>
    {SECTIONS.map(([path, title, Section]) => (
      <TabbedLayout.Route key={path} path={path} title={title}>
        <Section />
      </TabbedLayout.Route>
    ))}
  </TabbedLayout>
);
