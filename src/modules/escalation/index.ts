/** Escalation's public face: its policy per process and what it did to a record. It reacts to SLA alerts on its own. */
export { getEscalationPolicy } from './policy.ts';
export { listRecordEscalations } from './records.ts';
