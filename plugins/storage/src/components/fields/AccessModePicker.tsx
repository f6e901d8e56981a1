import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { ACCESS_MODE_HELP, ACCESS_MODE_SHORT } from '../../lib/format';

export interface AccessModePickerProps {
  /** The modes the offering allows. */
  modes: readonly string[];
  value?: string;
  onChange: (mode: string) => void;
  label?: string;
  error?: string;
  disabled?: boolean;
}

/** Choose how pods may use the volume, with each mode explained. */
export const AccessModePicker = (props: AccessModePickerProps) => {
  const {
    modes,
    value,
    onChange,
    label = 'Access mode',
    error,
    disabled,
  } = props;
  return (
    <FormControl component="fieldset" error={!!error} margin="dense">
      <FormLabel component="legend">{label}</FormLabel>
      <RadioGroup
        aria-label={label}
        name="accessMode"
        value={value ?? ''}
        onChange={event => onChange(event.target.value)}
      >
        {modes.map(mode => (
          <FormControlLabel
            key={mode}
            value={mode}
            disabled={disabled}
            control={<Radio />}
            label={
              <>
                <Typography variant="body2" component="span">
                  {mode} ({ACCESS_MODE_SHORT[mode] ?? mode})
                </Typography>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="span"
                  display="block"
                >
                  {ACCESS_MODE_HELP[mode] ?? ''}
                </Typography>
              </>
            }
          />
        ))}
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
};
