import MenuItem from '@material-ui/core/MenuItem';
import { TextInput } from '../common/TextInput';

export interface ClusterSelectProps {
  id: string;
  clusters: readonly string[];
  value: string;
  onChange: (cluster: string) => void;
  helperText?: string;
  error?: boolean;
  disabled?: boolean;
}

/** Choose one of the clusters a claim may live in. */
export const ClusterSelect = (props: ClusterSelectProps) => {
  const { id, clusters, value, onChange, helperText, error, disabled } = props;
  return (
    <TextInput
      id={id}
      fullWidth={false}
      select
      label="Cluster"
      value={value}
      onChange={event => onChange(event.target.value)}
      style={{ minWidth: 180 }}
      helperText={helperText}
      error={error}
      disabled={disabled}
    >
      {clusters.map(c => (
        <MenuItem key={c} value={c}>
          {c}
        </MenuItem>
      ))}
    </TextInput>
  );
};
