/**
 * An event recorder like client-go's: core/v1 Events on the involved object,
 * with identical events folded into one whose count and lastTimestamp grow.
 */
import { randomBytes } from 'node:crypto';
import { SimClock } from '../clock';
import { Registry } from '../api/registry';
import { kindByName } from '../kinds';
import { K8sObject } from '../store/types';
import { clone } from '../api/patch/json';

const EVENT = kindByName('Event');

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  /** Dedup key → event name, like the correlator's cache. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly registry: Registry,
    private readonly clock: SimClock,
  ) {}

  normal(
    object: K8sObject,
    reason: string,
    message: string,
    source: EventSource,
  ) {
    this.record(object, 'Normal', reason, message, source);
  }

  warning(
    object: K8sObject,
    reason: string,
    message: string,
    source: EventSource,
  ) {
    this.record(object, 'Warning', reason, message, source);
  }

  private record(
    object: K8sObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
  ) {
    try {
      this.write(object, type, reason, message, source);
    } catch {
      // Events are best effort, as in client-go: a lost event never blocks a controller.
    }
  }

  private write(
    object: K8sObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
  ) {
    const namespace = object.metadata.namespace ?? 'default';
    const key = [
      object.metadata.uid,
      type,
      reason,
      message,
      source.component,
    ].join('\u0000');
    const now = this.clock.nowIso();
    const existingName = this.seen.get(key);
    const existing = existingName
      ? this.registry.find(EVENT, namespace, existingName)
      : undefined;
    const options = { fieldManager: source.component };
    if (existing) {
      const copy = clone(existing);
      copy.count = (existing.count ?? 1) + 1;
      copy.lastTimestamp = now;
      this.registry.update(
        EVENT,
        namespace,
        existing.metadata.name!,
        copy,
        options,
      );
      return;
    }
    const name = `${object.metadata.name}.${randomBytes(8).toString('hex')}`;
    this.registry.create(
      EVENT,
      namespace,
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: {
          kind: object.kind,
          namespace: object.metadata.namespace,
          name: object.metadata.name,
          uid: object.metadata.uid,
          apiVersion: object.apiVersion,
          resourceVersion: object.metadata.resourceVersion,
        },
        reason,
        message,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      },
      options,
    );
    this.seen.set(key, name);
  }
}
