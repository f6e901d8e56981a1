import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

export type FilterOption = { value: string; label: string };

/** A labelled drop-down filter whose first choice is "All". */
export const FilterSelect = (props: {
  id: string;
  label: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
}) => (
  <TextField
    id={props.id}
    select
    label={props.label}
    value={props.value}
    onChange={event => props.onChange(event.target.value)}
    variant="outlined"
    size="small"
    style={{ minWidth: 180 }}
  >
    <MenuItem value="">All</MenuItem>
    {props.options.map(option => (
      <MenuItem key={option.value} value={option.value}>
        {option.label}
      </MenuItem>
    ))}
  </TextField>
);

/** Options whose label is their value. */
export const plainOptions = (values: readonly string[]): FilterOption[] =>
  values.map(value => ({ value, label: value }));
