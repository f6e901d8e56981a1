/**
 * Query parameters as kube-apiserver decodes and validates them.
 *
 * Decoding follows apimachinery's parameter codec
 * (`k8s.io/apimachinery/pkg/apis/meta/v1/conversion.go`): a boolean is false
 * only when its first value is `0` or `false` in any case, so `watch=True`
 * (what the Python client sends), `watch=1` and even `watch=` are true.
 * Integers that do not parse are a 400. Validation follows
 * `k8s.io/apimachinery/pkg/apis/meta/v1/validation` (CreateOptions,
 * UpdateOptions, PatchOptions, DeleteOptions) and
 * `k8s.io/apimachinery/pkg/apis/meta/internalversion/validation`
 * (ListOptions): a failure is a 422 Invalid naming the options kind in the
 * `meta.k8s.io` group, e.g. `PatchOptions.meta.k8s.io "" is invalid: …`.
 */
import { ApiError, StatusCause, errors } from './errors';

/** `Convert_Slice_string_To_bool`: absent → undefined. */
export function queryBool(
  query: URLSearchParams,
  name: string,
): boolean | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  const first = values[0];
  return !(first === '0' || first.toLowerCase() === 'false');
}

/** `Convert_Slice_string_To_int64` (and int32): absent or empty → undefined. */
export function queryInt(
  query: URLSearchParams,
  name: string,
): number | undefined {
  const first = query.getAll(name)[0];
  if (first === undefined || first === '') return undefined;
  if (!/^[+-]?\d+$/.test(first)) {
    throw errors.badRequest(
      `strconv.ParseInt: parsing ${JSON.stringify(first)}: invalid syntax`,
    );
  }
  return Number(first);
}

export type OptionsKind =
  | 'CreateOptions'
  | 'UpdateOptions'
  | 'PatchOptions'
  | 'DeleteOptions'
  | 'ListOptions';

/** `errors.NewInvalid(schema.GroupKind{Group: "meta.k8s.io", Kind}, "", errs)`. */
export function invalidOptions(kind: OptionsKind, causes: StatusCause[]) {
  const list = causes.map(c => `${c.field}: ${c.message}`);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return new ApiError(
    422,
    'Invalid',
    `${kind}.meta.k8s.io "" is invalid: ${summary}`,
    { group: 'meta.k8s.io', kind, causes },
  );
}

function goQuote(value: string) {
  return JSON.stringify(value);
}

/** `ValidateDryRun`: the bad value is printed as Go prints a []string (%#v). */
export function dryRunCauses(dryRun: string[]): StatusCause[] {
  if (dryRun.every(v => v === 'All')) return [];
  return [
    {
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: []string{${dryRun
        .map(goQuote)
        .join(', ')}}: supported values: "All"`,
      field: 'dryRun',
    },
  ];
}

export const FIELD_MANAGER_MAX_LENGTH = 128;

/** `ValidateFieldManager`. */
export function fieldManagerCauses(manager: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (Buffer.byteLength(manager) > FIELD_MANAGER_MAX_LENGTH) {
    causes.push({
      reason: 'FieldValueTooLong',
      message: `Too long: may not be more than ${FIELD_MANAGER_MAX_LENGTH} bytes`,
      field: 'fieldManager',
    });
  }
  [...manager].forEach((ch, i) => {
    if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch)) {
      const code = ch.codePointAt(0)!.toString(16).toUpperCase();
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${goQuote(
          manager,
        )}: invalid character U+${code.padStart(4, '0')} (at position ${i})`,
        field: 'fieldManager',
      });
    }
  });
  return causes;
}

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** `ValidateFieldValidation`: "", Ignore, Strict, Warn (case-sensitive). */
export function fieldValidationOf(query: URLSearchParams): {
  value: FieldValidation;
  causes: StatusCause[];
} {
  const raw = query.get('fieldValidation') ?? '';
  if (['', 'Ignore', 'Warn', 'Strict'].includes(raw)) {
    // Unset means Warn since server-side field validation went GA (1.27).
    return { value: (raw || 'Warn') as FieldValidation, causes: [] };
  }
  return {
    value: 'Warn',
    causes: [
      {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${goQuote(
          raw,
        )}: supported values: "", "Ignore", "Strict", "Warn"`,
        field: 'fieldValidation',
      },
    ],
  };
}

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export interface ListQuery {
  watch: boolean;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
  limit?: number;
  continueToken?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
}

/** Decodes and validates ListOptions (list and watch requests). */
export function listQuery(query: URLSearchParams): ListQuery {
  const watch = queryBool(query, 'watch') ?? false;
  const resourceVersion = query.get('resourceVersion') ?? undefined;
  const match = query.get('resourceVersionMatch') ?? '';
  const limit = queryInt(query, 'limit');
  const continueToken = query.get('continue') || undefined;
  const timeoutSeconds = queryInt(query, 'timeoutSeconds');
  const allowWatchBookmarks = queryBool(query, 'allowWatchBookmarks') ?? false;
  const sendInitialEvents = queryBool(query, 'sendInitialEvents');
  const causes: StatusCause[] = [];
  const forbidden = (field: string, detail: string) =>
    causes.push({
      reason: 'FieldValueForbidden',
      message: `Forbidden: ${detail}`,
      field,
    });
  if (match && watch) {
    if (sendInitialEvents === undefined) {
      forbidden(
        'resourceVersionMatch',
        'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
      );
    }
    if (match !== 'NotOlderThan') {
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${goQuote(
          match,
        )}: supported values: "NotOlderThan"`,
        field: 'resourceVersionMatch',
      });
    }
  } else if (match) {
    if (!resourceVersion) {
      forbidden(
        'resourceVersionMatch',
        'resourceVersionMatch is forbidden unless resourceVersion is provided',
      );
    }
    if (continueToken) {
      forbidden(
        'resourceVersionMatch',
        'resourceVersionMatch is forbidden when continue is provided',
      );
    }
    if (match !== 'Exact' && match !== 'NotOlderThan') {
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${goQuote(
          match,
        )}: supported values: "Exact", "NotOlderThan", ""`,
        field: 'resourceVersionMatch',
      });
    }
    if (match === 'Exact' && resourceVersion === '0') {
      forbidden(
        'resourceVersionMatch',
        'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
      );
    }
  }
  if (sendInitialEvents !== undefined) {
    if (!watch) {
      forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list');
    } else {
      if (!match) {
        forbidden(
          'resourceVersionMatch',
          'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
        );
      }
      if (!allowWatchBookmarks) {
        forbidden(
          'allowWatchBookmarks',
          'allowWatchBookmarks must be set to true when sendInitialEvents is set',
        );
      }
    }
  }
  if (causes.length > 0) throw invalidOptions('ListOptions', causes);
  return {
    watch,
    resourceVersion,
    resourceVersionMatch: (match ||
      undefined) as ListQuery['resourceVersionMatch'],
    limit: limit !== undefined && limit > 0 ? limit : undefined,
    continueToken,
    timeoutSeconds,
    allowWatchBookmarks,
    sendInitialEvents,
  };
}
