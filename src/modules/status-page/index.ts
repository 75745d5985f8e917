/**
 * The status page's public face: status sources, through which other modules (changes, the
 * change schedule) report work in progress and planned maintenance on services or CIs.
 */
export {
  registerStatusSource,
  type StatusSource,
  type StatusSourceItem,
  statusSourceChanged,
  unregisterStatusSource,
} from './sources.ts';
