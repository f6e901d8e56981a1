import { TextInput } from '../common/TextInput';

/** Why the change is needed; the platform team reads it when approving. */
export const JustificationField = ({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (value: string) => void;
  id: string;
}) => (
  <TextInput
    id={id}
    label="Justification (optional)"
    helperText="Why this change is needed; the platform team reads it when approving."
    value={value}
    onChange={event => onChange(event.target.value)}
    multiline
    minRows={2}
    inputProps={{ maxLength: 2000, spellCheck: true }}
  />
);
