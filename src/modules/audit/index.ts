/** The audit module's public face: append to the audit log and read it. */
export { countRecentFailedLogins, listAudit, writeAudit } from './service.ts';
