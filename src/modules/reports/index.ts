/**
 * Reporting's public face: the KPI catalog is open, so another module declares its own KPIs
 * (CSAT, effort, change KPIs refined by change management) with `defineKpi`; and the export
 * writers, so another module's report downloads as the same CSV and XLSX.
 */
export { defineKpi, type KpiDefinition } from './catalog.ts';
export { refreshClockDurations } from './durations.ts';
export { CONTENT_TYPES, sendReportFile, type Table, tablesFile } from './exports.ts';
