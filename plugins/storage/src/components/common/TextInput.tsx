import TextField, { OutlinedTextFieldProps } from '@material-ui/core/TextField';

/** An outlined, dense text field as every storage form uses; no spell check or autocomplete. */
export const TextInput = ({
  inputProps,
  fullWidth = true,
  ...props
}: Omit<OutlinedTextFieldProps, 'variant'>) => (
  <TextField
    variant="outlined"
    margin="dense"
    fullWidth={fullWidth}
    inputProps={{ spellCheck: false, autoComplete: 'off', ...inputProps }}
    {...props}
  />
);
