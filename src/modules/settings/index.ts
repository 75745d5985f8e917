/** Process settings' public face: lifecycles, the priority matrix, RACI, categories and options. */
export {
  cachedLifecycle,
  checkCategory,
  DEFAULT_LIFECYCLES,
  getLifecycle,
  getPriorityMatrix,
  getProcessOptions,
  getRaci,
  PROCESSES,
  type ProcessKey,
  readSetting,
  writeSetting,
} from './service.ts';
