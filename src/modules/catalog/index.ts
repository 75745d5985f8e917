/** The service portfolio's public face: finding services, their customers, and the API shape of a service. */
export { ServiceView } from './api-schemas.ts';
export { findService, getService, serviceCustomerIds, servicesOfCustomer } from './service.ts';
