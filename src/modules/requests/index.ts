/** Request fulfilment's public face: ordering from the catalog and the request use cases. */
export { type CatalogItemInput, createCatalogItem, listCatalogItems } from './catalog.ts';
export {
  createRequest,
  getRequestView,
  transitionRequest,
  transitionRequestTask,
  updateRequest,
  updateRequestTask,
} from './service.ts';
