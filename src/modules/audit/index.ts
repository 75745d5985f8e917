/** The audit module's public face: append to the audit log and read it. */
export { type LoginFailureStats, listAudit, loginFailureStats, writeAudit } from './service.ts';
