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
}

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
  } = props;
  const problem = value ? sizeProblem(value, { min, max }) : undefined;
  const message = error ?? problem;
  const help = capacityUsed
    ? boundsText({ min, max })
    : 'This storage grows with your data; the size is recorded but not enforced.';
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
