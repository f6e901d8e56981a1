import { shortHash } from '@eks-storage/backstage-plugin-storage-common';

/** The longest a request id may be: it becomes a Kubernetes label value. */
const MAX_ID = 63;

/**
 * The request id of one step of one task: the same on every retry of the
 * step (so the storage backend stores one request however often the task
 * is recovered), different for each step and each `each:` item.
 */
export function requestIdForStep(context: {
  task: { id: string };
  step?: { id?: string };
  each?: unknown;
}): string {
  const task = context.task.id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const step = shortHash(
    `${context.step?.id ?? ''}|${JSON.stringify(context.each ?? null)}`,
  );
  const id = `${task}-${step}`.replace(/^-+/, '');
  // A task id that does not fit is hashed whole rather than cut, so two
  // long ids never share a request.
  return id.length <= MAX_ID ? id : `t-${shortHash(task)}-${step}`;
}
