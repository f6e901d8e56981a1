import Typography from '@material-ui/core/Typography';
import { TextInput } from '../common/TextInput';

/** Whether what was typed confirms the name (surrounding spaces ignored). */
export const confirms = (typed: string, name: string) => typed.trim() === name;

/** "Type <name> to confirm": a destructive action's last guard. */
export const TypedConfirmation = (props: {
  id: string;
  /** What must be typed. */
  name: string;
  /** The field's label, e.g. "Claim name". */
  label: string;
  value: string;
  onChange: (value: string) => void;
}) => {
  const { id, name, label, value, onChange } = props;
  const mismatch = !!value && !confirms(value, name);
  return (
    <>
      <Typography variant="body2" gutterBottom>
        Type <strong>{name}</strong> to confirm.
      </Typography>
      <TextInput
        id={id}
        label={label}
        value={value}
        onChange={event => onChange(event.target.value)}
        helperText={mismatch ? `Does not match ${name}` : ' '}
        error={mismatch}
      />
    </>
  );
};
