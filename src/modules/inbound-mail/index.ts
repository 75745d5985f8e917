/**
 * Email in's public face. Notifications ask here whether a bounce marked an address as failing
 * before they mail it; the listeners, processing and admin routes are the module's own.
 */
export { clearAddressFailing, failingAddresses, isAddressFailing } from './service.ts';
