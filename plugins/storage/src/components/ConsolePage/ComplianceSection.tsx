import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import CheckBoxIcon from '@material-ui/icons/CheckBox';
import CheckBoxOutlineBlankIcon from '@material-ui/icons/CheckBoxOutlineBlank';
import { InfoCard } from '@backstage/core-components';
import { FleetComplianceResponse } from '@eks-storage/backstage-plugin-storage-common';
import { plural } from '../../lib/fleet';
import { ConsoleSection } from './ConsoleSection';
import { FindingsTable } from './FindingsTable';
import { useConsoleData } from './useConsoleData';

/** The platform's compliance rules (storage.fleet.compliance) and what breaks them. */
export const ComplianceView = ({
  value,
}: {
  value: FleetComplianceResponse;
}) => (
  <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
    <FindingsTable
      id="storage-compliance"
      title="Compliance findings"
      findings={value.items}
      emptyMessage="Every class and volume meets the rules below."
    />
    <InfoCard
      title="Rules"
      subheader="Set under storage.fleet.compliance in the app configuration"
    >
      <List dense aria-label="Compliance rules">
        {value.rules.map(rule => (
          <ListItem key={rule.id} disableGutters>
            <ListItemIcon>
              {rule.enabled ? (
                <CheckBoxIcon color="primary" aria-hidden />
              ) : (
                <CheckBoxOutlineBlankIcon color="disabled" aria-hidden />
              )}
            </ListItemIcon>
            <ListItemText
              primary={rule.description}
              secondary={`${rule.id} · ${rule.enabled ? 'enforced' : 'off'}`}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  </Box>
);

/** Compliance: unencrypted EBS, missing KMS keys, EFS without TLS, each with the fix. */
export const ComplianceSection = () => {
  const data = useConsoleData(api => api.listFleetCompliance());
  return (
    <ConsoleSection
      title="Compliance"
      {...data}
      clusters={v => v.clusters}
      generatedAt={v => v.generatedAt}
      summary={v =>
        `${plural(v.items.length, 'finding')} against ${plural(
          v.rules.filter(r => r.enabled).length,
          'enforced rule',
        )}.`
      }
    >
      {value => <ComplianceView value={value} />}
    </ConsoleSection>
  );
};
