/**
 * Just enough Kubernetes protobuf to read what kubectl sends as
 * `application/vnd.kubernetes.protobuf`: access reviews (`kubectl auth
 * can-i`) and namespaces (`kubectl create namespace`), from the `k8s\0`
 * envelope (runtime.Unknown) and the fields of k8s.io/api's generated.proto.
 * Other kinds sent as protobuf are refused with 415 (see the README).
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

function strings(fields: Fields, field: number): string[] {
  return (fields.get(field) ?? [])
    .filter((v): v is Buffer => Buffer.isBuffer(v))
    .map(v => v.toString('utf8'));
}

/** map<string,string> entries: key = 1, value = 2. */
function stringMap(fields: Fields, field: number) {
  const entries = (fields.get(field) ?? []).filter((v): v is Buffer =>
    Buffer.isBuffer(v),
  );
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(entry => {
      const kv = decodeFields(entry);
      return [text(kv, 1) ?? '', text(kv, 2) ?? ''];
    }),
  );
}

/** ObjectMeta (generated.proto): name 1, generateName 2, namespace 3, labels 11, annotations 12, finalizers 14. */
function objectMeta(buffer: Buffer | undefined) {
  const meta = decodeFields(buffer ?? Buffer.alloc(0));
  const labels = stringMap(meta, 11);
  const annotations = stringMap(meta, 12);
  const finalizers = strings(meta, 14);
  return {
    ...(text(meta, 1) ? { name: text(meta, 1) } : {}),
    ...(text(meta, 2) ? { generateName: text(meta, 2) } : {}),
    ...(text(meta, 3) ? { namespace: text(meta, 3) } : {}),
    ...(labels ? { labels } : {}),
    ...(annotations ? { annotations } : {}),
    ...(finalizers.length ? { finalizers } : {}),
  };
}

/** Decodes an object of a kind the simulator reads as protobuf, or undefined. */
export function decodeObject(
  body: Buffer,
  expectedKind: string,
): Record<string, unknown> | undefined {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw errors.badRequest('invalid protobuf: missing k8s envelope');
  }
  const envelope = decodeFields(body.subarray(4));
  const typeMeta = decodeFields(bytes(envelope, 1) ?? Buffer.alloc(0));
  const kind = text(typeMeta, 2) || expectedKind;
  if (kind !== 'Namespace' || expectedKind !== 'Namespace') return undefined;
  const object = decodeFields(bytes(envelope, 2) ?? Buffer.alloc(0));
  // Namespace: metadata 1, spec 2 (finalizers 1).
  const spec = decodeFields(bytes(object, 2) ?? Buffer.alloc(0));
  const finalizers = strings(spec, 1);
  return {
    apiVersion: text(typeMeta, 1) || 'v1',
    kind,
    metadata: objectMeta(bytes(object, 1)),
    ...(finalizers.length ? { spec: { finalizers } } : {}),
  };
}
