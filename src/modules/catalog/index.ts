/** The service portfolio's public face: finding services, their customers, and the API shape of a service. */
export { ServiceView } from '../../contracts/services.ts';
export { serviceCustomerIds } from './impact.ts';
export { existingService, findService, getService, servicesOfCustomer } from './service.ts';
