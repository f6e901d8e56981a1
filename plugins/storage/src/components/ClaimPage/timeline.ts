import {
  ClaimDetailResponse,
  DiagnosisSeverity,
} from '@eks-storage/backstage-plugin-storage-common';
import { stateLabel } from '../../lib/format';
import { pendingNote } from '../../lib/rows';

/** One moment in a claim's life, from our history or from the cluster. */
export interface TimelineEntry {
  key: string;
  at?: string;
  source: 'transition' | 'event' | 'request';
  severity: DiagnosisSeverity;
  title: string;
  detail?: string;
}

function eventSeverity(type: string | undefined): DiagnosisSeverity {
  return type === 'Warning' ? 'warning' : 'info';
}

function requestSeverity(status: string): DiagnosisSeverity {
  if (status === 'failed') return 'error';
  if (status === 'rejected') return 'warning';
  return 'info';
}

function asSeverity(value: string): DiagnosisSeverity {
  return ['ok', 'info', 'warning', 'error'].includes(value)
    ? (value as DiagnosisSeverity)
    : 'info';
}

/** Transitions, cluster events and requests of a claim, newest first. */
export function buildTimeline(claim: ClaimDetailResponse): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...claim.transitions.map((t, i) => ({
      key: `transition-${i}`,
      at: t.observedAt,
      source: 'transition' as const,
      severity: asSeverity(t.severity),
      title: t.fromState
        ? `${stateLabel(t.fromState)} → ${stateLabel(t.toState)}`
        : stateLabel(t.toState),
      detail: t.headline,
    })),
    ...claim.events.map((e, i) => ({
      key: `event-${i}`,
      at: e.lastSeen ?? e.firstSeen,
      source: 'event' as const,
      severity: eventSeverity(e.type),
      title: `${e.reason ?? 'Event'}${
        e.count && e.count > 1 ? ` (×${e.count})` : ''
      } on ${e.object}`,
      detail: e.message,
    })),
    ...claim.requests.map(r => ({
      key: `request-${r.id}`,
      at: r.updatedAt ?? r.createdAt,
      source: 'request' as const,
      severity: requestSeverity(r.status),
      title: pendingNote(r),
      detail: `Requested by ${r.requestedBy}${
        r.decidedBy ? `, decided by ${r.decidedBy}` : ''
      }${r.lastError ? `: ${r.lastError}` : ''}`,
    })),
  ];
  const time = (at?: string) => (at ? Date.parse(at) || 0 : 0);
  return entries.sort((a, b) => time(b.at) - time(a.at));
}
