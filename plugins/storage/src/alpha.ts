/**
 * The storage plugin for apps on the new frontend system.
 *
 * @packageDocumentation
 */
export {};
