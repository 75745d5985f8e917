/**
 * Reporting's public face: the KPI catalog is open, so another module declares its own KPIs
 * (CSAT, effort, change KPIs refined by change management) with `defineKpi`; other modules
 * measure KPIs through the engine (`computeKpi`, `kpiValueOver`) and export their own report
 * tables with the same CSV/XLSX helpers.
 */
export {
  defineKpi,
  type KpiDefinition,
  kpiDefinition,
  kpiDefinitions,
  RECORD_DIMS,
} from './catalog.ts';
export { refreshClockDurations } from './durations.ts';
export { computeKpi, kpiValueOver, presentDefinition, requireKpi } from './engine.ts';
export {
  type Cell,
  CONTENT_TYPES,
  fileName,
  sendReportFile,
  sendTables,
  type Table,
  tablesFile,
} from './exports.ts';
