/** Process settings' public face: lifecycles, the priority matrix, RACI, categories and options. */

export { Process, settingDocumentRoutes } from './document-routes.ts';
export {
  assertMayChangeSettings,
  assertMayReadSettings,
  cachedLifecycle,
  cachedPriorityMatrix,
  checkCategory,
  DEFAULT_LIFECYCLES,
  getLifecycle,
  getPriorityMatrix,
  getProcessOptions,
  getRaci,
  PROCESSES,
  type ProcessKey,
  readSetting,
  readSettingOr,
  readSettingOver,
  writeSetting,
} from './service.ts';
