import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityStorage } from '../../hooks/useEntityStorage';
import { SEVERITY_ORDER, formatUsd } from '../../lib/format';
import { DriverIcon } from '../common/DriverIcon';
import { StatusChip } from '../common/StatusChip';
import { claimPath } from '../EntityStorageContent/ClaimsTable';
import { totalCost } from '../EntityStorageContent/StorageOverview';

export interface EntityStorageCardProps {
  /** The Storage tab's path, relative to the entity page. */
  tabPath?: string;
  /** How many claims to list, problems first. */
  maxItems?: number;
}

/** Overview card: how many claims, what they cost, and which need attention. */
export const EntityStorageCard = ({
  tabPath = 'storage',
  maxItems = 5,
}: EntityStorageCardProps) => {
  const { entity } = useEntity();
  const { rows, response, loading, error } = useEntityStorage(entity);
  const base = tabPath.replace(/\/$/, '');
  const deepLink = { title: 'View storage', link: base };

  let content;
  if (!response && loading) {
    content = <Progress />;
  } else if (!response) {
    content = <ResponseErrorPanel error={error ?? new Error('No answer')} />;
  } else if (!rows.length) {
    content = (
      <Typography variant="body2">
        No storage yet. <Link to={base}>Request storage</Link> on the Storage
        tab.
      </Typography>
    );
  } else {
    const problems = rows.filter(
      r => r.severity === 'error' || r.severity === 'warning',
    );
    const { total, byUse } = totalCost(rows);
    const listed = [...rows]
      .sort(
        (a, b) =>
          SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
          a.name.localeCompare(b.name),
      )
      .slice(0, maxItems);
    content = (
      <>
        <Box display="flex" style={{ gap: 24 }} mb={1}>
          <div>
            <Typography variant="h5" component="p">
              {rows.length}
            </Typography>
            <Typography variant="caption">
              {rows.length === 1 ? 'claim' : 'claims'}
            </Typography>
          </div>
          <div>
            <Typography
              variant="h5"
              component="p"
              color={problems.length ? 'error' : 'textPrimary'}
            >
              {problems.length}
            </Typography>
            <Typography variant="caption">need attention</Typography>
          </div>
          <div>
            <Typography variant="h5" component="p">
              {formatUsd(total)}
            </Typography>
            <Typography variant="caption">
              per month{byUse ? ' + billed by use' : ''}
            </Typography>
          </div>
        </Box>
        <List dense aria-label="Claims">
          {listed.map(row => (
            <ListItem key={row.id} disableGutters alignItems="flex-start">
              <ListItemIcon style={{ minWidth: 32, marginTop: 6 }}>
                <DriverIcon driver={row.driver} fontSize="small" />
              </ListItemIcon>
              <ListItemText
                primary={
                  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                    {row.kind === 'claim' ? (
                      <Link to={`${base}/${claimPath(row)}`}>{row.name}</Link>
                    ) : (
                      row.name
                    )}
                    <StatusChip
                      label={row.stateLabel}
                      severity={row.severity}
                    />
                  </Box>
                }
                secondary={
                  <>
                    {row.cluster} / {row.namespace}
                    {row.severity !== 'ok' && (
                      <Typography
                        variant="body2"
                        component="span"
                        display="block"
                      >
                        {row.headline}
                      </Typography>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      </>
    );
  }
  return (
    <InfoCard title="Storage" deepLink={deepLink} variant="gridItem">
      {content}
    </InfoCard>
  );
};
