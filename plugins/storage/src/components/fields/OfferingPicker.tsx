import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  DECISION_MATRIX,
  OfferingListItem,
  Workload,
} from '@eks-storage/backstage-plugin-storage-common';
import { DriverIcon } from '../common/DriverIcon';
import {
  driverTitle,
  formatAccessModes,
  formatMonthlyCost,
} from '../../lib/format';

const useStyles = makeStyles(theme => ({
  option: {
    alignItems: 'flex-start',
    margin: 0,
    padding: theme.spacing(1, 1, 1, 0),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(1),
    width: '100%',
  },
  selected: {
    borderColor: theme.palette.primary.main,
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
}));

const WORKLOAD_TITLES: Record<Workload, string> = {
  database: 'databases',
  'message-broker': 'message brokers',
  'ci-workspace': 'CI workspaces',
  'shared-files': 'shared files',
  'ml-scratch': 'ML and HPC scratch',
  'logs-backup': 'logs, backups and data lakes',
};

/** What an offering can do, as short phrases. */
export function offeringFeatures(offering: OfferingListItem): string[] {
  const features: string[] = [formatAccessModes(offering.accessModes)];
  const caps = offering.capabilities;
  if (!caps?.dynamic) features.push('Existing volumes only');
  if (caps?.expansion) features.push('Resizable');
  if (caps?.snapshots) features.push('Snapshots');
  if (caps && !caps.capacityUsed) features.push('Size not enforced');
  return features;
}

export interface OfferingPickerProps {
  offerings: readonly OfferingListItem[];
  value?: string;
  onChange: (offeringId: string) => void;
  /** Offerings missing from this cluster are shown but cannot be chosen. */
  cluster?: string;
  /** Marks the offerings recommended for this workload. */
  workload?: Workload;
  label?: string;
  error?: string;
  disabled?: boolean;
}

/** Choose one of the platform's offerings, with what each is for and costs. */
export const OfferingPicker = (props: OfferingPickerProps) => {
  const {
    offerings,
    value,
    onChange,
    cluster,
    workload,
    label = 'Offering',
    error,
    disabled,
  } = props;
  const classes = useStyles();
  const recommended = workload ? DECISION_MATRIX[workload]?.drivers ?? [] : [];
  return (
    <FormControl component="fieldset" error={!!error} fullWidth>
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup
        aria-label={label}
        name="offering"
        value={value ?? ''}
        onChange={event => onChange(event.target.value)}
      >
        {offerings.map(offering => {
          const unavailable =
            !!cluster &&
            Array.isArray(offering.clusters) &&
            !offering.clusters.includes(cluster);
          return (
            <FormControlLabel
              key={offering.id}
              value={offering.id}
              disabled={disabled || unavailable}
              className={`${classes.option} ${
                value === offering.id ? classes.selected : ''
              }`}
              control={
                <Radio
                  inputProps={{
                    'aria-describedby': `offering-${offering.id}-details`,
                  }}
                />
              }
              label={
                <Box py={0.5}>
                  <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                    <DriverIcon driver={offering.driver} fontSize="small" />
                    <Typography variant="subtitle2" component="span">
                      {offering.title}
                    </Typography>
                  </Box>
                  <Box id={`offering-${offering.id}-details`}>
                    <Typography variant="body2" color="textSecondary">
                      {offering.description || driverTitle(offering.driver)}
                      {offering.defaultCost
                        ? ` · ${formatMonthlyCost(offering.defaultCost)} at ${
                            offering.size.default
                          }`
                        : ''}
                    </Typography>
                    {offering.recommendedFor.length > 0 && (
                      <Typography variant="caption" color="textSecondary">
                        For{' '}
                        {offering.recommendedFor
                          .map(w => WORKLOAD_TITLES[w] ?? w)
                          .join(', ')}
                        .
                      </Typography>
                    )}
                    {unavailable && (
                      <Typography
                        variant="caption"
                        color="error"
                        display="block"
                      >
                        Not available in cluster {cluster}.
                      </Typography>
                    )}
                  </Box>
                  <div className={classes.chips}>
                    {recommended.includes(offering.driver) && (
                      <Chip size="small" color="primary" label="Recommended" />
                    )}
                    {offeringFeatures(offering).map(feature => (
                      <Chip
                        key={feature}
                        size="small"
                        variant="outlined"
                        label={feature}
                      />
                    ))}
                  </div>
                </Box>
              }
            />
          );
        })}
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
};
