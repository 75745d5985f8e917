/**
 * Factories for service level tests: calendars, services, organisations and agreed agreements,
 * made through the API as a service manager, with defaults that keep the arithmetic easy.
 */
import { type Client, expectJson } from './app.ts';

export const ALWAYS = {
  timeZone: 'UTC',
  intervals: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};

/** Targets in minutes: response `r × priority`, resolution `s × priority`. */
export function targets(response = 60, resolution = 240) {
  return [1, 2, 3, 4, 5].map((priority) => ({
    priority,
    responseMinutes: response * priority,
    resolutionMinutes: resolution * priority,
  }));
}

let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}-${Math.random().toString(36).slice(2, 6)}`;

export type Created = { id: string; name: string; version: number };

export async function buildCalendar(manager: Client, over: Record<string, unknown> = {}) {
  return expectJson<Created>(
    await manager.post('/api/v1/calendars', { name: unique('Calendar'), ...ALWAYS, ...over }),
    201,
  );
}

export async function buildOrganisation(
  manager: Client,
  kind: 'customer' | 'supplier' | 'internal' = 'customer',
) {
  return expectJson<Created>(await manager.post('/api/v1/organisations', { name: unique(kind), kind }), 201);
}

export async function buildService(manager: Client, over: Record<string, unknown> = {}) {
  return expectJson<Created & { lifecycleStatus: string }>(
    await manager.post('/api/v1/services', {
      kind: 'business',
      name: unique('Service'),
      criticality: 'high',
      lifecycleStatus: 'live',
      ...over,
    }),
    201,
  );
}

export type AgreementOver = {
  kind?: 'sla' | 'ola' | 'uc';
  calendarId: string;
  effectiveFrom?: string;
  [key: string]: unknown;
};

/** Draft and agree an agreement in one go. */
export async function buildAgreement(manager: Client, over: AgreementOver) {
  const draft = expectJson<Created>(
    await manager.post('/api/v1/agreements', {
      kind: 'sla',
      name: unique('Agreement'),
      targets: targets(),
      effectiveFrom: '2026-01-01T00:00:00Z',
      ...over,
    }),
    201,
  );
  return expectJson<Created & { versionNumber: number; lineageId: string }>(
    await manager.post(`/api/v1/agreements/${draft.id}/agree`),
    200,
  );
}

export type ClockView = {
  id: string;
  kind: string;
  metric: string;
  state: string;
  stopReason: string | null;
  agreement: { id: string; name: string; versionNumber: number };
  party: { type: string; id: string; name: string } | null;
  priority: number;
  targetSeconds: number;
  targetVersion: number;
  startedAt: string;
  stoppedAt: string | null;
  dueAt: string | null;
  elapsedSeconds: number;
  remainingSeconds: number;
  breached: boolean;
  thresholds: { percent: number; firedAt: string | null }[];
};

export async function clocksOf(client: Client, recordId: string): Promise<ClockView[]> {
  return expectJson<{ clocks: ClockView[] }>(await client.get(`/api/v1/records/${recordId}/sla`), 200).clocks;
}

export type TimelineView = {
  at: string;
  kind: string;
  clock: { kind: string; metric: string; agreement: string } | null;
  actor: { id: string; name: string } | null;
  cause: string;
  summary: string;
  details: Record<string, unknown>;
};

export async function timelineOf(client: Client, recordId: string): Promise<TimelineView[]> {
  return expectJson<TimelineView[]>(await client.get(`/api/v1/records/${recordId}/sla/timeline`), 200);
}

/** The one clock of a kind and metric (fails the test when there is not exactly one active). */
export function clock(clocks: ClockView[], kind: string, metric: string, active = true): ClockView {
  const found = clocks.filter(
    (c) =>
      c.kind === kind && c.metric === metric && (!active || c.state === 'running' || c.state === 'paused'),
  );
  if (found.length !== 1)
    throw new Error(`expected one ${kind} ${metric} clock, found ${JSON.stringify(found)}`);
  return found[0]!;
}

export const HOUR = 3600;
export const MINUTE = 60_000;
