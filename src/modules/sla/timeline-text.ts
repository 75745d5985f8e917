/** One-line, human descriptions of SLA timeline events, so every client words them the same way. */

type ClockLabel = { kind: string; metric: string; agreement: string } | null;

const KIND_LABEL: Record<string, string> = { sla: 'SLA', ola: 'OLA', uc: 'Underpinning contract' };

const REASONS: Record<string, string> = {
  responded: 'the record was first worked on',
  resolved: 'the record was resolved',
  assigned: 'someone in the group took it',
  acknowledged: 'the supplier acknowledged',
  released: 'the supplier was released',
  reassigned: 'the record moved to another group',
  replaced: 'another agreement now applies',
  no_agreement: 'no agreement applies any more',
  closed: 'the record was closed without resolution',
};

/** Working seconds as "2 h 30 min", "3 d 4 h" (days of 24 working hours never occur: calendars vary). */
export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

export function describeEvent(kind: string, clock: ClockLabel, d: Record<string, unknown>): string {
  const who = clock
    ? `${KIND_LABEL[clock.kind] ?? clock.kind} ${clock.metric} clock (${clock.agreement})`
    : '';
  const reason = typeof d.reason === 'string' ? (REASONS[d.reason] ?? d.reason) : null;
  switch (kind) {
    case 'started':
      return `${who} started: target ${formatDuration(num(d.targetSeconds))} for priority ${d.priority}`;
    case 'paused':
      return `${who} paused`;
    case 'resumed':
      return `${who} resumed`;
    case 'reopened':
      return `${who} running again: the record was reopened (the time it spent resolved does not count)`;
    case 'target_changed':
      return `${who} target changed from ${formatDuration(num(d.fromTargetSeconds))} (P${d.fromPriority}) to ${formatDuration(num(d.toTargetSeconds))} (P${d.toPriority}), counted from the original start`;
    case 'met':
      return `${who} met${reason ? `: ${reason}` : ''}`;
    case 'stopped':
      return `${who} stopped${reason ? `: ${reason}` : ''}`;
    case 'warning':
      return `${who} reached ${d.threshold} % of its target`;
    case 'breach':
      return `${who} breached: the target of ${formatDuration(num(d.targetSeconds))} has passed`;
    case 'supplier_engaged':
      return d.contractApplies
        ? 'Supplier engaged; their underpinning contract clocks started'
        : 'Supplier engaged (no underpinning contract applies)';
    case 'supplier_acknowledged':
      return 'Supplier acknowledged the work';
    case 'supplier_released':
      return `Supplier released (${String(d.outcome ?? 'fulfilled')})`;
    default:
      return who ? `${who}: ${kind}` : kind;
  }
}
