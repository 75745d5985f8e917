/**
 * Reporting's public face: the KPI catalog is open, so another module declares its own KPIs
 * (CSAT, effort, change KPIs refined by change management) with `defineKpi`.
 */
export { defineKpi, type KpiDefinition } from './catalog.ts';
export { refreshClockDurations } from './durations.ts';
