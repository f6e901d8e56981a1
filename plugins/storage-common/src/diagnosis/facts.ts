import type {
  CoreV1Event,
  V1PersistentVolume,
  V1Pod,
} from '@kubernetes/client-node';
import { DriverId, driverForProvisioner } from '../catalogue';
import { STORAGE_PROVISIONER_ANNOTATION } from '../model/annotations';
import { formatQuantity, parseQuantity } from '../quantity';
import { DiagnosisInput } from './types';

/** Milliseconds of a Kubernetes timestamp (Date from client-node, string from JSON). */
export function timeOf(value: unknown): number | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

export function isoOf(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** When an event last happened; undefined without an event or a time. */
export function eventTime(event: CoreV1Event | undefined): number | undefined {
  if (!event) return undefined;
  return (
    timeOf(event.lastTimestamp) ??
    timeOf(event.eventTime) ??
    timeOf(event.firstTimestamp) ??
    timeOf(event.metadata?.creationTimestamp)
  );
}

/** The facts about one claim that the rules read, gathered once. */
export interface ClaimFacts {
  name: string;
  namespace: string;
  /** `namespace/name`, how people refer to a claim. */
  ref: string;
  claimEvents: CoreV1Event[];
  podEvents: CoreV1Event[];
  pods: V1Pod[];
  now: number | undefined;
}

function byTime(a: CoreV1Event, b: CoreV1Event): number {
  return (eventTime(a) ?? 0) - (eventTime(b) ?? 0);
}

export function gatherFacts(input: DiagnosisInput): ClaimFacts {
  const name =
    input.pvc?.metadata?.name ?? input.pv?.spec?.claimRef?.name ?? '';
  const namespace =
    input.pvc?.metadata?.namespace ??
    input.pv?.spec?.claimRef?.namespace ??
    'default';
  const events = Array.isArray(input.events)
    ? input.events.filter(e => e && typeof e === 'object')
    : [];
  const pods = (Array.isArray(input.pods) ? input.pods : []).filter(
    pod =>
      pod?.metadata?.namespace === namespace &&
      (pod.spec?.volumes ?? []).some(
        volume => volume?.persistentVolumeClaim?.claimName === name,
      ),
  );
  const podNames = new Set(pods.map(pod => pod.metadata?.name));
  const claimEvents = events
    .filter(
      e =>
        e.involvedObject?.kind === 'PersistentVolumeClaim' &&
        e.involvedObject?.name === name &&
        (e.involvedObject?.namespace ?? namespace) === namespace,
    )
    .sort(byTime);
  const podEvents = events
    .filter(
      e =>
        e.involvedObject?.kind === 'Pod' &&
        podNames.has(e.involvedObject?.name) &&
        (e.involvedObject?.namespace ?? namespace) === namespace,
    )
    .sort(byTime);
  const newest = Math.max(...events.map(e => eventTime(e) ?? 0), 0);
  const now = timeOf(input.now) ?? (newest > 0 ? newest : undefined);
  return {
    name,
    namespace,
    ref: `${namespace}/${name}`,
    claimEvents,
    podEvents,
    pods,
    now,
  };
}

/** The latest event with one of these reasons. */
export function latest(
  events: CoreV1Event[],
  ...reasons: string[]
): CoreV1Event | undefined {
  return [...events]
    .reverse()
    .find(event => reasons.includes(event.reason ?? ''));
}

/** The latest event whose message matches. */
export function latestMatching(
  events: CoreV1Event[],
  pattern: RegExp,
): CoreV1Event | undefined {
  return [...events].reverse().find(event => pattern.test(event.message ?? ''));
}

export function quote(event: CoreV1Event | undefined): string {
  return event?.message
    ? `Kubernetes reported (${
        event.reason ?? 'event'
      }): "${event.message.trim()}"`
    : '';
}

export function podName(event: CoreV1Event): string {
  return event.involvedObject?.name ?? 'the pod';
}

export function minutesBetween(
  from: number | undefined,
  to: number | undefined,
): number | undefined {
  return from === undefined || to === undefined
    ? undefined
    : (to - from) / 60000;
}

/** The pods using the claim that have not finished. */
export function activePods(facts: ClaimFacts): V1Pod[] {
  return facts.pods.filter(
    pod => !['Succeeded', 'Failed'].includes(pod.status?.phase ?? ''),
  );
}

/** The volume's size, formatted; empty when not known. */
export function sizeOf(
  pv: V1PersistentVolume | undefined,
  fallback?: string,
): string {
  const bytes = parseQuantity(pv?.spec?.capacity?.storage ?? fallback);
  return bytes === undefined ? '' : formatQuantity(bytes);
}

/** The CSI driver serving the claim: from its PV, its class or its provisioner annotation. */
export function driverOf(input: DiagnosisInput): DriverId | undefined {
  return (
    driverForProvisioner(input.pv?.spec?.csi?.driver ?? '') ??
    driverForProvisioner(input.storageClass?.provisioner ?? '') ??
    driverForProvisioner(
      input.pvc?.metadata?.annotations?.[STORAGE_PROVISIONER_ANNOTATION] ?? '',
    )
  );
}
