/**
 * Extension points and service references of the storage backend plugin,
 * for backend modules that add to it.
 *
 * @packageDocumentation
 */
export * from './policy';
