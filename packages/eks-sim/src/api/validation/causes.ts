/**
 * The causes of a 422 Invalid, worded as apimachinery's `field.Error`s so
 * clients that match on them (kubectl, client-go) read them alike.
 */
import { StatusCause } from '../errors';

export function invalidValue(
  field: string,
  value: unknown,
  detail: string,
): StatusCause {
  const shown =
    typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return {
    reason: 'FieldValueInvalid',
    message: `Invalid value: ${shown}: ${detail}`,
    field,
  };
}

export function required(field: string, detail = ''): StatusCause {
  return {
    reason: 'FieldValueRequired',
    message: detail ? `Required value: ${detail}` : 'Required value',
    field,
  };
}

export function forbiddenField(field: string, detail: string): StatusCause {
  return {
    reason: 'FieldValueForbidden',
    message: `Forbidden: ${detail}`,
    field,
  };
}

export function unsupported(
  field: string,
  value: unknown,
  supported: string[],
) {
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: "${String(
      value,
    )}": supported values: ${supported.map(s => `"${s}"`).join(', ')}`,
    field,
  };
}
