/** The service portfolio's public face: finding services and their customers. */
export { findService, getService, serviceCustomerIds } from './service.ts';
