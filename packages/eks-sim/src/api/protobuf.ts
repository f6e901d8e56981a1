/**
 * Just enough Kubernetes protobuf to read the access reviews kubectl sends
 * as `application/vnd.kubernetes.protobuf` (`kubectl auth can-i`): the
 * `k8s\0` envelope (runtime.Unknown) and the review's string fields.
 */
import { errors } from './errors';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Fields = Map<number, Array<Buffer | number>>;

function readVarint(buffer: Buffer, offset: number): [number, number] {
  let value = 0;
  let shift = 0;
  let position = offset;
  for (;;) {
    if (position >= buffer.length || shift > 49) {
      throw errors.badRequest('invalid protobuf: truncated varint');
    }
    const byte = buffer[position++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, position];
    shift += 7;
  }
}

function decodeFields(buffer: Buffer): Fields {
  const fields: Fields = new Map();
  let offset = 0;
  while (offset < buffer.length) {
    const [tag, afterTag] = readVarint(buffer, offset);
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    let value: Buffer | number;
    if (wireType === 0) {
      [value, offset] = readVarint(buffer, afterTag);
    } else if (wireType === 2) {
      const [length, start] = readVarint(buffer, afterTag);
      if (start + length > buffer.length)
        throw errors.badRequest('invalid protobuf: truncated field');
      value = buffer.subarray(start, start + length);
      offset = start + length;
    } else {
      throw errors.badRequest(
        `invalid protobuf: unsupported wire type ${wireType}`,
      );
    }
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

function bytes(fields: Fields, field: number): Buffer | undefined {
  const value = fields.get(field)?.[0];
  return Buffer.isBuffer(value) ? value : undefined;
}

function text(fields: Fields, field: number): string | undefined {
  return bytes(fields, field)?.toString('utf8');
}

export function isProtobuf(contentType: string | undefined) {
  return (contentType ?? '').startsWith('application/vnd.kubernetes.protobuf');
}

/** Decodes a SelfSubjectAccessReview or SelfSubjectRulesReview into its JSON shape. */
export function decodeReview(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw errors.badRequest('invalid protobuf: missing k8s envelope');
  }
  const envelope = decodeFields(body.subarray(4));
  const typeMeta = decodeFields(bytes(envelope, 1) ?? Buffer.alloc(0));
  const kind = text(typeMeta, 2);
  const review = decodeFields(bytes(envelope, 2) ?? Buffer.alloc(0));
  const spec = decodeFields(bytes(review, 2) ?? Buffer.alloc(0));
  if (kind === 'SelfSubjectRulesReview') {
    return { kind, spec: { namespace: text(spec, 1) ?? '' } };
  }
  const attributes = bytes(spec, 1);
  if (!attributes) {
    return { kind, spec: { nonResourceAttributes: {} } };
  }
  const a = decodeFields(attributes);
  return {
    kind,
    spec: {
      resourceAttributes: {
        namespace: text(a, 1) ?? '',
        verb: text(a, 2) ?? '',
        group: text(a, 3) ?? '',
        version: text(a, 4) ?? '',
        resource: text(a, 5) ?? '',
        subresource: text(a, 6) ?? '',
        name: text(a, 7) ?? '',
      },
    },
  };
}
