import { TextInput } from '../common/TextInput';

const DEFAULT_HELP =
  'Why this change is needed; the platform team reads it when approving.';

/** Why the change is needed; the platform team reads it when approving. */
export const JustificationField = ({
  value,
  onChange,
  id,
  required = false,
  helperText = DEFAULT_HELP,
}: {
  value: string;
  onChange: (value: string) => void;
  id: string;
  /** Required when policy sends the request to approvers. */
  required?: boolean;
  helperText?: string;
}) => (
  <TextInput
    id={id}
    label={required ? 'Justification' : 'Justification (optional)'}
    // The asterisk only: the form's own validation says what is missing,
    // rather than the browser's constraint validation blocking the submit.
    InputLabelProps={{ required }}
    helperText={helperText}
    value={value}
    onChange={event => onChange(event.target.value)}
    multiline
    minRows={2}
    inputProps={{ maxLength: 2000, spellCheck: true }}
  />
);
