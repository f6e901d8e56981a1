/**
 * Turns a request body into the object it names, refusing one whose
 * apiVersion, kind or namespace disagrees with the URL.
 */
import { ResourceKind, apiVersionOf } from '../kinds';
import { K8sObject } from '../store/types';
import { errors } from './errors';
import { clone, isPlainObject } from './patch/json';

export function checkBody(
  kind: ResourceKind,
  namespace: string | undefined,
  body: unknown,
): K8sObject {
  if (!isPlainObject(body)) {
    throw errors.badRequest(
      `the object provided is unrecognized (must be of type ${kind.kind}): couldn't get version/kind; json parse error: expected an object`,
    );
  }
  const object = clone(body) as K8sObject;
  const expected = apiVersionOf(kind);
  if (object.apiVersion !== undefined && object.apiVersion !== expected) {
    throw errors.badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`,
    );
  }
  if (object.kind !== undefined && object.kind !== kind.kind) {
    throw errors.badRequest(
      `the kind in the data (${object.kind}) does not match the expected kind (${kind.kind})`,
    );
  }
  object.apiVersion = expected;
  object.kind = kind.kind;
  if (object.metadata === undefined) {
    object.metadata = {};
  }
  if (!isPlainObject(object.metadata)) {
    throw errors.badRequest('metadata must be an object');
  }
  if (kind.namespaced) {
    if (
      object.metadata.namespace &&
      namespace &&
      object.metadata.namespace !== namespace
    ) {
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    object.metadata.namespace = namespace ?? object.metadata.namespace;
    if (!object.metadata.namespace) {
      throw errors.badRequest(
        'the server could not find the requested resource: a namespace is required',
      );
    }
  }
  return object;
}

/** A body may omit metadata.name, but may not name another object than the URL. */
export function assertNameMatchesUrl(object: K8sObject, name: string) {
  if (object.metadata.name !== undefined && object.metadata.name !== name) {
    throw errors.badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  object.metadata.name = name;
}

const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The random suffix of a generateName, from the API server's alphabet. */
export function randomSuffix(length = 5) {
  let suffix = '';
  for (let i = 0; i < length; i++) {
    suffix +=
      NAME_SUFFIX_ALPHABET[
        Math.floor(Math.random() * NAME_SUFFIX_ALPHABET.length)
      ];
  }
  return suffix;
}
