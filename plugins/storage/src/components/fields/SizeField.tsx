import { useState } from 'react';
import Box from '@material-ui/core/Box';
import FormHelperText from '@material-ui/core/FormHelperText';
import MenuItem from '@material-ui/core/MenuItem';
import { parseQuantity } from '@eks-storage/backstage-plugin-storage-common';
import { TextInput } from '../common/TextInput';

export interface SizeBounds {
  min?: string;
  max?: string;
}

/** The problem with a size, if any: not a quantity, or out of bounds. */
export function sizeProblem(
  value: string,
  bounds: SizeBounds,
): string | undefined {
  if (!value.trim()) return 'Enter a size, e.g. 20Gi';
  const bytes = parseQuantity(value.trim());
  if (bytes === undefined || bytes <= 0) {
    return `"${value}" is not a size: use a Kubernetes quantity such as 20Gi or 1Ti`;
  }
  const min = parseQuantity(bounds.min);
  const max = parseQuantity(bounds.max);
  if (min !== undefined && bytes < min) return `At least ${bounds.min}`;
  if (max !== undefined && bytes > max) return `At most ${bounds.max}`;
  return undefined;
}

export function boundsText(bounds: SizeBounds): string {
  if (bounds.min && bounds.max)
    return `Between ${bounds.min} and ${bounds.max}`;
  if (bounds.min) return `At least ${bounds.min}`;
  if (bounds.max) return `At most ${bounds.max}`;
  return 'A Kubernetes quantity such as 20Gi';
}

export interface SizeFieldProps extends SizeBounds {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  /** A problem found elsewhere (e.g. by the validator) to show instead of the bounds. */
  error?: string;
  /** False for drivers that ignore the size (EFS, S3). */
  capacityUsed?: boolean;
  disabled?: boolean;
  id?: string;
  /**
   * Binary units (e.g. Gi, Ti) to offer beside a number field, instead of
   * one text box for the whole quantity.
   */
  units?: readonly string[];
}

/** "20Gi" → { amount: "20", unit: "Gi" }; the split is lossless while typing. */
export function splitQuantity(value: string): { amount: string; unit: string } {
  const match = /^\s*([0-9.]*)\s*(.*?)\s*$/.exec(value);
  return { amount: match?.[1] ?? '', unit: match?.[2] ?? '' };
}

/** A number and a unit select, read and written as one quantity string. */
const AmountAndUnit = (
  props: Omit<SizeFieldProps, 'units'> & {
    id: string;
    label: string;
    units: readonly string[];
    helperText: string;
  },
) => {
  const { value, onChange, id, label, units, error, helperText, disabled } =
    props;
  const split = splitQuantity(value);
  // With no amount typed the value is empty; the chosen unit lives here.
  const [unitWhileEmpty, setUnitWhileEmpty] = useState(units[0]);
  const unit = split.unit || unitWhileEmpty;
  const choices = units.includes(unit) || !unit ? units : [...units, unit];
  const write = (amount: string, nextUnit: string) =>
    onChange(amount ? `${amount}${nextUnit}` : '');
  return (
    <Box>
      <Box display="flex" style={{ gap: 8 }}>
        <TextInput
          id={id}
          label={label}
          value={split.amount}
          onChange={event => write(event.target.value.trim(), unit)}
          error={!!error}
          disabled={disabled}
          inputProps={{
            inputMode: 'decimal',
            'aria-describedby': `${id}-helper`,
          }}
        />
        <TextInput
          id={`${id}-unit`}
          select
          fullWidth={false}
          label="Unit"
          value={unit}
          disabled={disabled}
          style={{ minWidth: 96 }}
          onChange={event => {
            setUnitWhileEmpty(event.target.value);
            write(split.amount, event.target.value);
          }}
        >
          {choices.map(u => (
            <MenuItem key={u} value={u}>
              {u}
            </MenuItem>
          ))}
        </TextInput>
      </Box>
      <FormHelperText id={`${id}-helper`} error={!!error} variant="outlined">
        {helperText}
      </FormHelperText>
    </Box>
  );
};

/** A Kubernetes quantity with the offering's bounds. */
export const SizeField = (props: SizeFieldProps) => {
  const {
    value,
    onChange,
    min,
    max,
    label = 'Size',
    error,
    capacityUsed = true,
    disabled,
    id = 'storage-size',
    units,
  } = props;
  const problem = value ? sizeProblem(value, { min, max }) : undefined;
  const message = error ?? problem;
  const help = capacityUsed
    ? boundsText({ min, max })
    : 'This storage grows with your data; the size is recorded but not enforced.';
  if (units?.length) {
    return (
      <AmountAndUnit
        {...props}
        id={id}
        label={label}
        units={units}
        error={message}
        helperText={message ?? help}
      />
    );
  }
  return (
    <TextInput
      id={id}
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      error={!!message}
      helperText={message ?? help}
      disabled={disabled}
    />
  );
};
