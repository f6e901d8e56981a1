/**
 * The ObjectMeta schema in one place: field validation needs every field it
 * knows, managed fields need the ones only the server sets.
 */

/** ObjectMeta fields the server sets; a client's field set never owns them. */
export const SERVER_SET_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

/** Every ObjectMeta field of the schema; others are unknown fields. */
export const OBJECT_META_FIELDS = [
  'name',
  'generateName',
  'namespace',
  ...SERVER_SET_METADATA,
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
];
