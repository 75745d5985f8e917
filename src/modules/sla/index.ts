/**
 * Service level management's public face: the queues SLA warnings and breaches are sent on (other
 * processes, e.g. escalation, work them) and the clocks table, shared read-only so a reaction can
 * read the clock an alert fired on (documented exception in the architecture test).
 */
export { ALERT_QUEUES, type SlaAlert } from './alerts.ts';
/** Business calendars by id, for measuring working time left outside the SLA module (prediction). */
export { loadCalendars } from './calendars.ts';
export { slaClocks } from './clock-schema.ts';
/** How the SLA timeline words its events; reports explain breaches with the same words. */
export { describeEvent, formatDuration } from './timeline-text.ts';
